import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

@Suite("Delivery: secret redaction")
struct DeliveryRedactionTests {
    @Test("HTTP secrets and credential headers are masked in recorded inputs")
    func httpInputs() {
        let inputs: JSONValue = [
            "method": "GET", "uri": "https://api.example.com/?k=1",
            "headers": ["Authorization": "Bearer abc123", "X-Api-Key": "key-999", "Accept": "application/json"],
            "authentication": ["type": "Basic", "username": "ann", "password": "hunter22"],
        ]
        let redacted = SecretRedaction.redact(inputs: inputs, stepType: .http, connection: nil)
        #expect(redacted["authentication"] == ["type": "Basic", "username": "ann", "password": "***"])
        #expect(redacted["headers"] == ["Authorization": "***", "X-Api-Key": "***", "Accept": "application/json"])
        #expect(redacted["uri"] == "https://api.example.com/?k=1")
        let token = SecretRedaction.redact(inputs: ["authentication": ["type": "Bearer", "token": "tkn-1"]], stepType: .http, connection: nil)
        #expect(token["authentication"]?["token"] == "***")
    }

    @Test("connection secrets are cut out of any recorded text")
    func connectionSecrets() {
        let connection = Connection(name: "Hook", kind: .teams, settings: ["webhookUrl": "https://hooks.example.com/sig=XYZ"])
        let inputs: JSONValue = ["text": "posting to https://hooks.example.com/sig=XYZ now", "facts": ["n": 1]]
        let redacted = SecretRedaction.redact(inputs: inputs, stepType: .teamsPostMessage, connection: connection)
        #expect(redacted["text"] == "posting to *** now")
        #expect(redacted["facts"] == ["n": 1])
        let mail = Connection(name: "Mail", kind: .smtp, settings: ["password": "smtp-pass"])
        #expect(SecretRedaction.scrub("login smtp-pass failed", secrets: mail.secretValues) == "login *** failed")
    }

    @Test("Basic credentials are recognised in their encoded form; tiny secrets are left alone")
    func derivedAndShort() {
        let inputs: JSONValue = ["authentication": ["type": "Basic", "username": "ann", "password": "pw-secret"]]
        let secrets = SecretRedaction.secrets(inputs: inputs, stepType: .http, connection: nil)
        let encoded = Data("ann:pw-secret".utf8).base64EncodedString()
        #expect(SecretRedaction.scrub(.string("echo: Basic \(encoded)"), secrets: secrets) == "echo: Basic ***")
        #expect(SecretRedaction.scrub("a b c", secrets: ["a", "b"]) == "a b c")
    }

    @Test("delivery failures never carry the secrets")
    func failureMessages() {
        let failure = DeliveryFailure(message: "could not reach https://hooks.example.com/sig=XYZ", retryable: true,
                                      outputs: ["responseText": "bad sig=XYZ for https://hooks.example.com/sig=XYZ"])
        let scrubbed = DeliveryService.scrubbed(.failed(failure), secrets: ["https://hooks.example.com/sig=XYZ", "sig=XYZ"])
        #expect(scrubbed.failure?.message == "could not reach ***")
        #expect(scrubbed.failure?.outputs?["responseText"] == "bad *** for ***")
    }
}

@Suite("Delivery: fragments of secret URLs")
struct SecretFragmentTests {
    let webhook = "https://contoso.webhook.office.com/webhookb2/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6?sv=1"

    @Test("a webhook's path, its key segment, its query and their encoded forms are cut out of echoed text")
    func webhookEchoes() {
        let connection = Connection(name: "Teams", kind: .teams, settings: ["webhookUrl": .string(webhook)])
        let path = "/webhookb2/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"
        let echoes = [
            "404 Not Found: \(path)",
            "no webhook with key 8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d",
            #"{"url": "https:\/\/contoso.webhook.office.com\/webhookb2\/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6@72f988bf-86f1-41af-91ab-2d7cd011db47\/IncomingWebhook\/8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d\/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6?sv=1"}"#,
            "target=" + (webhook.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
        ]
        for echo in echoes {
            let scrubbed = SecretRedaction.scrub(echo, secrets: connection.secretValues)
            #expect(!scrubbed.contains("8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d"), "\(echo) → \(scrubbed)")
            #expect(!scrubbed.contains("72f988bf-86f1-41af-91ab-2d7cd011db47"), "\(echo) → \(scrubbed)")
            #expect(scrubbed.contains("***"))
        }
        #expect(SecretRedaction.scrub("posted to IncomingWebhook at webhookb2", secrets: connection.secretValues)
            == "posted to IncomingWebhook at webhookb2", "common words of the URL are not masked")
    }

    @Test("credential query values of an HTTP step's URI are secrets, other query values are not")
    func credentialQueries() {
        let inputs: JSONValue = ["method": "POST", "uri": "https://fn.example.com/api/run?code=Zx9-abc-123&name=report"]
        let secrets = SecretRedaction.secrets(inputs: inputs, stepType: .http, connection: nil)
        let echoed = SecretRedaction.scrub(.string("rejected code Zx9-abc-123 for report"), secrets: secrets)
        #expect(echoed == "rejected code *** for report")
    }
}
