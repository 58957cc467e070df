package dev.hookstead.services.mongodb;

import dev.hookstead.services.Arguments;
import dev.hookstead.services.MongoFailure;
import com.mongodb.bulk.BulkWriteInsert;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.client.result.UpdateResult;
import dev.hookstead.pipeline.ErrorCode;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The collection methods of App Services functions, run synchronously on one {@link MongoCollection}. Arguments come
 * positionally as in JS; results are the platform's shapes ({@code {insertedId}}, {@code {matchedCount,
 * modifiedCount, upsertedId?}}, {@code {deletedCount}}, documents, arrays, numbers).
 */
final class CollectionOperations {

    /** The platform's cap on documents one query returns (spec 8). */
    static final int MAX_RESULTS = 50_000;

    private final MongoCollection<BsonDocument> collection;
    private final int maxResults;

    CollectionOperations(MongoCollection<BsonDocument> collection) {
        this(collection, MAX_RESULTS);
    }

    CollectionOperations(MongoCollection<BsonDocument> collection, int maxResults) {
        this.collection = collection;
        this.maxResults = maxResults;
    }

    /** Runs {@code method}; unknown methods and bad arguments are {@link IllegalArgumentException}s. */
    BsonValue run(String method, BsonArray values) {
        Arguments args = new Arguments(method, values);
        return switch (method) {
            case "insertOne" -> insertOne(args);
            case "insertMany" -> insertMany(args);
            case "findOne" -> findOne(args);
            case "find" -> find(args);
            case "count", "countDocuments" -> count(args);
            case "updateOne", "updateMany" -> update(args);
            case "replaceOne" -> replaceOne(args);
            case "deleteOne" -> delete(args, false);
            case "deleteMany" -> delete(args, true);
            case "findOneAndUpdate" -> findOneAndUpdate(args);
            case "findOneAndReplace" -> findOneAndReplace(args);
            case "findOneAndDelete" -> findOneAndDelete(args);
            case "aggregate" -> aggregate(args);
            case "distinct" -> distinct(args);
            case "bulkWrite" -> bulkWrite(args);
            default -> throw new IllegalArgumentException("collection." + method + " is not a collection method");
        };
    }

    private BsonValue insertOne(Arguments args) {
        BsonDocument document = args.document(0, "the document");
        BsonValue id = collection.insertOne(document).getInsertedId();
        return new BsonDocument("insertedId", id == null ? document.get("_id") : id);
    }

    private BsonValue insertMany(Arguments args) {
        List<BsonDocument> documents = args.documents(0, "the documents", false);
        InsertManyResult result = collection.insertMany(documents);
        BsonArray ids = new BsonArray();
        for (int i = 0; i < documents.size(); i++) {
            BsonValue id = result.getInsertedIds().get(i);
            ids.add(id == null ? documents.get(i).get("_id") : id);
        }
        return new BsonDocument("insertedIds", ids);
    }

    /** findOne(filter?, projection?, options{sort, skip}?) */
    private BsonValue findOne(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        BsonDocument found = query(args, options).limit(1).first();
        return found == null ? BsonNull.VALUE : found;
    }

    /** find(filter?, projection?, options{sort, limit, skip}?): the whole result, as the cursor's toArray(). */
    private BsonValue find(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        FindIterable<BsonDocument> query = query(args, options);
        Integer limit = args.intOption(options, "limit");
        if (limit != null && limit != 0) {
            query.limit(Math.abs(limit)); // a negative limit means the same number, as in the Node.js driver
        }
        return all(query);
    }

    private FindIterable<BsonDocument> query(Arguments args, BsonDocument options) {
        FindIterable<BsonDocument> query = collection.find(args.optionalDocument(0, "the filter"))
                .projection(args.given(1) ? args.document(1, "the projection") : null)
                .sort(args.documentOption(options, "sort"));
        Integer skip = args.intOption(options, "skip");
        if (skip != null) {
            if (skip < 0) {
                throw args.bad("option skip is " + skip, "0 or more");
            }
            query.skip(skip);
        }
        return query;
    }

    /** count(filter?, options{limit, skip}?) and countDocuments(...). */
    private BsonValue count(Arguments args) {
        BsonDocument options = args.optionalDocument(1, "options");
        CountOptions count = new CountOptions();
        Integer limit = args.intOption(options, "limit");
        if (limit != null && limit != 0) {
            count.limit(Math.abs(limit));
        }
        Integer skip = args.intOption(options, "skip");
        if (skip != null) {
            count.skip(skip);
        }
        return number(collection.countDocuments(args.optionalDocument(0, "the filter"), count));
    }

    /** updateOne/updateMany(filter, update (document or pipeline), options{upsert, arrayFilters}?) */
    private BsonValue update(Arguments args) {
        BsonDocument filter = args.document(0, "the filter");
        BsonDocument options = args.optionalDocument(2, "options");
        UpdateOptions update = new UpdateOptions().upsert(Boolean.TRUE.equals(args.booleanOption(options, "upsert")));
        BsonValue arrayFilters = options.get("arrayFilters");
        if (arrayFilters != null && !arrayFilters.isNull()) {
            update.arrayFilters(new ArrayList<>(args.documents(arrayFilters, "option arrayFilters", true)));
        }
        boolean many = args.method().equals("updateMany");
        BsonValue change = args.get(1);
        UpdateResult result;
        if (change != null && change.isArray()) {
            List<Bson> pipeline = new ArrayList<>(args.documents(1, "the update pipeline", false));
            result = many ? collection.updateMany(filter, pipeline, update) : collection.updateOne(filter, pipeline, update);
        } else {
            BsonDocument document = args.document(1, "the update");
            result = many ? collection.updateMany(filter, document, update) : collection.updateOne(filter, document, update);
        }
        return updateResult(result);
    }

    /** replaceOne(filter, replacement, options{upsert}?) */
    private BsonValue replaceOne(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        return updateResult(collection.replaceOne(args.document(0, "the filter"), args.document(1, "the replacement"),
                new ReplaceOptions().upsert(Boolean.TRUE.equals(args.booleanOption(options, "upsert")))));
    }

    private static BsonValue updateResult(UpdateResult result) {
        BsonDocument shape = new BsonDocument("matchedCount", number(result.getMatchedCount()))
                .append("modifiedCount", number(result.getModifiedCount()));
        if (result.getUpsertedId() != null) {
            shape.append("upsertedId", result.getUpsertedId());
        }
        return shape;
    }

    private BsonValue delete(Arguments args, boolean many) {
        BsonDocument filter = args.optionalDocument(0, "the filter");
        DeleteResult result = many ? collection.deleteMany(filter) : collection.deleteOne(filter);
        return new BsonDocument("deletedCount", number(result.getDeletedCount()));
    }

    /** findOneAndUpdate(filter, update, options{projection, sort, upsert, returnNewDocument}?) */
    private BsonValue findOneAndUpdate(Arguments args) {
        BsonDocument filter = args.document(0, "the filter");
        BsonDocument options = args.optionalDocument(2, "options");
        FindOneAndUpdateOptions update = new FindOneAndUpdateOptions()
                .projection(args.documentOption(options, "projection"))
                .sort(args.documentOption(options, "sort"))
                .upsert(Boolean.TRUE.equals(args.booleanOption(options, "upsert")))
                .returnDocument(returnDocument(args, options));
        BsonValue change = args.get(1);
        BsonDocument found;
        if (change != null && change.isArray()) {
            found = collection.findOneAndUpdate(filter, new ArrayList<Bson>(args.documents(1, "the update pipeline",
                    false)), update);
        } else {
            found = collection.findOneAndUpdate(filter, args.document(1, "the update"), update);
        }
        return orNull(found);
    }

    /** findOneAndReplace(filter, replacement, options{projection, sort, upsert, returnNewDocument}?) */
    private BsonValue findOneAndReplace(Arguments args) {
        BsonDocument options = args.optionalDocument(2, "options");
        FindOneAndReplaceOptions replace = new FindOneAndReplaceOptions()
                .projection(args.documentOption(options, "projection"))
                .sort(args.documentOption(options, "sort"))
                .upsert(Boolean.TRUE.equals(args.booleanOption(options, "upsert")))
                .returnDocument(returnDocument(args, options));
        return orNull(collection.findOneAndReplace(args.document(0, "the filter"),
                args.document(1, "the replacement"), replace));
    }

    /** findOneAndDelete(filter, options{projection, sort}?) */
    private BsonValue findOneAndDelete(Arguments args) {
        BsonDocument options = args.optionalDocument(1, "options");
        FindOneAndDeleteOptions delete = new FindOneAndDeleteOptions()
                .projection(args.documentOption(options, "projection"))
                .sort(args.documentOption(options, "sort"));
        return orNull(collection.findOneAndDelete(args.document(0, "the filter"), delete));
    }

    private static ReturnDocument returnDocument(Arguments args, BsonDocument options) {
        return Boolean.TRUE.equals(args.booleanOption(options, "returnNewDocument"))
                ? ReturnDocument.AFTER : ReturnDocument.BEFORE;
    }

    private BsonValue aggregate(Arguments args) {
        return all(collection.aggregate(args.documents(0, "the pipeline", true)));
    }

    /** distinct(field, filter?) */
    private BsonValue distinct(Arguments args) {
        String field = args.string(0, "the field name");
        return all(collection.distinct(field, args.optionalDocument(1, "the filter"), BsonValue.class));
    }

    /**
     * bulkWrite(operations, options{ordered}?) with Node.js-driver-style operations, e.g. {@code {insertOne:
     * {document}}}, {@code {updateOne: {filter, update, upsert}}}, {@code {replaceOne: {filter, replacement, upsert}}},
     * {@code {deleteMany: {filter}}}. Resolves to the Node.js driver's counts and id maps.
     */
    private BsonValue bulkWrite(Arguments args) {
        List<BsonDocument> operations = args.documents(0, "the operations", false);
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            writes.add(writeModel(args, operations.get(i), "operations[" + i + "]"));
        }
        BsonDocument options = args.optionalDocument(1, "options");
        Boolean ordered = args.booleanOption(options, "ordered");
        BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(ordered == null || ordered));
        BsonDocument insertedIds = new BsonDocument();
        for (BulkWriteInsert insert : result.getInserts()) {
            insertedIds.append(Integer.toString(insert.getIndex()), insert.getId());
        }
        BsonDocument upsertedIds = new BsonDocument();
        for (BulkWriteUpsert upsert : result.getUpserts()) {
            upsertedIds.append(Integer.toString(upsert.getIndex()), upsert.getId());
        }
        return new BsonDocument("insertedCount", number(result.getInsertedCount()))
                .append("matchedCount", number(result.getMatchedCount()))
                .append("modifiedCount", number(result.getModifiedCount()))
                .append("deletedCount", number(result.getDeletedCount()))
                .append("upsertedCount", number(result.getUpserts().size()))
                .append("insertedIds", insertedIds)
                .append("upsertedIds", upsertedIds);
    }

    private static WriteModel<BsonDocument> writeModel(Arguments args, BsonDocument operation, String name) {
        if (operation.size() != 1) {
            throw args.bad(name + " has " + operation.size() + " keys", "objects with exactly one key such as"
                    + " {insertOne: {document}} or {updateOne: {filter, update}}");
        }
        Map.Entry<String, BsonValue> entry = operation.entrySet().iterator().next();
        String kind = entry.getKey();
        BsonDocument spec = args.document(entry.getValue(), name + "." + kind);
        boolean upsert = Boolean.TRUE.equals(args.booleanOption(spec, "upsert"));
        return switch (kind) {
            case "insertOne" -> new InsertOneModel<>(required(args, spec, "document", name, kind));
            case "updateOne" -> new UpdateOneModel<>(required(args, spec, "filter", name, kind),
                    required(args, spec, "update", name, kind), new UpdateOptions().upsert(upsert));
            case "updateMany" -> new UpdateManyModel<>(required(args, spec, "filter", name, kind),
                    required(args, spec, "update", name, kind), new UpdateOptions().upsert(upsert));
            case "replaceOne" -> new ReplaceOneModel<>(required(args, spec, "filter", name, kind),
                    required(args, spec, "replacement", name, kind), new ReplaceOptions().upsert(upsert));
            case "deleteOne" -> new DeleteOneModel<>(required(args, spec, "filter", name, kind));
            case "deleteMany" -> new DeleteManyModel<>(required(args, spec, "filter", name, kind));
            default -> throw args.bad(name + " is a '" + kind + "' operation", "insertOne, updateOne, updateMany,"
                    + " replaceOne, deleteOne or deleteMany");
        };
    }

    private static BsonDocument required(Arguments args, BsonDocument spec, String key, String name, String kind) {
        BsonDocument value = args.documentOption(spec, key);
        if (value == null) {
            throw args.bad(name + "." + kind + "." + key + " is missing", "an object");
        }
        return value;
    }

    /** Every result of a query, refusing more than the cap. */
    private <T extends BsonValue> BsonArray all(MongoIterable<T> results) {
        BsonArray array = new BsonArray();
        try (MongoCursor<T> cursor = results.iterator()) {
            while (cursor.hasNext()) {
                if (array.size() == maxResults) {
                    throw new MongoFailure(ErrorCode.MongoDBError, "query returned more than " + maxResults
                            + " documents, the most one query may return; narrow the filter, or page with limit and"
                            + " skip", null);
                }
                array.add(cursor.next());
            }
        }
        return array;
    }

    private static BsonValue orNull(BsonDocument document) {
        return document == null ? BsonNull.VALUE : document;
    }

    /** A count as a JS number: Int32 when it fits, as the platform typed numbers. */
    private static BsonValue number(long value) {
        return value == (int) value ? new BsonInt32((int) value) : new BsonDouble(value);
    }
}
