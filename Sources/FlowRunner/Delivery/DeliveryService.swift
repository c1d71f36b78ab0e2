import FlowExpressions
import FlowModel
import Foundation
import TextFormats
import Logging

/// Routes each step to its sender by step type and connection kind: Teams webhook, SMTP, HTTP, or the outbox
/// (an `outbox` connection serves every step type). Secrets never leave in outputs or messages.
public struct DeliveryService: ActionDelivering {
    public let home: InsightFlowHome
    private let logger = Logger(label: "insightflow.delivery")

    public init(home: InsightFlowHome) { self.home = home }

    public func deliver(_ request: DeliveryRequest) async -> DeliveryOutcome {
        let secrets = SecretRedaction.secrets(inputs: request.inputs, stepType: request.stepType, connection: request.connection)
        let outcome = Self.scrubbed(await route(request), secrets: secrets)
        if case .failed(let failure) = outcome {
            logger.debug("delivery failed", metadata: ["step": "\(request.stepType)", "key": "\(request.idempotencyKey)",
                                                       "retryable": "\(failure.retryable)", "error": "\(failure.message)"])
        }
        return outcome
    }

    private func route(_ request: DeliveryRequest) async -> DeliveryOutcome {
        switch request.stepType {
        case .teamsPostMessage: return await teams(request)
        case .sendEmail: return await email(request)
        case .http: return await http(request)
        default: return .failed(.permanent("InsightFlow cannot deliver \(request.stepType) steps"))
        }
    }

    private func teams(_ request: DeliveryRequest) async -> DeliveryOutcome {
        guard let connection = request.connection else { return .failed(.permanent("the Teams step needs a teams or outbox connection")) }
        guard connection.kind == .teams || connection.kind == .outbox else { return mismatch(connection, needs: .teams) }
        let body = TeamsSender.body(inputs: request.inputs, connection: connection)
        let target: JSONValue = ["kind": .string(connection.kind.rawValue), "connection": .string(connection.name),
                                 "format": .string(TeamsCardFormat(connection: connection).rawValue)]
        if request.dryRun { return .delivered(outputs: ["dryRun": true, "target": target, "body": body]) }
        if connection.kind == .outbox {
            return outbox(request, target: target, body: body) { ["statusCode": 202, "responseText": "", "outboxFile": .string($0.path)] }
        }
        return await TeamsSender().send(inputs: request.inputs, connection: connection, idempotencyKey: request.idempotencyKey,
                                        attempt: request.attempt, timeout: request.timeout)
    }

    private func email(_ request: DeliveryRequest) async -> DeliveryOutcome {
        guard let connection = request.connection else { return .failed(.permanent("the email step needs an smtp or outbox connection")) }
        guard connection.kind == .smtp || connection.kind == .outbox else { return mismatch(connection, needs: .smtp) }
        let message: MailMessage
        do {
            message = try MailMessage(inputs: request.inputs, from: SMTPSender.sender(connection))
        } catch {
            return .failed(error)
        }
        let outputs = SMTPSender.outputs(message)
        if request.dryRun {
            return .delivered(outputs: outputs.setting(true, atPathComponent: "dryRun").setting(.string(message.rendered()), atPathComponent: "message"))
        }
        guard connection.kind == .smtp else {
            do {
                let file = try OutboxWriter(home: home).write(email: message)
                return .delivered(outputs: outputs.setting(.string(file.path), atPathComponent: "outboxFile"))
            } catch {
                return .failed(error)
            }
        }
        return await SMTPSender().send(message, connection: connection, timeout: request.timeout)
    }

    private func http(_ request: DeliveryRequest) async -> DeliveryOutcome {
        if let connection = request.connection, connection.kind != .http, connection.kind != .outbox { return mismatch(connection, needs: .http) }
        let stepRequest: HTTPStepRequest
        do {
            stepRequest = try HTTPStepRequest(inputs: request.inputs, connection: request.connection, idempotencyKey: request.idempotencyKey,
                                              attempt: request.attempt)
        } catch {
            return .failed(error)
        }
        var target: JSONValue = ["kind": .string(request.connection?.kind.rawValue ?? "http"), "method": .string(stepRequest.method),
                                 "url": .string(stepRequest.url), "headers": Self.maskedHeaders(stepRequest.headers)]
        if let name = request.connection?.name { target = target.setting(.string(name), atPathComponent: "connection") }
        if request.dryRun { return .delivered(outputs: ["dryRun": true, "target": target, "body": stepRequest.bodyValue]) }
        if request.connection?.kind == .outbox {
            return outbox(request, target: target, body: stepRequest.bodyValue) { ["statusCode": 202, "headers": [:], "body": nil, "outboxFile": .string($0.path)] }
        }
        return await HTTPSender().send(stepRequest, timeout: request.timeout)
    }

    /// Writes a Teams or HTTP message to the outbox as JSON.
    private func outbox(_ request: DeliveryRequest, target: JSONValue, body: JSONValue, outputs: (URL) -> JSONValue) -> DeliveryOutcome {
        let document: JSONValue = [
            "stepType": .string(request.stepType.rawValue),
            "createdAt": .string(TimeText.iso8601(Date())),
            "idempotencyKey": .string(request.idempotencyKey),
            "target": target,
            "body": body,
        ]
        let secrets = SecretRedaction.secrets(inputs: request.inputs, stepType: request.stepType, connection: request.connection)
        do {
            let file = try OutboxWriter(home: home).write(json: SecretRedaction.scrub(document, secrets: secrets))
            return .delivered(outputs: outputs(file))
        } catch {
            return .failed(error)
        }
    }

    /// Request headers for a dry run or the outbox, credentials masked.
    private static func maskedHeaders(_ headers: [CurlHeader]) -> JSONValue {
        headers.reduce(into: [:]) { object, header in
            let value = SecretRedaction.isSensitiveHeader(header.name) ? SecretRedaction.mask : header.value
            object = object.setting(.string(value), atPathComponent: header.name)
        }
    }

    private func mismatch(_ connection: Connection, needs kind: ConnectionKind) -> DeliveryOutcome {
        .failed(.permanent("the connection '\(connection.name)' is a \(connection.kind.rawValue) connection; this step needs a \(kind.rawValue) (or outbox) connection"))
    }

    /// The outcome with every secret cut out of its outputs and message.
    static func scrubbed(_ outcome: DeliveryOutcome, secrets: [String]) -> DeliveryOutcome {
        switch outcome {
        case .delivered(let outputs):
            return .delivered(outputs: SecretRedaction.scrub(outputs, secrets: secrets))
        case .failed(var failure):
            failure.message = SecretRedaction.scrub(failure.message, secrets: secrets)
            failure.outputs = failure.outputs.map { SecretRedaction.scrub($0, secrets: secrets) }
            return .failed(failure)
        }
    }
}
