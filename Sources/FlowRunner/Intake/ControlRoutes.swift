import FlowExpressions
import Foundation
import HTTPTypes
import Hummingbird
import Insights

/// The server side of `ControlRoute`: each request carried out by the runner's `LocalRunnerClient`, so an
/// attached client gets exactly what an embedded one would. Authenticated like `/events`.
struct ControlRoutes: Sendable {
    let authenticator: IntakeAuthenticator
    let client: LocalRunnerClient
    let reader: BodyReader

    func handle(_ request: Request, route: ControlRoute) async -> Response {
        let body: Data
        switch await reader.readAuthenticated(request, by: authenticator) {
        case .success(let bytes): body = bytes
        case .failure(let refusal): return refusal.response
        }
        let document: FlowExpressions.JSONValue
        do throws(JSONSyntaxError) {
            document = body.isEmpty ? .object([:]) : try FlowExpressions.JSONValue.parse(bytes: [UInt8](body))
        } catch {
            return IntakeAnswer.json(.badRequest, ["error": .string("\(route.rawValue): the body is not valid JSON: \(error.description)")])
        }
        do {
            let (status, answer) = try await carryOut(route, document)
            var response = IntakeAnswer.json(status, answer)
            if status == .tooManyRequests { response.headers[.retryAfter] = "1" }
            return response
        } catch let busy as RunnerBusy {
            return IntakeAnswer.flowBusy(busy)
        } catch {
            return IntakeAnswer.json(.badRequest, ["error": .string("\(error)")])
        }
    }

    private func carryOut(_ route: ControlRoute, _ document: FlowExpressions.JSONValue) async throws -> (HTTPResponse.Status, FlowExpressions.JSONValue) {
        switch route {
        case .events:
            if await client.runner.retryAfterWhenFull() != nil {
                return (.tooManyRequests, ["error": "the runner's queue is full; retry in 1 s"])
            }
            let accepted = try await client.accept(event: document, origin: .http)
            return (.accepted, ["id": .string(accepted.eventId), "runs": .array(accepted.runIds.map(FlowExpressions.JSONValue.string))])
        case .testFlow:
            let id = try await client.startTest(flowId: try text(document, "flow"), triggerBody: document["body"] ?? .object([:]),
                                                dryRun: document["dryRun"]?.boolValue ?? false)
            return (.accepted, ["id": .string(id)])
        case .reloadFlows:
            try await client.reloadFlows()
            return (.ok, ["reloaded": true])
        case .resubmitRun:
            return (.accepted, ["id": .string(try await client.resubmit(runId: try text(document, "run")))])
        case .waitRun:
            let seconds = min(max(document["seconds"]?.doubleValue ?? 20, 0), 30)
            guard let run = try await client.waitForRun(try text(document, "run"), within: seconds) else { return (.ok, ["finished": false]) }
            return (.ok, ["finished": true, "id": .string(run.id), "status": .string(run.status.rawValue)])
        case .refresh:
            return (.ok, try CodableJSON.value(try await client.refresh(source: document["source"]?.stringValue)))
        case .schedule:
            if let wanted = document["set"] { try await client.setSchedule(try CodableJSON.decode(RefreshSchedule.self, from: wanted)) }
            return (.ok, ["schedule": try await client.schedule().map(CodableJSON.value) ?? .null])
        case .demoFeed:
            if let wanted = document["set"] {
                guard let on = wanted.boolValue else { throw RunnerClientError("\"set\" must be true or false") }
                try await client.setDemoFeed(on: on)
            }
            return (.ok, ["on": try await client.demoFeed().map(FlowExpressions.JSONValue.bool) ?? .null])
        case .activity:
            return (.ok, try CodableJSON.value(try await client.activity()))
        }
    }

    private func text(_ document: FlowExpressions.JSONValue, _ key: String) throws -> String {
        guard let value = document[key]?.stringValue, !value.isEmpty else { throw RunnerClientError("the body needs \"\(key)\"") }
        return value
    }
}
