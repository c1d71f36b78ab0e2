import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// Admin > Connections "test": a Teams card, an email, or an HTTP request through the named connection.
enum ConnectionTester {
    static func test(_ name: String, recipient: String?, home: InsightFlowHome?, notices: NoticeBox) async throws {
        guard let home else { throw LinkError("no home folder") }
        guard let connection = try ConnectionStore(home: home).connection(named: name) else { throw LinkError("no connection named \(name)") }
        notices.post(.info("Testing \(name)…"))
        let outcome = await DeliveryService(home: home).deliver(request(for: connection, recipient: recipient))
        switch outcome {
        case .delivered(let outputs):
            if let file = outputs["outboxFile"]?.stringValue {
                notices.post(.success("Test through \(name) written to the outbox: \(file)"))
            } else {
                let status = outputs["statusCode"].map { " (HTTP \($0.jsonText()))" } ?? ""
                notices.post(.success("Test through \(name) succeeded\(status)"))
            }
        case .failed(let failure): notices.post(.failure("Test through \(name) failed: \(failure.message)"))
        }
    }

    static func request(for connection: Connection, recipient: String?) -> DeliveryRequest {
        let key = "connection-test:\(UUID().uuidString.lowercased())"
        switch connection.kind {
        case .smtp:
            let inputs: JSONValue = ["to": .string(recipient ?? connection.string("from") ?? ""), "subject": "InsightFlow test message",
                                     "body": "This is a test message from InsightFlow (Admin > Connections)."]
            return DeliveryRequest(stepType: .sendEmail, inputs: inputs, connection: connection, idempotencyKey: key, timeout: 20)
        case .http:
            let inputs: JSONValue = ["method": "GET", "uri": .string(connection.string("baseUrl") ?? "")]
            return DeliveryRequest(stepType: .http, inputs: inputs, connection: connection, idempotencyKey: key, timeout: 20)
        case .teams, .outbox:
            let inputs: JSONValue = ["title": "InsightFlow test card", "text": .string("This card was sent from Admin > Connections to test \(connection.name).")]
            return DeliveryRequest(stepType: .teamsPostMessage, inputs: inputs, connection: connection, idempotencyKey: key, timeout: 20)
        }
    }
}
