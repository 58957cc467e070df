// GitHub push event (verified by X-Hub-Signature-256): remember the head commit of each push. A GitHub service
// webhook receives the parsed event itself as its argument.
exports = async function(event) {
  const { head_commit: commit = {}, repository = {} } = event;
  await context.services.get("mongodb-atlas").db("shop").collection("pushes").insertOne({
    repo: repository.full_name, sha: commit.id, message: commit.message
  });
  return { repo: repository.full_name, sha: commit.id };
};
