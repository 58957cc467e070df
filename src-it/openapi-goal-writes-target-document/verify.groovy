// webhook:openapi alone (no package): the OpenAPI 3.1 document of the export lands in target/openapi.json.
import groovy.json.JsonSlurper

def file = new File(basedir, 'target/openapi.json')
assert file.isFile() : 'webhook:openapi wrote no target/openapi.json'
def doc = new JsonSlurper().parse(file)
assert doc.openapi == '3.1.0'
def app = '/app/hookstead-v2-klmno/endpoint'
assert doc.paths[app + '/hello'].keySet() == ['get'] as Set : 'GET /hello only: the ANY /hello endpoint is disabled'
assert doc.paths[app + '/items'].post.security.every { it.containsKey('realmEndpointSignature') }
assert doc.components.securitySchemes.realmEndpointSignature.name == 'Endpoint-Signature'
assert doc.paths[app + '/items'].post.responses['401'].'$ref' == '#/components/responses/Error401'
assert doc.paths.keySet().any { it.endsWith('/service/legacy/incoming_webhook/echo') }
assert !new File(basedir, 'target/openapi-goal-writes-target-document-1.0').exists() : 'the goal builds no WAR folder'
return true
