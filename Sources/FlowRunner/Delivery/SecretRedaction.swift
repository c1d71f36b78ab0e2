import FlowExpressions
import FlowModel
import Foundation

/// Redaction for history/logs: secret inputs are masked, and secret values — with their encoded forms and, for
/// secret URLs, the path, query and key-like parts (`SecretVariants`) — are cut out of any text.
public enum SecretRedaction {
    /// What a secret is replaced with.
    public static let mask = "***"

    /// Request headers whose values are credentials.
    static let sensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "ocp-apim-subscription-key",
    ]

    /// The inputs as run history may record them: the catalog's secret parameters (HTTP password and token) and
    /// credential headers masked, and every connection secret cut out of the remaining text.
    public static func redact(inputs: JSONValue, stepType: StepType, connection: Connection?) -> JSONValue {
        var result = inputs
        for spec in Catalog.step(stepType)?.parameters ?? [] where spec.isSecret && spec.location == .inputs {
            if let value = result.value(atPath: spec.key), !value.isNull {
                result = result.setting(.string(mask), atPath: spec.key)
            }
        }
        if case .object(var headers) = result["headers"] {
            for name in headers.keys where isSensitiveHeader(name) { headers[name] = .string(mask) }
            result = result.setting(.object(headers), atPathComponent: "headers")
        }
        return scrub(result, secrets: secrets(inputs: inputs, stepType: stepType, connection: connection))
    }

    /// Every secret a request carries: secret inputs, credential header values, connection secrets, and the
    /// Basic and Bearer credentials made from them.
    public static func secrets(inputs: JSONValue, stepType: StepType, connection: Connection?) -> [String] {
        var values = connection?.secretValues ?? []
        for spec in Catalog.step(stepType)?.parameters ?? [] where spec.isSecret && spec.location == .inputs {
            if let text = inputs.value(atPath: spec.key)?.stringValue { values.append(text) }
        }
        for (name, value) in inputs["headers"]?.objectValue ?? [:] where isSensitiveHeader(name) {
            values.append(value.interpolationText)
        }
        if let uri = inputs["uri"]?.stringValue { values += SecretVariants.credentialQueryValues(uri) }
        let username = inputs.value(atPath: "authentication.username")?.stringValue
            ?? connection?.settings["authentication"]?["username"]?.stringValue ?? ""
        for password in values where !password.isEmpty {
            values.append(Data("\(username):\(password)".utf8).base64EncodedString())
        }
        return values
    }

    /// A copy with every secret (3 characters or more) in every string replaced by the mask.
    public static func scrub(_ value: JSONValue, secrets: [String]) -> JSONValue {
        let usable = usableSecrets(secrets)
        guard !usable.isEmpty else { return value }
        return scrubbed(value, usable)
    }

    /// The text with every secret (3 characters or more) replaced by the mask.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        scrubbed(text, usableSecrets(secrets))
    }

    /// True for header names that carry credentials (any case).
    static func isSensitiveHeader(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return sensitiveHeaders.contains(lowered) || lowered.contains("token") || lowered.contains("secret")
            || lowered.contains("password")
    }

    /// The secrets and every form they may come back in (`SecretVariants`), longest first so a whole secret is
    /// masked before its parts.
    private static func usableSecrets(_ secrets: [String]) -> [String] {
        Array(Set(secrets.filter { $0.count >= 3 }.flatMap(SecretVariants.of))).sorted { $0.count > $1.count }
    }

    private static func scrubbed(_ value: JSONValue, _ secrets: [String]) -> JSONValue {
        switch value {
        case .string(let text): return .string(scrubbed(text, secrets))
        case .array(let items): return .array(items.map { scrubbed($0, secrets) })
        case .object(var members):
            for key in members.keys { members[key] = members[key].map { scrubbed($0, secrets) } }
            return .object(members)
        default: return value
        }
    }

    private static func scrubbed(_ text: String, _ secrets: [String]) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: mask) }
    }
}
