// realm-cli v2 20210101: realm_config.json + .mdb/app_meta.json, http_endpoints/, functions/config.json.
def war = evaluate(new File(srcIt, 'read-war-manifest.groovy'))
def m = war.manifest
assert m.app.layout == 'REALM_CLI_V2'
assert m.app.clientAppId == 'hookstead-v2-klmno' : 'the client id, never the internal .mdb app_id'
assert m.app.appId == '5f0a1b2c3d4e5f6a7b8c9d01'
assert m.endpoints.collect { it.route + ' ' + it.httpMethod } == ['/hello ANY', '/hello GET', '/items POST']
assert m.endpoints.find { it.route == '/items' }.secretName == 'itemsSigningKey'
assert m.functions*.name == ['endpoint/hello/latest', 'insertItems', 'util/format']
assert war.text('scripts/functions/endpoint/hello/latest.js').contains('__hs_guard__')
assert m.values.find { it.name == 'itemsKey' }.with { fromSecret && value == null }
def rules = m.dataSources[0].rules
assert rules.keySet() as List == ['app.audit', 'app.items', 'app.tags', 'default_rule']
assert rules['app.audit'] == [database: 'app', collection: 'audit', roles: [], filters: []] : 'roles: [] is kept: no role applies'
assert !rules['app.tags'].containsKey('roles') : 'schema.json alone: the default rule applies'
assert rules['app.tags'].relationships.item_id.foreign_key == '_id'
assert rules['app.items'].schema.title == 'Item' && rules['app.items'].roles[0].name == 'owner'
assert rules.default_rule.filters == []
return true
