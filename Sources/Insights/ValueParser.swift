import GRDB

/// Parses source values into the declared column types; nil means "does not parse".
enum ValueParser {
    /// Parses CSV text; an empty string is NULL for every type.
    static func parse(_ text: String, as type: ColumnType) -> DatabaseValue? {
        if text.isEmpty { return .null }
        switch type {
        case .string:
            return text.databaseValue
        case .integer:
            return Int64(text.trimmingSpaces).map(\.databaseValue)
        case .decimal:
            guard let number = Double(text.trimmingSpaces), number.isFinite else { return nil }
            return number.databaseValue
        case .boolean:
            return parseBoolean(text.trimmingSpaces).map(\.databaseValue)
        case .date:
            return CalendarText.normalizedDate(text.trimmingSpaces).map(\.databaseValue)
        case .datetime:
            return CalendarText.normalizedDateTime(text.trimmingSpaces).map(\.databaseValue)
        }
    }

    /// Converts a value read from an SQLite source to the declared type.
    static func convert(_ value: DatabaseValue, to type: ColumnType) -> DatabaseValue? {
        switch value.storage {
        case .null:
            return .null
        case .blob:
            return nil
        case .int64(let number):
            return type == .decimal ? Double(number).databaseValue : parse(String(number), as: type)
        case .double(let number):
            if type == .integer, number.rounded() == number, abs(number) < 9e18 { return Int64(number).databaseValue }
            return parse(String(number), as: type)
        case .string(let text):
            return parse(text, as: type)
        }
    }

    private static func parseBoolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes", "y", "t": true
        case "false", "0", "no", "n", "f": false
        default: nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[first...last])
    }
}
