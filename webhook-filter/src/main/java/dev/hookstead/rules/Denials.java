package dev.hookstead.rules;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.services.MongoFailure;

/**
 * The errors an application user's refused operation gets (spec mongodb-rules 3.3): the platform's text where known,
 * Hookstead's choice (docs/compatibility.md, "Rules: enforcement") where not.
 */
final class Denials {

    private Denials() {
    }

    static MongoFailure noRule(String namespace) {
        return new MongoFailure(ErrorCode.NoMatchingRuleFound, "no rule exists for namespace '" + namespace + "'", null);
    }

    /** A role refused the write: "insert not permitted", "update not permitted" or "delete not permitted". */
    static MongoFailure denied(String action) {
        return new MongoFailure(ErrorCode.NoMatchingRuleFound, action + " not permitted", null);
    }

    /** The written document breaks the schema; the message stays the platform's, the details go to the log. */
    static MongoFailure schema(String action) {
        return new MongoFailure(ErrorCode.SchemaValidationFailedWrite, action + " not permitted", null);
    }

    /** An operator, stage or option only System may use. */
    static MongoFailure systemOnly(String what) {
        return new MongoFailure(ErrorCode.InvalidParameter, what + " is not available to application users: only"
                + " System functions may use it (their MongoDB rules cannot be applied to it)", null);
    }

    static MongoFailure conflict() {
        return new MongoFailure(ErrorCode.MongoDBError, "the document changed while its rules were being checked;"
                + " nothing of it was written, retry the operation", null);
    }
}
