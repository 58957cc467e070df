// The WAR built from exactly the README's snippet (prebuild.groovy), deployed to Tomcat: it starts, answers a signed
// call, logs one line per invocation (the error body's link names a logged invocation), and start-up says where the
// embedded database keeps its data. The same WAR without its SLF4J provider: the container's own log says so once,
// names the fix, and still carries the embedded database's warning. The same WAR without the embedded database's
// jars (docs/deployment.md): with a URI it starts and answers, without one start-up fails naming the setting.
import java.util.zip.ZipEntry
import java.util.zip.ZipFile
import java.util.zip.ZipOutputStream

def war = new File(basedir, 'snippet/target/first-hour-1.0.war')
assert war.isFile() : 'the snippet builds a WAR'
def entries = new ZipFile(war).withCloseable { zip -> zip.entries().collect { it.name } }
assert entries.contains('WEB-INF/hookstead/manifest.json')
assert entries.any { it ==~ /WEB-INF\/lib\/slf4j-simple-.*\.jar/ }

// The WAR minus the jars whose names match `left`, as a build with those dependencies excluded would make it.
def without = { String name, String left ->
    def copy = new File(basedir, name)
    new ZipFile(war).withCloseable { zip ->
        new ZipOutputStream(new FileOutputStream(copy)).withCloseable { out ->
            zip.entries().findAll { !(it.name ==~ "WEB-INF/lib/(${left})-.*\\.jar") }.each { entry ->
                out.putNextEntry(new ZipEntry(entry.name))
                zip.getInputStream(entry).withCloseable { out << it }
                out.closeEntry()
            }
        }
    }
    copy
}
def silent = without('silent.war', 'slf4j-simple')
// docs/deployment.md's production WAR: mongo-java-server excluded, and with it H2 and Netty
def lean = without('lean.war', 'mongo-java-server.*|h2|netty.*')
def leanJars = new ZipFile(lean).withCloseable { zip -> zip.entries().collect { it.name }.findAll { it.startsWith('WEB-INF/lib/') } }
assert !leanJars.any { it =~ /mongo-java-server|\/h2-|netty/ } && leanJars.any { it.contains('mongodb-driver-sync') } : leanJars

def jar = { String group, String artifact ->
    new File(localRepositoryPath, "${group.replace('.', '/')}/${artifact}/${tomcatVersion}/${artifact}-${tomcatVersion}.jar")
}
def classpath = [jar('org.apache.tomcat.embed', 'tomcat-embed-core'), jar('org.apache.tomcat', 'tomcat-annotations-api')]
classpath.each { assert it.isFile() : "${it} (the plugin's own Tomcat, resolved by the build)" }

def run = new File(basedir, 'run').canonicalFile
run.mkdirs()
def portFile = new File(run, 'port')
def log = new File(basedir, 'server.log')
def command = [new File(System.getProperty('java.home'), 'bin/java').path, '-cp', classpath*.path.join(File.pathSeparator),
               new File(basedir, 'DeployWar.java').path, run.path, portFile.path,
               "/first-hour=${war.path}".toString(), "/silent=${silent.path}".toString(),
               // nothing listens there: start-up and requests that need no data work, data calls get 503
               "/lean=${lean.path}|hookstead.service.mongodb-atlas.uri=mongodb://127.0.0.1:9/".toString(),
               "!/lean-without-uri=${lean.path}".toString()]
def builder = new ProcessBuilder(command).directory(run).redirectErrorStream(true).redirectOutput(log)
builder.environment().keySet().removeIf { it.startsWith('HOOKSTEAD_') }
builder.environment().put('HOOKSTEAD_ENGINE_POOLSIZE', '1') // one warm JavaScript global per webapp starts faster
def server = builder.start()
try {
    for (int i = 0; i < 240 && !portFile.isFile(); i++) {
        assert server.alive : "Tomcat exited:\n${log.text}"
        sleep 500
    }
    assert portFile.isFile() : "Tomcat did not start within 120 s:\n${log.text}"
    def base = "http://127.0.0.1:${portFile.text.trim()}"
    def post = { String path, Map headers ->
        def connection = (HttpURLConnection) new URL(base + path).openConnection()
        connection.requestMethod = 'POST'
        connection.doOutput = true
        connection.setRequestProperty('Content-Type', 'application/json')
        headers.each { k, v -> connection.setRequestProperty(k, v) }
        connection.outputStream.withCloseable { it << '{"message":"MESSAGE"}' }
        def code = connection.responseCode
        def stream = code < 400 ? connection.inputStream : connection.errorStream
        [code, stream == null ? '' : stream.getText('UTF-8')]
    }
    def hook = '/api/client/v2.0/app/first-hour-abcde/service/hooks/incoming_webhook/save'
    def signature = ['X-Hook-Signature': 'sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862']

    def (code, body) = post('/first-hour' + hook, signature)
    assert code == 200 && body.contains('"saved":"MESSAGE"') : "${code} ${body}\n${log.text}"
    (code, body) = post('/first-hour' + hook, [:])
    assert code == 401 && body.contains('"error":"missing X-Hook-Signature header"') : "${code} ${body}"
    def linked = (body =~ /"link":"hookstead:invocation:([0-9a-f]{24})"/)
    assert linked.find() : body
    (code, body) = post('/silent' + hook, [:])
    assert code == 401 && body.contains('missing X-Hook-Signature header') : "the provider-less WAR answers: ${code} ${body}"
    (code, body) = post('/lean' + hook, [:])
    assert code == 401 && body.contains('missing X-Hook-Signature header') : "the lean WAR answers: ${code} ${body}"
    (code, body) = post('/lean' + hook, signature)
    assert code == 503 && body.contains('"error_code":"ServiceUnavailable"') : "the lean WAR's data call: ${code} ${body}"

    def text = log.text
    assert text =~ /invocation=[0-9a-f]{24} route=hooks\/save method=POST status=200 / : "no invocation line:\n${text}"
    assert text.contains("invocation=${linked.group(1)} route=hooks/save method=POST status=401 errorCode=IncomingWebhookAuthFailed") :
            "the error body's link names no logged invocation:\n${text}"
    def dataFile = new File(run, 'hookstead-data/embedded-mongodb.mv.db').path
    assert text.contains("their data goes to the embedded single-node database file ${dataFile}") :
            "start-up does not say where the data goes:\n${text}"
    assert text.count('SLF4J has no logging provider in this webapp') == 1 : "said once, by the provider-less WAR:\n${text}"
    assert text.contains('Fix: add a provider to the WAR, e.g. the dependency org.slf4j:slf4j-simple')
    assert text.contains('Hookstead: MongoDB service(s) [mongodb-atlas] have no URI configured: their data goes to') :
            "the provider-less WAR's container log carries the embedded database's warning:\n${text}"
    assert text.contains('MongoDB service(s) [mongodb-atlas] have no URI configured, and this WAR has no embedded database'
            + ' (mongo-java-server is not in WEB-INF/lib). Fix: set hookstead.service.mongodb-atlas.uri (environment'
            + ' HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI) to mongodb://host:27017/') :
            "the lean WAR without a URI fails start-up naming the fix:\n${text}"
    assert !text.contains('NoClassDefFoundError') : text
} finally {
    server.destroy()
    server.waitFor()
}
return true
