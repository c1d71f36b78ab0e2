import FlowExpressions
import FlyingFox
import Foundation

/// The HTTP intake: `POST /events` with a JSON event, authenticated by the home's token or an HMAC signature.
/// Answers 202 with the event id once the event is stored, 400 with the reason for a malformed body,
/// 401 for bad credentials, 413 over the size limit. Binds to 127.0.0.1 unless told otherwise.
public final class IntakeServer: Sendable {
    /// The largest event body accepted.
    public static let maximumBodySize = 256 * 1024
    private let server: HTTPServer

    /// A server on `bind:port` (port 0 picks a free port) handing events and control requests to `client`'s runner.
    public init(bind: String = "127.0.0.1", port: UInt16, credentials: IntakeCredentials, client: LocalRunnerClient) throws {
        let address = try sockaddr_in.inet(ip4: bind, port: port)
        server = HTTPServer(address: address, timeout: 30, pool: NoDelaySocketPool(pool: HTTPServer.defaultPool()), logger: .disabled)
        let authenticator = IntakeAuthenticator(credentials: credentials, replays: ReplayGuard())
        let handler = IntakeHandler(authenticator: authenticator, runner: client.runner)
        let control = ControlRoutes(authenticator: authenticator, client: client)
        Task { [server] in
            await server.appendRoute(HTTPRoute("POST \(ControlRoute.events.rawValue)")) { request in await handler.handle(request) }
            for route in ControlRoute.allCases where route != .events {
                await server.appendRoute(HTTPRoute("POST \(route.rawValue)")) { request in await control.handle(request) }
            }
            await server.appendRoute("GET /health") { _ in HTTPResponse(statusCode: .ok, body: Data("ok\n".utf8)) }
        }
    }

    /// Serves until stopped.
    public func run() async throws { try await server.run() }

    /// Waits until the socket listens, and returns its port.
    public func waitUntilListening() async throws -> UInt16 {
        try await server.waitUntilListening(timeout: 30)
        guard case .ip4(_, let port)? = await server.listeningAddress else { return 0 }
        return port
    }

    /// Stops accepting connections.
    public func stop() async { await server.stop(timeout: 3) }
}

/// Turns one HTTP request into an accepted event or a precise refusal.
struct IntakeHandler: Sendable {
    let authenticator: IntakeAuthenticator
    let runner: Runner

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > IntakeServer.maximumBodySize {
            return Self.answer(.payloadTooLarge, ["error": .string("the body is \(length) bytes; the limit is \(IntakeServer.maximumBodySize)")])
        }
        guard let body = try? await request.bodyData else {
            return Self.answer(.badRequest, ["error": "the body could not be read"])
        }
        guard body.count <= IntakeServer.maximumBodySize else {
            return Self.answer(.payloadTooLarge, ["error": .string("the body is over the \(IntakeServer.maximumBodySize)-byte limit")])
        }
        if let refusal = authenticator.refusal(request, body: body) { return refusal }
        let event: TriggerEvent
        do {
            event = try EventParser.parse([UInt8](body), origin: .http)
        } catch {
            return Self.answer(.badRequest, ["error": .string(error.message)])
        }
        do {
            let runs = try await runner.accept(event)
            return Self.answer(.accepted, ["id": .string(event.id), "runs": .array(runs.map(FlowExpressions.JSONValue.string))])
        } catch {
            return Self.answer(.internalServerError, ["error": .string("the event could not be stored: \(error)")])
        }
    }

    static func answer(_ status: HTTPStatusCode, _ body: FlowExpressions.JSONValue) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "application/json"], body: Data((body.jsonText() + "\n").utf8))
    }
}
