// appservices 20230101: root_config.json + .mdb/meta.json, https_endpoints/ spelling.
def war = evaluate(new File(srcIt, 'read-war-manifest.groovy'))
def m = war.manifest
assert m.app.layout == 'APPSERVICES'
assert m.app.clientAppId == 'hookstead-as-pqrst'
assert m.app.providerRegion == 'aws-eu-west-1'
assert m.app.allowedRequestOrigins == ['https://shop.example.com']
assert m.webhooks.collect { it.service + '/' + it.name } == ['gh/onPush', 'hooks/ping']
assert m.webhooks.find { it.name == 'ping' }.httpMethod == 'PUT'
assert m.endpoints.find { it.route == '/items' }.validationMethod == 'SECRET_AS_QUERY_PARAM'
assert m.functions*.name == ['hello', 'helpers/unlisted', 'insertItems']
def rules = m.dataSources[0].rules
assert rules.keySet() as List == ['default_rule', 'shop.customers', 'shop.orders']
assert rules['shop.orders'].roles*.name == ['owner', 'support']
assert rules['shop.orders'].roles[0].document_filters.write == [status: ['%ne': 'shipped']]
assert rules['shop.orders'].roles[1].fields.address.fields.street.read == true
assert rules['shop.orders'].filters[0].query == [owner_id: '%%user.id']
assert !rules['shop.customers'].containsKey('roles') && rules['shop.customers'].schema.required == ['email']
def log = new File(basedir, 'build.log').text
assert log.contains('verification_method') : 'the build warns about the documented typo'
return true
