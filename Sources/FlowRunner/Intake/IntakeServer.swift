import FlowExpressions
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The HTTP intake: `POST /events` with a JSON event, authenticated by the home's token or an HMAC signature, and
/// the control routes of attached clients. Answers 202 with the event id once the event is stored, 400 with the
/// reason for a malformed body, 401 for bad credentials, 413 over the size limit. Built on Hummingbird (SwiftNIO)
/// with the `IntakeLimits` enforced by the HTTP decoder, the body stream and `RequestDeadlineHandler`. Binds to
/// 127.0.0.1 unless told otherwise.
public final class IntakeServer: Sendable {
    /// The largest event body accepted.
    public static let maximumBodySize = IntakeLimits.standard.maximumBodySize

    /// Where the server got to: its port once it listens, or why it could not start.
    private final class Listening: Sendable {
        struct State: Sendable {
            var port: UInt16?
            var failure: String?
        }
        let state = Mutex(State())
        func read() -> State { state.withLock { $0 } }
        func listens(on port: UInt16?) { state.withLock { $0.port = port } }
        func failed(_ reason: String) { state.withLock { $0.failure = reason } }
    }

    private let group: ServiceGroup
    private let limits: IntakeLimits
    private let listening: Listening
    private let serving = Mutex<Task<Void, any Error>?>(nil)
    private let connections = OpenConnections()

    /// A server on `bind:port` (port 0 picks a free port) handing events and control requests to `client`'s runner.
    public init(bind: String = "127.0.0.1", port: UInt16, credentials: IntakeCredentials, client: LocalRunnerClient,
                limits: IntakeLimits = .standard) throws {
        self.limits = limits
        let listening = Listening()
        self.listening = listening
        let reader = BodyReader(limit: limits.maximumBodySize)
        let authenticator = IntakeAuthenticator(credentials: credentials, replays: ReplayGuard())
        let events = IntakeHandler(authenticator: authenticator, runner: client.runner, reader: reader)
        let control = ControlRoutes(authenticator: authenticator, client: client, reader: reader)
        let router = Router()
        let service = ServiceRoutes(client: client, authenticator: authenticator)
        router.post(RouterPath(ControlRoute.events.rawValue)) { request, _ in
            let response = await events.handle(request)
            if let reason = ServiceRoutes.rejection(response.status) { service.metrics?.eventRejected(reason: reason) }
            return response
        }
        for route in ControlRoute.allCases where route != .events {
            router.post(RouterPath(route.rawValue)) { request, _ in await control.handle(request, route: route) }
        }
        let invoke = InvokeRoute(authenticator: authenticator, client: client, reader: reader)
        router.post("/flows/:id/invoke") { request, context in
            await invoke.handle(request, flowId: context.parameters.get("id") ?? "")
        }
        service.register(on: router)

        var logger = Logger(label: "insightflow.intake")
        logger.logLevel = .warning
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.maximumHeaderFieldSize, maxHeaderListSize: limits.maximumHeaderListSize,
            maxHeaderFieldCount: limits.maximumHeaderCount)
        let connections = connections
        let channel = HTTP1Channel.Configuration(additionalChannelHandlers: [RequestDeadlineHandler(limits: limits, connections: connections)],
                                                 httpDecoderConfiguration: decoder)
        let configuration = ApplicationConfiguration(
            address: .hostname(bind, port: Int(port)), serverName: nil,
            availableConnectionsDelegate: MaximumAvailableConnections(max(1, limits.maximumConnections)))
        let application = Application(router: router, server: .http1(configuration: channel), configuration: configuration,
                                      onServerRunning: { channel in
                                          listening.listens(on: channel.localAddress?.port.flatMap { UInt16(exactly: $0) })
                                      }, logger: logger)
        group = ServiceGroup(configuration: .init(services: [application], logger: logger))
    }

    /// Serves until stopped.
    public func run() async throws {
        try await start().value
    }

    /// Starts serving in the background (once); `run()` and `stop()` wait on the same task.
    @discardableResult
    private func start() -> Task<Void, any Error> {
        serving.withLock { task in
            if let task { return task }
            let started = Task { [group, listening] in
                do {
                    try await group.run()
                } catch {
                    listening.failed("\(error)")
                    throw error
                }
            }
            task = started
            return started
        }
    }

    /// Waits until the socket listens, and returns its port.
    public func waitUntilListening() async throws -> UInt16 {
        start()
        for _ in 0..<3000 {
            let state = listening.read()
            if let port = state.port { return port }
            if let failure = state.failure { throw IntakeServerError(message: "the intake could not listen: \(failure)") }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw IntakeServerError(message: "the intake did not start listening within 30 s")
    }

    /// Stops accepting connections, lets requests in progress finish for up to `IntakeLimits.stopGrace` seconds,
    /// then closes every connection — so a stop is bounded even while clients hold connections open.
    public func stop() async {
        guard let task = serving.withLock({ $0 }) else { return }
        await group.triggerGracefulShutdown()
        if await !Self.finished(task, within: limits.stopGrace) {
            connections.closeAll()
            if await !Self.finished(task, within: 2) { task.cancel() }
        }
        _ = try? await task.value
    }

    /// True when `task` ends within `seconds`. (Not a task group: a group would wait for the task anyway.)
    private static func finished(_ task: Task<Void, any Error>, within seconds: Double) async -> Bool {
        let answer = FirstAnswer()
        return await withCheckedContinuation { continuation in
            answer.await(continuation)
            Task { _ = try? await task.value; answer.give(true) }
            Task { try? await Task.sleep(for: .seconds(seconds)); answer.give(false) }
        }
    }
}

/// A continuation resumed once, by the first of several racers.
private final class FirstAnswer: Sendable {
    private let waiting = Mutex<CheckedContinuation<Bool, Never>?>(nil)

    func await(_ continuation: CheckedContinuation<Bool, Never>) { waiting.withLock { $0 = continuation } }

    func give(_ value: Bool) { waiting.withLock { $0.take() }?.resume(returning: value) }
}

/// The intake could not start.
public struct IntakeServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads a request body up to the limit, refusing early on a `Content-Length` over it and counting while it streams.
struct BodyReader: Sendable {
    let limit: Int

    /// The body's bytes, or the answer refusing it (413 closes the connection: the rest is never read as a request).
    func read(_ request: Request) async -> Result<Data, AnswerRefusal> {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return .failure(AnswerRefusal(IntakeAnswer.tooLarge("the body is \(declared) bytes; the limit is \(limit)")))
        }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return .success(Data(buffer.readBytes(length: buffer.readableBytes) ?? []))
        } catch is NIOTooManyBytesError {
            return .failure(AnswerRefusal(IntakeAnswer.tooLarge("the body is over the \(limit)-byte limit")))
        } catch {
            return .failure(AnswerRefusal(IntakeAnswer.json(.badRequest, ["error": "the body could not be read"], close: true)))
        }
    }
}

extension BodyReader {
    /// The body of a request whose size and credentials check out (size first: nothing over the limit is read),
    /// or the answer refusing it — the one prelude of every authenticated route.
    func readAuthenticated(_ request: Request, by authenticator: IntakeAuthenticator) async -> Result<Data, AnswerRefusal> {
        switch await read(request) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let body):
            if let refusal = authenticator.refusal(request.headers, body: body) { return .failure(AnswerRefusal(refusal)) }
            return .success(body)
        }
    }
}

/// A response refusing a request before it is handled.
struct AnswerRefusal: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}

/// The intake's JSON answers.
enum IntakeAnswer {
    /// A JSON body with `status`; `close` asks the connection to close after it.
    static func json(_ status: HTTPResponse.Status, _ body: JSONValue, close: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if close { headers[.connection] = "close" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body.jsonText() + "\n")))
    }

    /// 429 with `Retry-After` while the runner's backlog is at its bound (nothing is stored: the sender retries).
    static func busy(_ runner: Runner) async -> Response? {
        guard let seconds = await runner.retryAfterWhenFull() else { return nil }
        var response = json(.tooManyRequests, ["error": .string("the runner's queue of waiting runs is full; retry in \(seconds) s (nothing was stored)")])
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    /// 429 with `Retry-After` for an event refused because a flow it fires has its `maximumWaitingRuns` waiting.
    static func flowBusy(_ busy: RunnerBusy) -> Response {
        var response = json(.tooManyRequests, ["error": .string(busy.description)])
        response.headers[.retryAfter] = String(busy.retryAfter)
        return response
    }

    /// 413 with the reason, closing the connection.
    static func tooLarge(_ reason: String) -> Response {
        json(.contentTooLarge, ["error": .string(reason)], close: true)
    }
}

/// Turns one HTTP request into an accepted event or a precise refusal.
struct IntakeHandler: Sendable {
    let authenticator: IntakeAuthenticator
    let runner: Runner
    let reader: BodyReader

    func handle(_ request: Request) async -> Response {
        let body: Data
        switch await reader.readAuthenticated(request, by: authenticator) {
        case .success(let bytes): body = bytes
        case .failure(let refusal): return refusal.response
        }
        if let busy = await IntakeAnswer.busy(runner) { return busy }
        let event: TriggerEvent
        do {
            event = try EventParser.parse([UInt8](body), origin: .http)
        } catch {
            return IntakeAnswer.json(.badRequest, ["error": .string(error.message)])
        }
        do {
            let runs = try await runner.accept(event)
            return IntakeAnswer.json(.accepted, ["id": .string(event.id), "runs": .array(runs.map(JSONValue.string))])
        } catch let busy as RunnerBusy {
            return IntakeAnswer.flowBusy(busy)
        } catch {
            return IntakeAnswer.json(.internalServerError, ["error": .string("the event could not be stored: \(error)")])
        }
    }
}
