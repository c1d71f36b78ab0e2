import FlowExpressions
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The routes for supervisors and scrapers: `GET /health` (alive) and `GET /ready` (store, flows, workspace) without
/// credentials — they tell nothing about events or runs — and `GET /metrics` (Prometheus text) with the intake's
/// bearer token, as its series name flows and sources.
struct ServiceRoutes: Sendable {
    let client: LocalRunnerClient
    let authenticator: IntakeAuthenticator

    /// The runner's metrics, when it counts (`RunnerConfiguration.metrics`).
    var metrics: RunnerMetrics? { client.runner.configuration.metrics }

    /// Adds the three routes to `router`.
    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in IntakeAnswer.json(.ok, ["status": "ok"]) }
        router.get("/ready") { _, _ in await ready() }
        router.get("/metrics") { request, _ in scrape(request) }
    }

    /// 200 with each part's detail when every part is ready, else 503 naming the failing parts.
    func ready() async -> Response {
        let readiness = await Readiness.check(client)
        return IntakeAnswer.json(readiness.ready ? .ok : .serviceUnavailable, readiness.json)
    }

    /// The Prometheus exposition (the history's size read now); 404 when this runner keeps no metrics.
    func scrape(_ request: Request) -> Response {
        if let refusal = authenticator.refusal(request.headers, body: Data()) { return refusal }
        guard let metrics else { return IntakeAnswer.json(.notFound, ["error": "this runner keeps no metrics"]) }
        let history = client.runner.history
        metrics.history(bytes: history.sizeOnDisk(), runs: (try? history.runTotal()) ?? 0)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }

    /// The reason label of an `/events` answer that refused the event (nil for an accepted one).
    static func rejection(_ status: HTTPResponse.Status) -> String? {
        switch status.code {
        case 200..<300: return nil
        case 400: return "malformed"
        case 401: return "unauthorized"
        case 413: return "too_large"
        case 429: return "busy"
        case 500..<600: return "store_error"
        default: return "status_\(status.code)"
        }
    }
}
