package dev.hookstead.testing;

import org.bson.BsonDocument;

/** Every collection method once, and what each answers: for System, and for a user whose role allows everything. */
public final class EveryCollectionMethod {

    /** A webhook calling every method of one collection, returning each answer under the method's name. */
    public static final String SCRIPT = """
            exports = async function() {
              const c = context.services.get("mongodb-atlas").db("shop").collection("items");
              const out = {};
              out.insertOne = await c.insertOne({_id: 1, name: "a", qty: 5});
              out.insertMany = await c.insertMany([{_id: 2, name: "b", qty: 1}, {_id: 3, name: "c", qty: 9},
                                                   {_id: 4, name: "d", qty: 3}]);
              out.findOne = await c.findOne({_id: 2}, {name: 1});
              out.findNone = await c.findOne({_id: 99});
              out.find = await c.find({}, {name: 1, _id: 0}).sort({qty: -1}).skip(1).limit(2).toArray();
              out.count = await c.count({qty: {$gt: 2}});
              out.countDocuments = await c.countDocuments();
              out.updateOne = await c.updateOne({_id: 1}, {$inc: {qty: 1}});
              out.upsert = await c.updateOne({_id: 9}, {$set: {name: "z", qty: 0}}, {upsert: true});
              out.updateMany = await c.updateMany({qty: {$lt: 4}}, {$set: {low: true}});
              out.replaceOne = await c.replaceOne({_id: 4}, {name: "d2", qty: 4});
              out.findOneAndUpdate = await c.findOneAndUpdate({_id: 2}, {$set: {qty: 2}}, {returnNewDocument: true});
              out.findOneAndReplace = await c.findOneAndReplace({_id: 3}, {name: "c2", qty: 10});
              out.findOneAndDelete = await c.findOneAndDelete({_id: 9});
              out.aggregate = await c.aggregate([{$match: {qty: {$gte: 2}}}, {$group: {_id: null, total: {$sum: "$qty"}}}]).toArray();
              out.distinct = (await c.distinct("name")).sort();
              out.bulkWrite = await c.bulkWrite([{insertOne: {document: {_id: 5, qty: 1}}},
                                                 {updateOne: {filter: {_id: 5}, update: {$set: {qty: 2}}}},
                                                 {deleteOne: {filter: {_id: 1}}}]);
              out.deleteOne = await c.deleteOne({_id: 2});
              out.deleteMany = await c.deleteMany({});
              out.left = await c.countDocuments({});
              return out;
            };
            """;

    /** The answers, as the platform shapes them. */
    public static BsonDocument expected() {
        return BsonDocument.parse("""
                {insertOne: {insertedId: 1}, insertMany: {insertedIds: [2, 3, 4]},
                 findOne: {_id: 2, name: "b"}, findNone: null,
                 find: [{name: "a"}, {name: "d"}],
                 count: 3, countDocuments: 4,
                 updateOne: {matchedCount: 1, modifiedCount: 1},
                 upsert: {matchedCount: 0, modifiedCount: 0, upsertedId: 9},
                 updateMany: {matchedCount: 3, modifiedCount: 3},
                 replaceOne: {matchedCount: 1, modifiedCount: 1},
                 findOneAndUpdate: {_id: 2, name: "b", qty: 2, low: true},
                 findOneAndReplace: {_id: 3, name: "c", qty: 9},
                 findOneAndDelete: {_id: 9, name: "z", qty: 0, low: true},
                 aggregate: [{_id: null, total: 22}],
                 distinct: ["a", "b", "c2", "d2"],
                 bulkWrite: {insertedCount: 1, matchedCount: 1, modifiedCount: 1, deletedCount: 1, upsertedCount: 0,
                             insertedIds: {"0": 5}, upsertedIds: {}},
                 deleteOne: {deletedCount: 1}, deleteMany: {deletedCount: 3}, left: 0}
                """);
    }

    private EveryCollectionMethod() {
    }
}
