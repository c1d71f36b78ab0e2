extension JSONValue {
    /// The text a value becomes inside an interpolation, concat() or string(): strings raw, null empty, booleans
    /// `True`/`False` (as the reference's .NET runtime writes them), anything else as JSON text.
    public var interpolationText: String {
        switch self {
        case .string(let s): return s
        case .null: return ""
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        default: return jsonText()
        }
    }

    /// The value for an error message: its type and a short preview, e.g. `a string ('abc')`.
    var errorDescription: String {
        switch self {
        case .null: return "null"
        case .string(let s): return "\(typeDescription) ('\(Self.truncated(s))')"
        default: return "\(typeDescription) (\(Self.truncated(jsonText())))"
        }
    }

    private static func truncated(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }
}
