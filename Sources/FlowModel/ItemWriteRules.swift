import Foundation
import FlowExpressions

/// Create item and Update item: the item is an object of fields (or an expression giving one), and the entity is
/// not one a refresh computes (segment memberships, measure values). Fields are checked against the entity's
/// columns when the step runs, where the workspace is known.
enum ItemWriteRules {
    /// The connector's entities that flows may read but not write.
    static let readOnlyEntities = ["SegmentMembership", "CustomerMeasure"]

    static func check(_ steps: [LocatedStep]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        for located in steps where located.step.type == .createItem || located.step.type == .updateItem {
            let step = located.step
            let action = step.type == .createItem ? "Create item" : "Update item"
            if let entity = step.inputs?["entity"]?.stringValue,
               let readOnly = readOnlyEntities.first(where: { $0.caseInsensitiveCompare(entity.trimmingCharacters(in: .whitespaces)) == .orderedSame }) {
                issues.append(FlowIssue(.error, path: located.pathText + ".inputs.entity", step: step.name, field: "entity",
                                        "\(action) cannot write to \(readOnly): a refresh computes its rows; write to Customer or a data source"))
            }
            guard let item = step.inputs?["item"], item != .null, !StepParameterRules.isExpression(item) else { continue }
            let path = located.pathText + ".inputs.item"
            if let members = item.objectValue {
                if members.isEmpty {
                    issues.append(FlowIssue(.error, path: path, step: step.name, field: "item", "\(action) needs at least one field in Item, e.g. {\"email\": \"a@example.com\"}"))
                }
            } else {
                issues.append(FlowIssue(.error, path: path, step: step.name, field: "item", "Item must be an object of fields such as {\"email\": \"a@example.com\"}; found \(item.jsonText())"))
            }
        }
        return issues
    }
}
