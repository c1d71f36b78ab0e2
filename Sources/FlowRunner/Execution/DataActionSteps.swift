import FlowExpressions
import FlowModel

/// The Customer Insights connector's data actions (Get entities, Get items from an entity, Get item, Create item,
/// Update item) over the workspace's public entities, each call counted against the connector's throttling limit.
struct DataActionSteps {
    let actions: (any InsightsDataActions)?
    var dryRun = false

    /// The connection a call is counted on: the step's `connection` input, else the connector's own name.
    static func connection(_ inputs: JSONValue) -> String {
        guard let connection = inputs["connection"], connection != .null else { return "customerinsights" }
        return connection.stringValue ?? connection.jsonText()
    }

    func run(_ step: Step, inputs: JSONValue) throws -> StepOutcome {
        guard let actions else {
            throw StepFailure(message: "this runner has no Customer Insights workspace to read", code: "NoWorkspace", inputs: inputs)
        }
        let writes = step.type == .createItem || step.type == .updateItem
        if writes && dryRun {
            return StepOutcome(status: .succeeded, inputs: inputs, outputs: ["dryRun": true, "entity": inputs["entity"] ?? .null])
        }
        let connection = Self.connection(inputs)
        if let throttle = actions.throttle, let seconds = throttle.admit(connection: connection) {
            return Self.throttled(inputs: inputs, connection: connection, retryAfter: seconds, limit: throttle.limit, period: throttle.period)
        }
        let entity = inputs["entity"]?.stringValue ?? ""
        let outputs: JSONValue
        switch step.type {
        case .getEntities:
            outputs = ["value": try actions.entities()]
        case .getItems:
            let top = inputs["top"]?.intValue ?? Int(inputs["top"]?.stringValue ?? "") ?? 100
            let skip = inputs["skip"]?.intValue ?? Int(inputs["skip"]?.stringValue ?? "") ?? 0
            let rows = try actions.items(entity: entity, filter: inputs["filter"]?.stringValue, select: inputs["select"]?.stringValue,
                                         orderBy: inputs["orderBy"]?.stringValue, top: top, skip: skip)
            outputs = ["value": rows, "count": .int(rows.arrayValue?.count ?? 0)]
        case .createItem:
            outputs = try actions.createItem(entity: entity, item: inputs["item"] ?? .null)
        case .updateItem:
            outputs = try actions.updateItem(entity: entity, id: Self.text(inputs["id"]), item: inputs["item"] ?? .null)
        default:
            outputs = try actions.item(entity: entity, id: Self.text(inputs["id"]))
        }
        return StepOutcome(status: .succeeded, inputs: inputs, outputs: outputs)
    }

    /// An id written as text or as a number.
    static func text(_ value: JSONValue?) -> String {
        guard let value, value != .null else { return "" }
        return value.stringValue ?? value.jsonText()
    }

    /// The reference's answer to a call over the limit: status 429 with `Retry-After`, the step failed.
    static func throttled(inputs: JSONValue, connection: String, retryAfter: Int, limit: Int, period: Double) -> StepOutcome {
        let message = "Rate limit is exceeded. Try again in \(retryAfter) seconds."
        let outputs: JSONValue = [
            "statusCode": 429,
            "headers": ["Retry-After": .string(String(retryAfter))],
            "body": ["statusCode": 429, "message": .string(message)],
        ]
        return StepOutcome(status: .failed, inputs: inputs, outputs: outputs,
                           error: "\(message) (connection '\(connection)': the Customer Insights connector allows \(limit) calls per connection per \(Int(period)) seconds)",
                           code: "TooManyRequests")
    }
}
