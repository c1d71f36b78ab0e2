/// Helpers to build safe SQL identifiers and literals from user-provided names.
enum SQLName {
    /// A lowercase identifier made of [a-z0-9_] derived from `name`.
    static func sanitized(_ name: String) -> String {
        let mapped = name.lowercased().unicodeScalars.map { scalar -> Character in
            let isSafe = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            return isSafe ? Character(scalar) : "_"
        }
        return String(mapped)
    }

    /// A double-quoted SQL identifier.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
