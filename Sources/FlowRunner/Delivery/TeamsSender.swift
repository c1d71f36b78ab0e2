import FlowExpressions
import Foundation

/// Posts a Teams message to a webhook: Adaptive Card (Workflows) or legacy MessageCard.
struct TeamsSender: Sendable {
    /// The webhook body for a Teams step with this connection.
    static func body(inputs: JSONValue, connection: Connection?) -> JSONValue {
        TeamsCardBuilder.body(TeamsMessage(inputs: inputs), format: TeamsCardFormat(connection: connection))
    }

    /// Posts the step's card; outputs `statusCode` and `responseText`.
    func send(inputs: JSONValue, connection: Connection, idempotencyKey: String, attempt: Int = 1, timeout: Double) async -> DeliveryOutcome {
        guard let webhook = connection.string("webhookUrl") else {
            return .failed(.permanent("the Teams connection '\(connection.name)' has no webhookUrl"))
        }
        let body = Self.body(inputs: inputs, connection: connection)
        let call = HTTPCall(method: "POST", url: webhook, headers: [
            CurlHeader(name: "Content-Type", value: "application/json"),
            CurlHeader(name: "Idempotency-Key", value: idempotencyKey),
            CurlHeader(name: "X-InsightFlow-Attempt", value: String(attempt)),
        ], body: Array(body.jsonText().utf8), timeout: timeout)
        return await HTTPTransport.deliver(call, outcome: Self.outcome)
    }

    /// 2xx is delivered unless Teams reports throttling in the text; 408, 429 and 5xx may be retried.
    static func outcome(_ reply: HTTPReply) -> DeliveryOutcome {
        let outputs: JSONValue = ["statusCode": .int(reply.statusCode), "responseText": .string(reply.text)]
        let retryAfter = RetryAfter.seconds(reply.header("Retry-After"))
        if reply.isSuccess {
            guard isThrottled(reply.text) else { return .delivered(outputs: outputs) }
            return .failed(DeliveryFailure(message: "Teams throttled the message (HTTP 429 reported in the response)",
                                           retryable: true, retryAfter: retryAfter, statusCode: 429, outputs: outputs))
        }
        return .failed(DeliveryFailure(message: "the Teams webhook answered HTTP \(reply.statusCode)\(reply.snippet)",
                                       retryable: reply.isRetryableStatus, retryAfter: retryAfter,
                                       statusCode: reply.statusCode, outputs: outputs))
    }

    /// Teams' legacy connectors report throttling as a 200 whose text says so ("... returned HTTP error 429 ...");
    /// only that phrase counts, not any 429 that happens to appear in a 2xx body.
    static func isThrottled(_ text: String) -> Bool {
        text.range(of: "HTTP error 429", options: .caseInsensitive) != nil
    }
}
