import FlowExpressions
import FlowModel
import OrderedCollections

/// Response (answers the request that started the run) and Workflow ("Run a child flow": calls another flow of the
/// home and waits for its Response).
struct RequestSteps {
    let environment: RunEnvironment

    func run(_ step: Step, inputs: JSONValue) async throws -> StepOutcome {
        switch step.type {
        case .response: return try await response(inputs)
        default: return try await childFlow(inputs)
        }
    }

    /// The reference's Response action: statusCode (100-599), headers, body. The answer goes to the waiting caller;
    /// the run goes on.
    private func response(_ inputs: JSONValue) async throws -> StepOutcome {
        let statusValue = inputs["statusCode"] ?? .int(200)
        guard let status = statusValue.intValue ?? statusValue.stringValue.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              (100...599).contains(status) else {
            throw StepFailure(message: "Response: statusCode must be a whole number from 100 to 599; got \(statusValue.jsonText())", code: "InvalidTemplate", inputs: inputs)
        }
        var headers = OrderedDictionary<String, JSONValue>()
        if let given = inputs["headers"], !given.isNull {
            guard let members = given.objectValue else {
                throw StepFailure(message: "Response: headers must be an object of names to values; got \(given.typeDescription)", code: "InvalidTemplate", inputs: inputs)
            }
            for (name, value) in members { headers[name] = value.stringValue.map(JSONValue.string) ?? .string(value.jsonText()) }
        }
        let answer = InvocationAnswer(statusCode: status, headers: headers, body: inputs["body"] ?? .null)
        await environment.respond(answer)
        return StepOutcome(status: .succeeded, inputs: inputs, outputs: answer.outputs)
    }

    /// Calls the child flow named by `host.workflow.id` (an id of this home, or a resource id whose last segment is one)
    /// with `body` and `headers`; the outputs are its Response. A status of 400 or more fails the step with the HTTP
    /// status name as its code, as an HTTP action does.
    private func childFlow(_ inputs: JSONValue) async throws -> StepOutcome {
        guard let reference = inputs.value(atPath: "host.workflow.id")?.stringValue, !reference.isEmpty else {
            throw StepFailure(message: "Run a child flow: host.workflow.id must name the flow to call", code: "InvalidTemplate", inputs: inputs)
        }
        let flowId = reference.split(separator: "/").last.map(String.init) ?? reference
        if environment.dryRun {
            return StepOutcome(status: .succeeded, inputs: inputs, outputs: ["statusCode": 202, "headers": [:], "body": ["dryRun": true, "flow": .string(flowId)]])
        }
        var headers = OrderedDictionary<String, JSONValue>()
        for (name, value) in inputs["headers"]?.objectValue ?? [:] { headers[name] = value.stringValue.map(JSONValue.string) ?? .string(value.jsonText()) }
        let answer = await environment.invokeFlow(flowId, InvocationRequest(body: inputs["body"] ?? .null, headers: headers))
        guard answer.statusCode < 400 else {
            let message = answer.body.value(atPath: "error.message")?.stringValue ?? "the child flow '\(flowId)' answered \(answer.statusCode)"
            let code = answer.body.value(atPath: "error.code")?.stringValue ?? ResultCodes.httpName(answer.statusCode) ?? "HTTP\(answer.statusCode)"
            return StepOutcome(status: .failed, inputs: inputs, outputs: answer.outputs, error: message, code: code)
        }
        return StepOutcome(status: .succeeded, inputs: inputs, outputs: answer.outputs)
    }
}
