// Shared by the layout invoker projects (evaluated from their verify.groovy, with the same binding): opens the WAR
// the build produced, checks what every manifest must hold, and returns [manifest, text] for layout-specific checks.
import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def war = new File(basedir, 'target').listFiles().find { it.name.endsWith('.war') }
assert war != null : 'the build produced no WAR'
def zip = new ZipFile(war)
def text = { String path ->
    def entry = zip.getEntry('WEB-INF/hookstead/' + path)
    assert entry != null : "the WAR lacks WEB-INF/hookstead/$path"
    zip.getInputStream(entry).getText('UTF-8')
}
assert zip.getEntry('WEB-INF/lib/webhook-filter-' + projectVersion + '.jar') != null : 'the WAR lacks the filter jar'

def manifest = new JsonSlurper().parseText(text('manifest.json'))
assert manifest.format == 'hookstead-manifest'
assert manifest.formatVersion == 1
assert text(manifest.prelude).contains('$jscomp.asyncExecutePromiseGeneratorProgram')

def scripts = (manifest.webhooks*.script + manifest.webhooks*.runAs*.script
        + manifest.functions*.script + manifest.functions*.runAs*.script).findAll { it != null }
assert !scripts.isEmpty()
scripts.each { s ->
    def es5 = text(s.path)
    assert es5.contains('__hs_guard__.check();') : "${s.path} was not instrumented"
    assert !(es5 =~ /=>|\basync function|\bclass\s+\w+\s*\{|\bconst\s|\blet\s/) : "${s.path} is not ES5"
    assert !text(s.original).isEmpty()
    assert s.lines.size() >= es5.readLines().size() : "${s.path}: a line-map entry for every compiled line"
}
def openapi = new JsonSlurper().parseText(text('openapi.json'))
assert openapi.openapi == '3.1.0' : 'the WAR carries the OpenAPI document beside the manifest'
manifest.webhooks.each { w ->
    assert openapi.paths.keySet().any { it.endsWith("/service/${w.service}/incoming_webhook/${w.name}") } :
            "the OpenAPI document lacks webhook ${w.service}/${w.name}"
}
return [manifest: manifest, text: text, zip: zip]
