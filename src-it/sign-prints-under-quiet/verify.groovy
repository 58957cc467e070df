// Under mvn -q the build log holds only what the goal printed: the title line and the signed curl command, with the
// signature of the seed docs' vector (secret 12345, body {"message":"MESSAGE"}).
def log = new File(basedir, 'build.log').text
assert !log.contains('[INFO]') : 'the build ran quietly'
assert log.contains('webhook hooks/save [POST, VERIFY_PAYLOAD]') : log
assert log.contains("-H 'X-Hook-Signature: sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862'") : log
assert log.contains("'http://h:1/api/client/v2.0/app/first-hour-abcde/service/hooks/incoming_webhook/save'") : log
return true
