import FlowExpressions
import FlowModel

/// What a delivery attempt produced.
public enum DeliveryOutcome: Sendable {
    case delivered(outputs: JSONValue)
    case failed(DeliveryFailure)
}

/// A failed delivery attempt: whether trying again may help, and how long the server asked to wait.
public struct DeliveryFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var retryable: Bool
    /// Seconds to wait before the next attempt, from a `Retry-After` header.
    public var retryAfter: Double?
    /// The HTTP status (or SMTP reply code) that failed the attempt, if any.
    public var statusCode: Int?
    /// What the server answered, recorded even though the attempt failed.
    public var outputs: JSONValue?

    public init(message: String, retryable: Bool, retryAfter: Double? = nil, statusCode: Int? = nil, outputs: JSONValue? = nil) {
        self.message = message
        self.retryable = retryable
        self.retryAfter = retryAfter
        self.statusCode = statusCode
        self.outputs = outputs
    }

    public var description: String { message }

    /// A failure that no retry can fix (bad inputs, a missing setting).
    static func permanent(_ message: String) -> DeliveryFailure {
        DeliveryFailure(message: message, retryable: false)
    }
}

/// Sends one evaluated step. `inputs` are the step's inputs after expression evaluation; `idempotencyKey` goes
/// in an `Idempotency-Key` header (run id + step + loop iteration path: the same for every attempt and resume)
/// and `attempt` in `X-InsightFlow-Attempt` on HTTP/Teams requests; `dryRun` records what would be sent without
/// sending (outputs say so); `timeout` bounds the attempt in seconds.
public struct DeliveryRequest: Sendable {
    public var stepType: StepType
    public var inputs: JSONValue
    public var connection: Connection?
    public var idempotencyKey: String
    /// 1 for the first attempt, then 2, 3, … for retries.
    public var attempt: Int
    public var dryRun: Bool
    public var timeout: Double

    public init(stepType: StepType, inputs: JSONValue, connection: Connection?, idempotencyKey: String, attempt: Int = 1,
                dryRun: Bool = false, timeout: Double = 120) {
        self.stepType = stepType
        self.inputs = inputs
        self.connection = connection
        self.idempotencyKey = idempotencyKey
        self.attempt = attempt
        self.dryRun = dryRun
        self.timeout = timeout
    }
}

/// Delivers Teams, email and HTTP steps; the runner's executor calls it once per attempt.
public protocol ActionDelivering: Sendable {
    func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome
}
