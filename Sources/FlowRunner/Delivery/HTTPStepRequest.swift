import FlowExpressions
import Foundation

/// The request an HTTP step makes, built from its inputs and optional `http` connection.
struct HTTPStepRequest: Sendable {
    var method: String
    var url: String
    var headers: [CurlHeader]
    var body: [UInt8]?
    /// The body as the step gave it, for dry runs and the outbox.
    var bodyValue: JSONValue

    /// Builds the request: base URL, queries, headers (the step's override the connection's), body, authentication.
    init(inputs: JSONValue, connection: Connection?, idempotencyKey: String, attempt: Int = 1) throws(DeliveryFailure) {
        method = (inputs["method"]?.stringValue ?? "GET").uppercased()
        guard method.allSatisfy({ $0.isLetter }), !method.isEmpty else { throw .permanent("'\(method)' is not an HTTP method") }
        url = try Self.url(inputs: inputs, connection: connection)
        bodyValue = inputs["body"] ?? .null
        var headers = HeaderList()
        headers.merge(connection?.settings["headers"])
        headers.merge(inputs["headers"])
        (body, headers) = Self.body(bodyValue, headers: headers)
        let authentication = inputs["authentication"].flatMap { $0["type"] == nil ? nil : $0 } ?? connection?.settings["authentication"]
        try Self.authorize(&headers, authentication)
        headers.setDefault("Idempotency-Key", idempotencyKey)
        headers.setDefault("X-InsightFlow-Attempt", String(attempt))
        guard let valid = headers.validated else { throw .permanent("a header name or value contains a line break") }
        self.headers = valid
    }

    private static func url(inputs: JSONValue, connection: Connection?) throws(DeliveryFailure) -> String {
        guard var url = inputs["uri"]?.interpolationText, !url.isEmpty else { throw .permanent("the HTTP step has no uri") }
        if URL(string: url)?.scheme == nil, let base = connection?.string("baseUrl") {
            url = joined(base: base, path: url)
        }
        let queries = (inputs["queries"]?.objectValue ?? [:]).map { "\(percentEncoded($0.key))=\(percentEncoded($0.value.interpolationText))" }
        guard !queries.isEmpty else { return url }
        return url + (url.contains("?") ? "&" : "?") + queries.joined(separator: "&")
    }

    /// A relative URI under the connection's base URL, with exactly one slash between them.
    static func joined(base: String, path: String) -> String {
        switch (base.hasSuffix("/"), path.hasPrefix("/")) {
        case (true, true): return base + path.dropFirst()
        case (false, false): return base + "/" + path
        default: return base + path
        }
    }

    /// Objects, arrays, numbers and booleans go as JSON; text as is; null or missing sends no body.
    private static func body(_ value: JSONValue, headers: HeaderList) -> ([UInt8]?, HeaderList) {
        var headers = headers
        switch value {
        case .null:
            return (nil, headers)
        case .string(let text):
            headers.setDefault("Content-Type", "text/plain; charset=utf-8")
            return (Array(text.utf8), headers)
        default:
            headers.setDefault("Content-Type", "application/json")
            return (Array(value.jsonText().utf8), headers)
        }
    }

    private static func authorize(_ headers: inout HeaderList, _ authentication: JSONValue?) throws(DeliveryFailure) {
        let type = authentication?["type"]?.stringValue?.lowercased() ?? "none"
        switch type {
        case "none", "":
            return
        case "basic":
            let user = authentication?["username"]?.interpolationText ?? ""
            let password = authentication?["password"]?.interpolationText ?? ""
            headers.set("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
        case "bearer":
            guard let token = authentication?["token"]?.interpolationText, !token.isEmpty else {
                throw .permanent("Bearer authentication needs a token")
            }
            headers.set("Authorization", "Bearer " + token)
        default:
            throw .permanent("unknown authentication type '\(type)'; use None, Basic or Bearer")
        }
    }

    /// RFC 3986 unreserved characters stay, everything else is percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// Request headers with case-insensitive replacement, in insertion order.
struct HeaderList: Sendable {
    private(set) var items: [CurlHeader] = []

    /// Adds or replaces every member of a headers object.
    mutating func merge(_ object: JSONValue?) {
        for (name, value) in object?.objectValue ?? [:] { set(name, value.interpolationText) }
    }

    /// Sets a header, replacing any with the same name.
    mutating func set(_ name: String, _ value: String) {
        items.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        items.append(CurlHeader(name: name, value: value))
    }

    /// Sets a header unless one with this name is already there.
    mutating func setDefault(_ name: String, _ value: String) {
        guard !items.contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else { return }
        items.append(CurlHeader(name: name, value: value))
    }

    /// The headers, or nil when one would inject a line (CR or LF) or has an empty or spaced name.
    var validated: [CurlHeader]? {
        let bad = items.contains { header in
            header.name.isEmpty || header.name.unicodeScalars.contains { $0.value <= 0x20 || $0 == ":" || $0.value >= 0x7F }
                || header.value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
        }
        return bad ? nil : items
    }
}
