import FlowExpressions
import Foundation

/// Sends HTTP steps; outputs `statusCode`, `headers` and `body` (parsed when JSON), also on failure.
struct HTTPSender: Sendable {
    /// Sends the request; non-2xx fails (retryable for 408, 429, 5xx, honouring `Retry-After`).
    func send(_ request: HTTPStepRequest, timeout: Double) async -> DeliveryOutcome {
        let call = HTTPCall(method: request.method, url: request.url, headers: request.headers, body: request.body, timeout: timeout)
        return await HTTPTransport.deliver(call, outcome: Self.outcome)
    }

    static func outcome(_ reply: HTTPReply) -> DeliveryOutcome {
        let outputs = outputs(reply)
        guard reply.isSuccess else {
            return .failed(DeliveryFailure(message: "the server answered HTTP \(reply.statusCode)\(reply.snippet)",
                                           retryable: reply.isRetryableStatus,
                                           retryAfter: RetryAfter.seconds(reply.header("Retry-After")),
                                           statusCode: reply.statusCode, outputs: outputs))
        }
        return .delivered(outputs: outputs)
    }

    /// `statusCode`, `headers` (repeated names joined with ", ") and `body`.
    static func outputs(_ reply: HTTPReply) -> JSONValue {
        var headers: JSONValue = [:]
        for header in reply.headers {
            let joined = headers[header.name]?.stringValue.map { $0 + ", " + header.value } ?? header.value
            headers = headers.setting(.string(joined), atPathComponent: header.name)
        }
        return ["statusCode": .int(reply.statusCode), "headers": headers, "body": body(reply)]
    }

    /// The body parsed as JSON when the content type says JSON (and it parses), else the text.
    static func body(_ reply: HTTPReply) -> JSONValue {
        let type = reply.header("Content-Type")?.lowercased() ?? ""
        if type.contains("json") {
            if reply.body.isEmpty { return .null }
            if let parsed = try? JSONValue.parse(bytes: reply.body) { return parsed }
        }
        return .string(reply.text)
    }
}
