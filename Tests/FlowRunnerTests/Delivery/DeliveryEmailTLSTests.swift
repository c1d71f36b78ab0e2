import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite("Delivery: email over STARTTLS and SMTPS")
struct DeliveryEmailTLSTests {
    let service = DeliveryService(home: DeliveryFixtures.home())
    let inputs: JSONValue = ["to": "ann@example.com", "subject": "Secure", "body": "over TLS"]

    private func connection(_ security: String, port: Int, trusted: Bool = true) -> Connection {
        var settings: [String: JSONValue] = ["host": "127.0.0.1", "port": .int(port), "security": .string(security),
                                             "from": "insightflow@localhost", "username": "mailer", "password": "smtp-secret"]
        if trusted { settings["caFile"] = .string(DeliveryFixtures.smtpFolder.appendingPathComponent("\(security)-cert.pem").path) }
        return Connection(name: "Mail", kind: .smtp, settings: settings)
    }

    @Test("STARTTLS with the server's certificate trusted delivers")
    func startTLS() async throws {
        let port = try await DeliveryFixtures.smtpStartTLSSink.value.port
        let outcome = await service.deliver(DeliveryFixtures.request(.sendEmail, inputs, connection("starttls", port: port)))
        #expect(outcome.outputs?["recipients"] == ["ann@example.com"], "\(String(describing: outcome.failure))")
    }

    @Test("SMTPS (TLS from the first byte) delivers")
    func implicitTLS() async throws {
        let port = try await DeliveryFixtures.smtpTLSSink.value.port
        let outcome = await service.deliver(DeliveryFixtures.request(.sendEmail, inputs, connection("tls", port: port)))
        #expect(outcome.outputs?["recipients"] == ["ann@example.com"], "\(String(describing: outcome.failure))")
    }

    @Test("an untrusted certificate or a plain session to a STARTTLS-only server fails permanently")
    func refusedWithoutTLS() async throws {
        let port = try await DeliveryFixtures.smtpStartTLSSink.value.port
        let untrusted = try #require(await service.deliver(DeliveryFixtures.request(.sendEmail, inputs, connection("starttls", port: port, trusted: false))).failure)
        #expect(!untrusted.retryable)
        #expect(!untrusted.message.contains("smtp-secret"))
        let plain = try #require(await service.deliver(DeliveryFixtures.request(.sendEmail, inputs, connection("none", port: port, trusted: false))).failure)
        #expect(!plain.retryable)
    }
}
