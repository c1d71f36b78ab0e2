/// Renders JSON paths in the `$.a.b[0]['odd key']` notation used in every error message.
public enum JSONPath {
    /// One step of a JSON path.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// ASCII letters, digits, `_` and `$` need no quoting in a path.
    static func isPlainKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "$"): return true
        default: return false
        }
    }

    /// The path as text, starting at `$`.
    public static func render(_ components: [Component]) -> String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let i): text += "[\(i)]"
            case .key(let key):
                let plain = !key.isEmpty && key.utf8.allSatisfy(isPlainKeyByte)
                text += plain ? ".\(key)" : "['\(String(key.flatMap { $0 == "'" ? ["'", "'"] : [$0] }))']"
            }
        }
        return text
    }
}
