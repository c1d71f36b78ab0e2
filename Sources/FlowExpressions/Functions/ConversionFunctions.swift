import Foundation

/// int, float, string, bool, json, array, base64, base64ToString, encodeUriComponent, decodeUriComponent.
enum ConversionFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .int: return .int(try integer(arguments))
        case .float: return .double(try decimal(arguments))
        case .string: return .string(arguments[0].interpolationText)
        case .bool: return .bool(try boolean(arguments))
        case .json: return try json(arguments)
        case .array: return .array([arguments[0]])
        case .base64: return .string(Data(try arguments.string(0).utf8).base64EncodedString())
        case .base64ToString: return .string(try base64Decode(arguments))
        case .encodeUriComponent: return .string(URIComponent.encode(try arguments.string(0)))
        case .uriComponent, .uriComponentToString: return try UriFunctions.call(arguments)
        case .xml, .xpath: return try XmlFunctions.call(arguments)
        case .dataUri, .dataUriToBinary, .dataUriToString, .decodeBase64, .decodeDataUri: return try DataUriFunctions.call(arguments)
        case .decodeUriComponent:
            guard let decoded = URIComponent.decode(try arguments.string(0)) else {
                throw arguments.invalid(0, "the %-escapes do not decode to UTF-8 text")
            }
            return .string(decoded)
        default: throw arguments.failure("is not a conversion function")
        }
    }

    static func integer(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Int {
        switch arguments[0] {
        case .int(let i): return i
        case .double(let d):
            guard let i = arguments[0].intValue else { throw arguments.invalid(0, "\(d) is not a whole number") }
            return i
        case .string(let s):
            guard let i = Int(StringFunctions.trim(s)) else {
                throw arguments.invalid(0, "the string '\(s)' is not an integer")
            }
            return i
        default: throw arguments.typeError(0, expected: "a string or a number")
        }
    }

    static func decimal(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Double {
        switch arguments[0] {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s):
            let culture = try arguments.culture(1)
            if arguments.count < 2, let d = Double(StringFunctions.trim(s)), d.isFinite { return d }
            guard let d = AddedFunctions.localizedNumber(s, culture) else {
                throw arguments.invalid(0, "the string '\(s)' is not a number\(arguments.count > 1 ? " in \(culture.name)" : "")")
            }
            return d
        default: throw arguments.typeError(0, expected: "a string or a number")
        }
    }

    static func boolean(_ arguments: Arguments) throws(ExpressionEvaluationError) -> Bool {
        switch arguments[0] {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s):
            switch s.lowercased() {
            case "true": return true
            case "false": return false
            default: throw arguments.invalid(0, "the string '\(s)' is neither 'true' nor 'false'")
            }
        default: throw arguments.typeError(0, expected: "a boolean, a number or a string")
        }
    }

    static func json(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        guard case .string(let text) = arguments[0] else { throw arguments.typeError(0, expected: "a string of JSON text") }
        do {
            return try JSONValue.parse(text)
        } catch {
            throw arguments.invalid(0, "the text is not valid JSON: \(error.message) (column \(error.column))")
        }
    }

    static func base64Decode(_ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        let text = try arguments.string(0)
        guard let data = Data(base64Encoded: text) else { throw arguments.invalid(0, "'\(text)' is not valid base64") }
        guard let decoded = String(bytes: data, encoding: .utf8) else {
            throw arguments.invalid(0, "the decoded bytes are not UTF-8 text")
        }
        return decoded
    }
}

/// Percent-encoding as .NET `Uri.EscapeDataString` does it (everything but A-Z a-z 0-9 - _ . ~).
enum URIComponent {
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes %XX escapes (malformed ones stay as written); nil when the result is not UTF-8.
    static func decode(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
