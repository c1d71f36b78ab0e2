import FlowExpressions

/// The `code` of a step's result (`result()`, `actions()`) and the reference-style codes of HTTP failures.
enum ResultCodes {
    /// The result code: an HTTP status name for HTTP-like outputs, the error code for failures, else `NotSpecified`
    /// for a success without a status code.
    static func code(_ outcome: StepOutcome) -> String {
        if let status = outcome.outputs?["statusCode"]?.intValue, let name = httpName(status) { return name }
        if outcome.status == .succeeded { return "OK" }
        return outcome.code ?? "NotSpecified"
    }

    /// The reference's name for an HTTP status (`404` → `NotFound`), nil for a status it does not name.
    static func httpName(_ status: Int) -> String? { names[status] }

    private static let names: [Int: String] = [
        200: "OK", 201: "Created", 202: "Accepted", 204: "NoContent", 301: "MovedPermanently", 302: "Found", 304: "NotModified",
        400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed", 406: "NotAcceptable",
        408: "RequestTimeout", 409: "Conflict", 410: "Gone", 412: "PreconditionFailed", 413: "RequestEntityTooLarge",
        415: "UnsupportedMediaType", 422: "UnprocessableEntity", 429: "TooManyRequests", 500: "InternalServerError",
        501: "NotImplemented", 502: "BadGateway", 503: "ServiceUnavailable", 504: "GatewayTimeout",
    ]
}
