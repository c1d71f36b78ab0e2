extension RunnerClient {
    /// Clients that cannot start a request-triggered flow themselves (attached to `serve`): the caller posts to
    /// `serve`'s `POST /flows/<id>/invoke` instead.
    public func invoke(flowId: String, request: InvocationRequest) async throws -> InvocationAnswer {
        throw RunnerClientError("invoking a flow while attached to serve goes through serve's POST /flows/\(flowId)/invoke")
    }
}

extension LocalRunnerClient {
    /// Runs the flow in this process's runner (`Runner.invoke`), waiting up to 120 s for its Response.
    public func invoke(flowId: String, request: InvocationRequest) async throws -> InvocationAnswer {
        await runner.invoke(flowId: flowId, request: request)
    }
}
