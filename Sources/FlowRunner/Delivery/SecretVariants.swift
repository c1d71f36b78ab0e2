import Foundation

/// The forms in which a secret comes back in text a receiver sends or an error quotes: the secret as is,
/// percent-encoded, with JSON-escaped slashes, and — for a secret URL such as a Teams webhook — the parts that
/// identify it on their own: its path, its query, each path segment that looks like a key, and each query value.
enum SecretVariants {
    /// The shortest fragment of a URL worth masking on its own (shorter ones are words like `webhookb2`).
    static let shortestFragment = 12

    /// Query parameters whose values are credentials in any URL (SAS signatures, function keys, API keys).
    static let credentialQueryNames: Set<String> = [
        "sig", "signature", "code", "key", "apikey", "api_key", "api-key", "token", "access_token", "secret",
        "password", "client_secret", "subscription-key",
    ]

    /// Every variant of `secret` worth masking, longest first.
    static func of(_ secret: String) -> [String] {
        var found: Set<String> = [secret]
        for part in urlFragments(secret) { found.insert(part) }
        for text in Array(found) {
            if let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != text { found.insert(encoded) }
            if text.contains("/") { found.insert(text.replacingOccurrences(of: "/", with: "\\/")) }
        }
        return found.sorted { $0.count > $1.count }
    }

    /// The identifying parts of a secret URL (empty when `text` is not an absolute http(s) URL).
    static func urlFragments(_ text: String) -> [String] {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else { return [] }
        var parts: [String] = []
        let path = components.percentEncodedPath
        if path.count >= shortestFragment { parts.append(path) }
        if let query = components.percentEncodedQuery, !query.isEmpty { parts.append(query) }
        if let password = components.password, !password.isEmpty { parts.append(password) }
        parts += path.split(separator: "/").map(String.init).filter(looksLikeKey)
        parts += (components.queryItems ?? []).compactMap(\.value).filter { $0.count >= 3 }
        return parts
    }

    /// The credential query values of any URL (`?sig=…`, `?code=…`): secrets even when the URL itself is not.
    static func credentialQueryValues(_ text: String) -> [String] {
        guard let components = URLComponents(string: text) else { return [] }
        return (components.queryItems ?? []).compactMap { item in
            guard credentialQueryNames.contains(item.name.lowercased()), let value = item.value, value.count >= 3 else { return nil }
            return value
        }
    }

    /// True for a path segment long enough and mixed enough (letters and digits) to be a key or an id.
    private static func looksLikeKey(_ segment: String) -> Bool {
        segment.count >= shortestFragment && segment.contains(where: \.isNumber) && segment.contains(where: \.isLetter)
    }
}
