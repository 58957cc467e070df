package dev.hookstead.pipeline;

/**
 * Every {@code error_code} Hookstead answers with, and its HTTP status. The statuses for codes the platform never
 * documented are Hookstead's choice, recorded in docs/compatibility.md.
 */
public enum ErrorCode {
    IncomingWebhookNotFound(404),
    MethodNotAllowed(405),
    IncomingWebhookAuthFailed(401),
    InvalidParameter(400),
    MissingParameter(400),
    InvalidSession(401),
    InvalidPassword(401),
    AuthError(401),
    DomainNotAllowed(403),
    BadRequest(400),
    UserNotFound(404),
    AccountNameInUse(409),
    UserAlreadyConfirmed(409),
    ApiKeyNotFound(404),
    ApiKeyAlreadyExists(409),
    NoMatchingRule(403),
    NoMatchingRuleFound(403),
    SchemaValidationFailedWrite(400),
    FunctionExecutionError(400),
    ExecutionTimeLimitExceeded(400),
    ReadSizeLimitExceeded(413),
    FunctionNotFound(404),
    ServiceNotFound(404),
    MongoDBError(500),
    ServiceUnavailable(503),
    TooManyRequests(429),
    InternalServerError(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
