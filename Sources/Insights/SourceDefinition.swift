/// A declared column of a data source.
public struct ColumnDefinition: Codable, Sendable, Equatable {
    public var name: String
    /// The type as written in the definition file; validated on load.
    public var typeName: String

    enum CodingKeys: String, CodingKey {
        case name
        case typeName = "type"
    }

    public init(_ name: String, _ type: ColumnType) {
        self.name = name
        self.typeName = type.rawValue
    }

    /// The parsed type (validated on load, so `.string` is only a fallback).
    public var type: ColumnType { ColumnType(rawValue: typeName) ?? .string }
}

/// A data source: a CSV file or an SQLite query that feeds customer records or activities.
public struct SourceDefinition: Codable, Sendable, Equatable {
    /// Where the data comes from.
    public enum Kind: String, Codable, Sendable { case csv, sqlite }
    /// Which kind of table the source feeds.
    public enum Feeds: String, Codable, Sendable { case customers, activities }
    /// What to do with a row that does not parse.
    public enum BadRowPolicy: String, Codable, Sendable { case fail, reject }

    public var name: String
    public var kind: Kind
    /// File path, relative to the workspace folder (or absolute).
    public var path: String
    /// SQL run against the SQLite file (sqlite sources only).
    public var query: String?
    /// Field delimiter for CSV sources (one character, default ",").
    public var delimiter: String?
    public var columns: [ColumnDefinition]
    public var onBadRow: BadRowPolicy?
    /// Whether an empty source is an error (default true).
    public var requireRows: Bool?
    public var feeds: Feeds
    /// Customer sources: the column holding the source record key.
    public var keyColumn: String?
    /// Customer sources: source column -> unified profile field.
    public var mapping: [String: String]?
    /// Customer sources: column holding the record's last update (for "mostRecent" merge).
    public var updatedColumn: String?
    /// Activity sources: the customer source whose record keys the activity refers to.
    public var customerSource: String?
    /// Activity sources: the column holding that customer record key.
    public var customerKeyColumn: String?

    public init(
        name: String, kind: Kind, path: String, query: String? = nil, delimiter: String? = nil,
        columns: [ColumnDefinition], onBadRow: BadRowPolicy? = nil, requireRows: Bool? = nil,
        feeds: Feeds, keyColumn: String? = nil, mapping: [String: String]? = nil,
        updatedColumn: String? = nil, customerSource: String? = nil, customerKeyColumn: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.path = path
        self.query = query
        self.delimiter = delimiter
        self.columns = columns
        self.onBadRow = onBadRow
        self.requireRows = requireRows
        self.feeds = feeds
        self.keyColumn = keyColumn
        self.mapping = mapping
        self.updatedColumn = updatedColumn
        self.customerSource = customerSource
        self.customerKeyColumn = customerKeyColumn
    }

    /// The effective bad-row policy.
    public var badRowPolicy: BadRowPolicy { onBadRow ?? .fail }
    /// Whether an empty source fails the refresh.
    public var rowsRequired: Bool { requireRows ?? true }
    /// The delimiter byte (validated on load to be a single ASCII character).
    var delimiterByte: UInt8 { delimiter?.utf8.first ?? UInt8(ascii: ",") }
    /// The store table holding the last good data of this source.
    var tableName: String { "src_" + SQLName.sanitized(name) }

    /// The declared column with this name, if any.
    func column(named name: String) -> ColumnDefinition? {
        columns.first { $0.name == name }
    }
}
