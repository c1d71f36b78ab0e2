import OrderedCollections

/// Writes JSON text: compact (like `JSON.stringify`) or pretty with 2-space indentation, keys in stored order.
struct JSONWriter {
    var out: [UInt8] = []
    let pretty: Bool

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .double(let d): append(Self.format(d))
        case .string(let s): writeString(s)
        case .array(let elements): writeArray(elements, depth: depth)
        case .object(let members): writeObject(members, depth: depth)
        }
    }

    mutating func writeArray(_ elements: [JSONValue], depth: Int) {
        guard !elements.isEmpty else { append("[]"); return }
        out.append(UInt8(ascii: "["))
        for (i, element) in elements.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            newline(depth + 1)
            write(element, depth: depth + 1)
        }
        newline(depth)
        out.append(UInt8(ascii: "]"))
    }

    mutating func writeObject(_ members: OrderedDictionary<String, JSONValue>, depth: Int) {
        guard !members.isEmpty else { append("{}"); return }
        out.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in members {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            newline(depth + 1)
            writeString(key)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(UInt8(ascii: " ")) }
            write(value, depth: depth + 1)
        }
        newline(depth)
        out.append(UInt8(ascii: "}"))
    }

    mutating func newline(_ depth: Int) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    mutating func append(_ text: String) { out.append(contentsOf: text.utf8) }

    mutating func writeString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        if !s.utf8.contains(where: Self.needsEscape) {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Quotes, backslashes and control characters are escaped in JSON strings.
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20
    }

    /// Shortest round-tripping text of a double; non-finite values become `null`.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return "\(d)"
    }
}

extension JSONValue {
    /// The value as JSON text: compact when `pretty` is false, else 2-space indented with a newline per member.
    public func jsonText(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, depth: 0)
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// The value as UTF-8 JSON bytes (see `jsonText(pretty:)`).
    public func jsonBytes(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, depth: 0)
        return writer.out
    }
}
