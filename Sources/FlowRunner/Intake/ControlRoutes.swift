import FlowExpressions
import FlyingFox
import Foundation

/// Commands for a running runner from the CLI and an attached terminal app (same credentials as the intake):
/// `POST /runs/resubmit {"run": ID}`, `POST /flows/reload`, `POST /flows/test {"flow": ID, "body": {...}, "dryRun": false}`,
/// `POST /refresh {"source": NAME}` or `{}` for a full refresh.
struct ControlRoutes: Sendable {
    let credentials: IntakeCredentials
    let runner: Runner
    let refresh: (@Sendable (String?) async throws -> Void)?

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard let body = try? await request.bodyData, body.count <= IntakeServer.maximumBodySize else {
            return IntakeHandler.answer(.payloadTooLarge, ["error": "the body is missing or too large"])
        }
        let signature = request.headers[HTTPHeader("X-InsightFlow-Signature")]
        guard credentials.authorizes(authorization: request.headers[.authorization], signature: signature, body: body) else {
            return IntakeHandler.answer(.unauthorized, ["error": "missing or wrong credentials"])
        }
        let document = (try? FlowExpressions.JSONValue.parse(bytes: [UInt8](body))) ?? .object([:])
        do {
            return try await route(request.path, document)
        } catch {
            return IntakeHandler.answer(.badRequest, ["error": .string("\(error)")])
        }
    }

    private func route(_ path: String, _ document: FlowExpressions.JSONValue) async throws -> HTTPResponse {
        switch path {
        case "/runs/resubmit":
            let id = try await runner.resubmit(runId: document["run"]?.stringValue ?? "")
            return IntakeHandler.answer(.accepted, ["id": .string(id)])
        case "/flows/reload":
            try await runner.reload()
            return IntakeHandler.answer(.ok, ["reloaded": true])
        case "/flows/test":
            let run = try await runner.test(flowId: document["flow"]?.stringValue ?? "", triggerBody: document["body"] ?? .object([:]),
                                            dryRun: document["dryRun"]?.boolValue ?? false)
            return IntakeHandler.answer(.ok, ["id": .string(run.id), "status": .string(run.status.rawValue)])
        default:
            guard let refresh else { return IntakeHandler.answer(.badRequest, ["error": "this runner has no workspace"]) }
            try await refresh(document["source"]?.stringValue)
            return IntakeHandler.answer(.ok, ["refreshed": .string(document["source"]?.stringValue ?? "all")])
        }
    }
}
