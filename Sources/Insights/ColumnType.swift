/// The declared type of a source column or unified profile field.
public enum ColumnType: String, Codable, Sendable, CaseIterable {
    case string, integer, decimal, date, datetime, boolean

    /// The SQLite column affinity used to store values of this type.
    var sqlType: String {
        switch self {
        case .string, .date, .datetime: "TEXT"
        case .integer, .boolean: "INTEGER"
        case .decimal: "REAL"
        }
    }

    /// True for types whose values are compared as calendar dates.
    var isTemporal: Bool { self == .date || self == .datetime }
}
