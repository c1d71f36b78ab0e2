/// The request/response built-ins: `Response` (answers the HTTP request that started the run) and `Workflow`
/// ("Run a child flow": calls another flow of the home and waits for its Response).
extension StepType {
    public static let response = StepType(rawValue: "Response")
    public static let workflow = StepType(rawValue: "Workflow")

    /// The request/response types, appended to `known`.
    static let requestTypes: [StepType] = [.response, .workflow]
}
