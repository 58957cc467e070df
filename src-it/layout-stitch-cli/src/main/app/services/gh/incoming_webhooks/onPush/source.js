// GitHub push event: remember the head commit of each push.
exports = async function(payload) {
  const event = payload.body ? EJSON.parse(payload.body.text()) : payload;
  const { head_commit: commit = {}, repository = {} } = event;
  await context.services.get("mongodb-atlas").db("db").collection("pushes").insertOne({
    repo: repository.full_name, sha: commit.id, message: commit.message
  });
  return { ok: true };
};
