import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// The HTTP front's limits, each seen from a raw client: what is refused, when a connection is closed, and that a
/// stop is bounded while clients hold connections. Small limits keep the tests quick.
@Suite(.serialized) struct IntakeLimitTests {
    func start(_ limits: IntakeLimits) async throws -> (IntakeServer, UInt16, IntakeCredentials) {
        let fixture = try RunnerFixture()
        let runner = try await fixture.runner()
        let credentials = try IntakeCredentials.loadOrCreate(home: fixture.home.url)
        let server = try IntakeServer(port: 0, credentials: credentials, client: LocalRunnerClient(runner: runner), limits: limits)
        Task { try await server.run() }
        return (server, try await server.waitUntilListening(), credentials)
    }

    var small: IntakeLimits {
        var limits = IntakeLimits()
        limits.headTimeout = 0.5
        limits.bodyTimeout = 1
        limits.idleTimeout = 1
        limits.maximumBodySize = 1024
        limits.stopGrace = 0.5
        return limits
    }

    @Test func aHeadThatNeverEndsIsClosedAfterTheHeadTimeout() async throws {
        let (server, port, _) = try await start(small)
        defer { Task { await server.stop() } }
        let connection = try RawConnection(port: port)
        let started = Date()
        await connection.send("POST /events HTTP/1.1\r\nHost: x\r\n")
        for _ in 0..<5 { try await Task.sleep(for: .milliseconds(150)); await connection.send("X-Slow: 1\r\n") }
        let (_, closed) = await connection.readUntilClosed(within: 15)
        #expect(closed, "a slow head is cut off")
        #expect(Date().timeIntervalSince(started) < 10, "soon after the head timeout (0.5 s; generous for a loaded machine), not never")
    }

    @Test func aBodyThatNeverEndsIsClosedAfterTheBodyTimeout() async throws {
        let (server, port, credentials) = try await start(small)
        defer { Task { await server.stop() } }
        let connection = try RawConnection(port: port)
        await connection.send("POST /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(credentials.token)\r\nContent-Length: 500\r\n\r\n{")
        let (_, closed) = await connection.readUntilClosed(within: 6)
        #expect(closed, "a request whose body stops arriving is closed after the body timeout (1 s)")
    }

    @Test func aBodyOverTheLimitGets413AndTheConnectionCloses() async throws {
        let (server, port, credentials) = try await start(small)
        defer { Task { await server.stop() } }
        // Chunked, so no Content-Length tells the size up front: counted while it streams.
        let connection = try RawConnection(port: port)
        await connection.send("POST /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(credentials.token)\r\nTransfer-Encoding: chunked\r\n\r\n")
        let hidden = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
        let chunk = String(repeating: hidden, count: 20)
        for _ in 0..<4 { await connection.send(String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n") }
        let (text, closed) = await connection.readUntilClosed(within: 5)
        #expect(text.hasPrefix("HTTP/1.1 413"), "\(text)")
        #expect(closed)
        #expect(text.components(separatedBy: "HTTP/1.1 ").count == 2, "the body's hidden requests are never answered")
        // With Content-Length over the limit, refused before the body is read.
        let declared = try RawConnection(port: port)
        await declared.send("POST /events HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\n")
        let refused = await declared.readUntilClosed(within: 5)
        #expect(refused.text.hasPrefix("HTTP/1.1 413") && refused.closed, "\(refused.text)")
    }

    @Test func longLinesAndTooManyHeadersAreRefusedNotScanned() async throws {
        let (server, port, _) = try await start(IntakeLimits())
        defer { Task { await server.stop() } }
        let line = try RawConnection(port: port)
        await line.send("GET /health HTTP/1.1\r\nX-Long: " + String(repeating: "a", count: 200_000))
        let long = await line.readUntilClosed(within: 5)
        #expect(long.closed && (long.text.isEmpty || long.text.hasPrefix("HTTP/1.1 400")), "\(long.text)")
        let target = try RawConnection(port: port)
        await target.send("GET /" + String(repeating: "a", count: 200_000))
        #expect(await target.readUntilClosed(within: 5).closed)
        let many = try RawConnection(port: port)
        await many.send("GET /health HTTP/1.1\r\nHost: x\r\n" + (0..<100).map { "X-H\($0): v\r\n" }.joined() + "\r\n")
        let refused = await many.readUntilClosed(within: 5)
        #expect(refused.text.hasPrefix("HTTP/1.1 400") && refused.closed, "\(refused.text)")
        // The server still answers.
        let health = try RawConnection(port: port)
        await health.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(await health.readUntilClosed(within: 5).text.hasPrefix("HTTP/1.1 200"))
    }

    @Test func connectionsPastTheCapWaitUntilOneCloses() async throws {
        var limits = IntakeLimits()
        limits.maximumConnections = 2
        let (server, port, _) = try await start(limits)
        defer { Task { await server.stop() } }
        let held = try [RawConnection(port: port), RawConnection(port: port)]
        try await Task.sleep(for: .milliseconds(200))
        let third = try RawConnection(port: port)
        await third.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(await third.readUntilClosed(within: 1).text.isEmpty, "the third connection is not served while two are open")
        _ = held.count
        let freed = held[0]
        await freed.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(await freed.readUntilClosed(within: 5).text.hasPrefix("HTTP/1.1 200"))
        #expect(await third.readUntilClosed(within: 5).text.hasPrefix("HTTP/1.1 200"), "served once a slot freed")
    }

    @Test func stopIsBoundedWhileAClientHoldsARequestOpen() async throws {
        var limits = small
        limits.bodyTimeout = 60
        let (server, port, credentials) = try await start(limits)
        let connection = try RawConnection(port: port)
        await connection.send("POST /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(credentials.token)\r\nContent-Length: 500\r\n\r\n{")
        try await Task.sleep(for: .milliseconds(200))
        let started = Date()
        await server.stop()
        #expect(Date().timeIntervalSince(started) < 5, "stop took \(Date().timeIntervalSince(started)) s with a 0.5 s grace")
        #expect(await connection.readUntilClosed(within: 2).closed)
    }
}
