import Foundation

/// uriComponent, uriComponentToString and the URI parsing functions (uriHost, uriPath, uriPathAndQuery, uriPort,
/// uriQuery, uriScheme), which read an absolute URI as .NET's `Uri` does.
enum UriFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .uriComponent: return .string(URIComponent.encode(try arguments.string(0)))
        case .uriComponentToString:
            guard let decoded = URIComponent.decode(try arguments.string(0)) else { throw arguments.invalid(0, "the %-escapes do not decode to UTF-8 text") }
            return .string(decoded)
        default: break
        }
        let text = try arguments.string(0)
        guard let parts = URLComponents(string: text), let scheme = parts.scheme, let host = parts.host, !host.isEmpty else {
            throw arguments.invalid(0, "'\(text)' is not an absolute URI (like https://contoso.com/path?query)")
        }
        let path = parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath
        let query = parts.percentEncodedQuery.map { "?" + $0 } ?? ""
        switch arguments.function {
        case .uriScheme: return .string(scheme.lowercased())
        case .uriHost: return .string(host.lowercased())
        case .uriPath: return .string(path)
        case .uriQuery: return .string(query)
        case .uriPathAndQuery: return .string(path + query)
        case .uriPort:
            if let port = parts.port { return .int(port) }
            guard let port = defaultPorts[scheme.lowercased()] else { return .int(-1) }
            return .int(port)
        default: throw arguments.failure("is not a URI function")
        }
    }

    /// The port .NET's `Uri.Port` gives a URI without one.
    static let defaultPorts = ["http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443, "ldap": 389, "mailto": 25, "news": 119, "nntp": 119, "gopher": 70, "telnet": 23]
}

/// dataUri, dataUriToBinary, dataUriToString, decodeDataUri and decodeBase64. Binary content is written as the
/// reference writes binary in JSON: `{"$content-type": ..., "$content": base64}`.
enum DataUriFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .dataUri:
            return .string("data:text/plain;charset=utf-8;base64," + Data(try arguments.string(0).utf8).base64EncodedString())
        case .decodeBase64:
            return .string(try ConversionFunctions.base64Decode(arguments))
        case .dataUriToString:
            let (_, data) = try decode(arguments)
            guard let text = String(bytes: data, encoding: .utf8) else { throw arguments.invalid(0, "the data URI's content is not UTF-8 text") }
            return .string(text)
        case .dataUriToBinary, .decodeDataUri:
            let (mediaType, data) = try decode(arguments)
            return ["$content-type": .string(mediaType), "$content": .string(data.base64EncodedString())]
        default: throw arguments.failure("is not a data URI function")
        }
    }

    /// The media type (with its parameters) and bytes of a `data:` URI, base64 or percent-encoded.
    static func decode(_ arguments: Arguments) throws(ExpressionEvaluationError) -> (String, Data) {
        let text = try arguments.string(0)
        guard text.lowercased().hasPrefix("data:"), let comma = text.firstIndex(of: ",") else {
            throw arguments.invalid(0, "'\(text.prefix(40))' is not a data URI (data:[media type][;base64],content)")
        }
        var header = String(text[text.index(text.startIndex, offsetBy: 5)..<comma])
        let content = String(text[text.index(after: comma)...])
        let isBase64 = header.lowercased().hasSuffix(";base64")
        if isBase64 { header = String(header.dropLast(7)) }
        let mediaType = header.isEmpty ? "text/plain;charset=US-ASCII" : header
        if isBase64 {
            guard let data = Data(base64Encoded: content) else { throw arguments.invalid(0, "the data URI's base64 content is not valid") }
            return (mediaType, data)
        }
        guard let decoded = URIComponent.decode(content) else { throw arguments.invalid(0, "the data URI's %-escapes do not decode to UTF-8 text") }
        return (mediaType, Data(decoded.utf8))
    }
}
