import FlowExpressions
import FlowModel
import Foundation
@testable import FlowRunner

/// A python test server from Tests/support, started once per test process on a free 127.0.0.1 port.
/// It exits by itself when its stdin closes, that is when the test process ends.
final class DeliveryTestServer: Sendable {
    let port: Int
    let process: Process
    private let stdin: Pipe

    /// Starts `Tests/support/<script>` with the arguments and waits for its "PORT <n>" line.
    static func start(_ script: String, arguments: [String] = []) async throws -> DeliveryTestServer {
        let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("support")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let python = ProcessInfo.processInfo.environment["INSIGHTFLOW_TEST_PYTHON"] ?? "python3"
        process.arguments = [python, support.appendingPathComponent(script).path] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = await readLine(output.fileHandleForReading)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            process.terminate()
            throw DeliveryTestError("\(script) did not start (is aiosmtpd installed?): '\(line)'")
        }
        return DeliveryTestServer(port: port, process: process, stdin: input)
    }

    private init(port: Int, process: Process, stdin: Pipe) {
        self.port = port
        self.process = process
        self.stdin = stdin
    }

    /// Reads up to the first newline on a thread of its own.
    private static func readLine(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            Thread {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first, byte != 10 else { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }.start()
        }
    }
}

struct DeliveryTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The shared servers and small helpers of the delivery tests.
enum DeliveryFixtures {
    static let httpSink = Task { try await DeliveryTestServer.start("http_sink.py") }
    static let smtpFolder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-smtp-\(UUID().uuidString)")
    static let smtpSink = Task { try await DeliveryTestServer.start("smtp_sink.py", arguments: [smtpFolder.path]) }
    /// SMTP sinks that require STARTTLS or speak TLS at once; their certificates are `<mode>-cert.pem` in `smtpFolder`.
    static let smtpStartTLSSink = Task { try await DeliveryTestServer.start("smtp_sink.py", arguments: [smtpFolder.path, "starttls"]) }
    static let smtpTLSSink = Task { try await DeliveryTestServer.start("smtp_sink.py", arguments: [smtpFolder.path, "tls"]) }

    /// A base URL on the HTTP sink with a path no other test uses.
    static func sinkURL() async throws -> (base: String, prefix: String) {
        let port = try await httpSink.value.port
        let prefix = "/t/\(UUID().uuidString.lowercased())"
        return ("http://127.0.0.1:\(port)\(prefix)", prefix)
    }

    /// The requests the HTTP sink recorded under a path prefix.
    static func recorded(_ prefix: String) async throws -> [JSONValue] {
        let port = try await httpSink.value.port
        let call = HTTPCall(method: "GET", url: "http://127.0.0.1:\(port)/_requests?prefix=\(prefix)", headers: [], body: nil, timeout: 5)
        guard case .success(let reply) = await HTTPTransport.send(call) else { throw DeliveryTestError("sink not answering") }
        return try JSONValue.parse(bytes: reply.body).arrayValue ?? []
    }

    /// A port nothing listens on (bound, read back, closed).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length)
                return getsockname(fd, raw, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A fresh, empty home folder.
    static func home() -> InsightFlowHome {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-delivery-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return InsightFlowHome(url: url)
    }

    /// A delivery request with a unique idempotency key.
    static func request(_ type: StepType, _ inputs: JSONValue, _ connection: Connection?, dryRun: Bool = false,
                        timeout: Double = 5) -> DeliveryRequest {
        DeliveryRequest(stepType: type, inputs: inputs, connection: connection, idempotencyKey: "run-\(UUID().uuidString):step:1",
                        dryRun: dryRun, timeout: timeout)
    }
}

extension DeliveryOutcome {
    /// The outputs of a delivered outcome.
    var outputs: JSONValue? {
        if case .delivered(let outputs) = self { return outputs }
        return nil
    }

    /// The failure of a failed outcome.
    var failure: DeliveryFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }
}
