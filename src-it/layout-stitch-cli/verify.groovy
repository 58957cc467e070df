// stitch-cli 20180301: stitch.json + secrets.json, services/<svc>/incoming_webhooks, v1 functions.
def war = evaluate(new File(srcIt, 'read-war-manifest.groovy'))
def m = war.manifest
assert m.app.layout == 'STITCH_CLI'
assert m.app.clientAppId == 'hookstead-stitch-abcde'
assert m.webhooks.collect { it.service + '/' + it.name } == ['gh/onPush', 'http1/pushData', 'http1/status', 'sms/onSms']
def push = m.webhooks.find { it.name == 'pushData' }
assert push.validationMethod == 'VERIFY_PAYLOAD' && push.httpMethod == 'POST'
assert push.runAs.mode == 'SCRIPT' && war.text(push.runAs.script.path).contains('__hs_guard__')
assert m.webhooks.find { it.name == 'onSms' }.secretName == 'sms_auth_token'
assert m.functions*.name == ['getGreeting', 'isAuthorizedUser']
// secrets.json values never reach the WAR, only their names
war.zip.entries().findAll { it.name.startsWith('WEB-INF/hookstead/') && !it.directory }.each { e ->
    def content = war.zip.getInputStream(e).getText('UTF-8')
    assert !content.contains('DO-NOT-LEAK') : "${e.name} holds a secret value from secrets.json"
}
// rules: the server's id and the empty schema are dropped; the pre-roles file becomes one role "default"
def atlas = m.dataSources.find { it.name == 'mongodb-atlas' }
assert atlas.rules.keySet() as List == ['db.c', 'db.legacy']
assert atlas.rules['db.c'].with { database == 'db' && collection == 'c' && filters == [] && !containsKey('id') && !containsKey('schema') }
assert atlas.rules['db.c'].roles*.name == ['owner']
def legacy = atlas.rules['db.legacy']
assert legacy.roles.size() == 1 && legacy.roles[0].name == 'default' && legacy.roles[0].apply_when == [:]
assert legacy.roles[0].additional_fields == [read: true]
assert legacy.schema == [bsonType: 'object', validate: ['%%root.owner_id': ['%exists': true]]]
def log = new File(basedir, 'build.log').text
assert log.contains('db.legacy.json') && log.contains('before roles') : 'the build warns about the converted rule'
assert log.contains('secrets.json') && log.contains('hookstead.secret.') : 'the build warns about secrets.json'
assert !log.contains('DO-NOT-LEAK') : 'the build log repeats a secret value'
return true
