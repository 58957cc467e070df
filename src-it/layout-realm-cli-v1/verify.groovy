// realm-cli v1 20200603: config.json, services/<svc>/incoming_webhooks, environments.
def war = evaluate(new File(srcIt, 'read-war-manifest.groovy'))
def m = war.manifest
assert m.app.layout == 'REALM_CLI_V1'
assert m.app.clientAppId == 'hookstead-v1-fghij'
assert m.app.environment == 'production'
assert m.environments.production.tier == 'prod'
def hook = m.webhooks[0]
assert hook.validationMethod == 'SECRET_AS_QUERY_PARAM'
assert hook.runAs.mode == 'APPLICATION'
assert hook.canEvaluate['%%true']['%function'].name == 'isAuthorizedUser'
assert m.functions*.name == ['isAuthorizedUser']
def rules = m.dataSources[0].rules
assert rules.keySet() as List == ['app.items', 'app.notes', 'default_rule']
assert rules.default_rule == [roles: [[name: 'readOwn', apply_when: [owner_id: '%%user.id'], read: true]], filters: []]
assert rules['app.notes'].filters[0].projection == [draft: 0] : 'the docs\' "project" is written as "projection"'
assert !rules['app.notes'].filters[0].containsKey('project')
assert rules['app.notes'].schema.title == 'Note' && !rules['app.notes'].containsKey('id')
assert new File(basedir, 'build.log').text.contains('filters[0].project')
return true
