import FlowExpressions
import OrderedCollections

/// A request that starts a flow whose trigger is "When an HTTP request is received" (from `POST /flows/<id>/invoke`)
/// or that a "Run a child flow" step makes.
public struct InvocationRequest: Sendable, Hashable {
    /// The request body (JSON; `null` when empty). Becomes `triggerBody()`.
    public var body: JSONValue
    /// Request headers, name to value. Become `triggerOutputs()['headers']`.
    public var headers: OrderedDictionary<String, JSONValue>
    /// Query parameters, name to value (`triggerOutputs()['queries']`).
    public var queries: OrderedDictionary<String, JSONValue>
    /// The HTTP method (`POST`).
    public var method: String

    public init(body: JSONValue = .null, headers: OrderedDictionary<String, JSONValue> = [:], queries: OrderedDictionary<String, JSONValue> = [:], method: String = "POST") {
        self.body = body
        self.headers = headers
        self.queries = queries
        self.method = method
    }
}

/// What the caller of an HTTP-triggered flow gets back: the run's `Response` (status code, headers, body), or 202 with
/// the run id when the flow has no Response or did not answer in time, or an error status with the reason.
public struct InvocationAnswer: Sendable, Hashable {
    public var statusCode: Int
    public var headers: OrderedDictionary<String, JSONValue>
    public var body: JSONValue
    /// The run started, if one was.
    public var runId: String?

    public init(statusCode: Int, headers: OrderedDictionary<String, JSONValue> = [:], body: JSONValue = .null, runId: String? = nil) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.runId = runId
    }

    /// The answer as a step's outputs (`{"statusCode", "headers", "body"}`), as the Workflow action records it.
    public var outputs: JSONValue {
        ["statusCode": .int(statusCode), "headers": .object(headers), "body": body]
    }

    /// An error answer in the reference's shape: `{"error": {"code", "message"}}`.
    static func error(_ status: Int, code: String, _ message: String, runId: String? = nil) -> InvocationAnswer {
        InvocationAnswer(statusCode: status, headers: ["Content-Type": "application/json"],
                         body: ["error": ["code": .string(code), "message": .string(message)]], runId: runId)
    }

    /// 202 Accepted with the run id (header `x-ms-workflow-run-id`, as the reference sends it, and the body).
    static func accepted(runId: String, note: String) -> InvocationAnswer {
        InvocationAnswer(statusCode: 202, headers: ["x-ms-workflow-run-id": .string(runId), "Content-Type": "application/json"],
                         body: ["runId": .string(runId), "status": "Accepted", "message": .string(note)], runId: runId)
    }
}

extension RunOrigin {
    /// Started by an HTTP request (`POST /flows/<id>/invoke`).
    public static let request: RunOrigin = "request"
    /// Started by a parent flow's "Run a child flow" step.
    public static let childFlow: RunOrigin = "child-flow"
    /// Started by a Recurrence trigger's schedule.
    public static let schedule: RunOrigin = "schedule"
}
