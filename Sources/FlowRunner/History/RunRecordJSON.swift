import FlowExpressions
import FlowModel
import Foundation

extension RunRecord {
    /// The run as `runs --json`, `runs show --json` and `flow test --json` print it (without steps).
    public var summaryJSON: JSONValue {
        [
            "id": .string(id), "flowId": .string(flowId), "flowName": .string(flowName), "flowVersion": .int(flowVersion),
            "status": .string(status.rawValue), "eventId": eventId.map(JSONValue.string) ?? .null, "origin": .string(origin.rawValue),
            "queuedAt": .string(Flow.timestamp(queuedAt)), "startedAt": startedAt.map { .string(Flow.timestamp($0)) } ?? .null,
            "finishedAt": finishedAt.map { .string(Flow.timestamp($0)) } ?? .null, "dryRun": .bool(dryRun),
            "errorCode": errorCode.map(JSONValue.string) ?? .null, "errorMessage": errorMessage.map(JSONValue.string) ?? .null,
        ]
    }

    /// `Webshop`, `High value customers 98 → 104`, or the origin when the trigger names no subject.
    public var triggerSummary: String {
        let body = triggerOutputs["body"] ?? .null
        for key in ["dataSourceName", "segmentName", "measureName"] {
            if let name = body[key]?.stringValue {
                let values = [body["previousCount"] ?? body["previousValue"], body["currentCount"] ?? body["currentValue"]].compactMap { $0?.jsonText() }
                return ([name] + (values.count == 2 ? ["\(values[0]) → \(values[1])"] : [])).joined(separator: " ")
            }
        }
        return origin.rawValue
    }
}

extension StepRecord {
    /// The step as `runs show --json` prints it.
    public var json: JSONValue {
        [
            "name": .string(stepName), "path": .string(path), "iteration": .int(iteration),
            "iterationPath": iterationPath.map(JSONValue.string) ?? .null, "status": .string(status.rawValue),
            "attempts": .int(attempts), "startedAt": .string(Flow.timestamp(startedAt)),
            "finishedAt": finishedAt.map { .string(Flow.timestamp($0)) } ?? .null,
            "inputs": inputs ?? .null, "outputs": outputs ?? .null, "error": errorMessage.map(JSONValue.string) ?? .null,
        ]
    }
}
