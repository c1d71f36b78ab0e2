/// Response and "Run a child flow", in the HTTP group of the picker.
enum RequestSteps {
    static let all: [StepSpec] = [response, workflow]

    static let response = StepSpec(
        type: .response, displayName: "Response",
        description: "Answer the HTTP request that started the flow (only in a flow started by \"When an HTTP request is received\").",
        group: .http,
        parameters: [
            ParameterSpec("statusCode", "Status code", .integer, required: true, defaultValue: 200, description: "The HTTP status code, 100 to 599"),
            ParameterSpec("headers", "Headers", .object, description: "Response headers, name to value"),
            ParameterSpec("body", "Body", .any, description: "The response body; objects are sent as JSON"),
        ],
        outputs: [],
        defaultStepName: "Response", connectionKind: nil, retriesByDefault: false)

    static let workflow = StepSpec(
        type: .workflow, displayName: "Run a child flow",
        description: "Call another flow of this home (one started by an HTTP request or by hand) and wait for its Response.",
        group: .http,
        parameters: [
            ParameterSpec("host.workflow.id", "Child flow", .string, required: true, description: "The id of the flow to call (insightflow flow list shows the ids)"),
            ParameterSpec("body", "Body", .any, description: "The child's trigger body (triggerBody() in the child)"),
            ParameterSpec("headers", "Headers", .object, description: "Headers passed to the child's trigger outputs"),
        ],
        outputs: [
            OutputSpec("statusCode", "Status code", .integer, "The child's Response status code (202 when it has no Response)"),
            OutputSpec("headers", "Headers", .object, "The child's Response headers"),
            OutputSpec("body", "Body", .any, "The child's Response body"),
        ],
        defaultStepName: "Run_a_child_flow", connectionKind: nil, retriesByDefault: false)
}
