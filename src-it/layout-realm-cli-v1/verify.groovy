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
assert m.dataSources[0].rules.keySet() as List == ['app.items']
return true
