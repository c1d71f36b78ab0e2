import FlowExpressions
import FlowModel

/// Get entities, Get items from an entity and Get item, over the workspace's store.
struct DataActionSteps {
    let actions: (any InsightsDataActions)?

    func run(_ step: Step, inputs: JSONValue) throws -> StepOutcome {
        guard let actions else {
            throw StepFailure(message: "this runner has no Customer Insights workspace to read", code: "NoWorkspace", inputs: inputs)
        }
        let outputs: JSONValue
        switch step.type {
        case .getEntities:
            outputs = ["value": try actions.entities()]
        case .getItems:
            let entity = inputs["entity"]?.stringValue ?? ""
            let top = inputs["top"]?.intValue ?? Int(inputs["top"]?.stringValue ?? "") ?? 100
            let skip = inputs["skip"]?.intValue ?? Int(inputs["skip"]?.stringValue ?? "") ?? 0
            let rows = try actions.items(entity: entity, filter: inputs["filter"]?.stringValue, select: inputs["select"]?.stringValue,
                                         orderBy: inputs["orderBy"]?.stringValue, top: top, skip: skip)
            outputs = ["value": rows, "count": .int(rows.arrayValue?.count ?? 0)]
        default:
            outputs = try actions.item(entity: inputs["entity"]?.stringValue ?? "", id: inputs["id"]?.stringValue ?? "")
        }
        return StepOutcome(status: .succeeded, inputs: inputs, outputs: outputs)
    }
}
