import GRDB
import GRDBSQLite

/// Maps every customer source's records into one temporary `unify_record` table with normalized match keys.
struct UnificationStaging {
    let definition: WorkspaceDefinition

    /// Unified fields used by at least one match rule, in declaration order.
    var matchFields: [UnificationDefinition.Field] {
        let used = Set(definition.unification.matchRules.filter(\.isPlainExact).flatMap(\.fields))
        return definition.unification.fields.filter { used.contains($0.name) }
    }

    /// Customer sources, most trusted first: the precedence list, then the rest in definition order.
    var rankedSources: [SourceDefinition] {
        let customers = definition.sources.filter { $0.feeds == .customers }
        let ranked = (definition.unification.precedence ?? []).compactMap { name in customers.first { $0.name == name } }
        return ranked + customers.filter { source in !ranked.contains { $0.name == source.name } }
    }

    /// Customer source names in match order: `matchOrder`, then the rest in precedence order.
    var matchOrder: [String] {
        let ranked = rankedSources.map(\.name)
        let listed = (definition.unification.matchOrder ?? []).filter(ranked.contains)
        return listed + ranked.filter { !listed.contains($0) }
    }

    /// Column name of the normalized key of a match field.
    static func keyColumn(_ field: UnificationDefinition.Field) -> String { SQLName.quoted("k_" + field.name) }

    /// Builds `unify_record` from the last good data of each customer source; returns the record count.
    func build(_ db: Database) throws -> Int {
        MatchNormalizer.register(in: db)
        let fields = definition.unification.fields.map { SQLName.quoted($0.name) }
        let keys = matchFields.map(Self.keyColumn)
        let columns = (["source TEXT", "record_key TEXT", "rank INTEGER", "updated TEXT"] + fields + keys).joined(separator: ", ")
        try db.execute(sql: "DROP TABLE IF EXISTS temp.unify_record")
        try db.execute(sql: "CREATE TEMP TABLE unify_record (rid INTEGER PRIMARY KEY, \(columns))")
        for (rank, source) in rankedSources.enumerated() where try InsightsStore.hasData(db, source: source) {
            try insert(source, rank: rank, db)
        }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM unify_record") ?? 0
    }

    private func insert(_ source: SourceDefinition, rank: Int, _ db: Database) throws {
        let inverse = Dictionary((source.mapping ?? [:]).map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        let fieldValues = definition.unification.fields.map { field in
            inverse[field.name].map(SQLName.quoted) ?? "NULL"
        }
        let keyValues = matchFields.map { field -> String in
            guard let column = inverse[field.name] else { return "NULL" }
            return MatchNormalizer.sql(for: field.normalize ?? .text, column: SQLName.quoted(column))
        }
        let key = SQLName.quoted(source.keyColumn ?? "")
        let updated = source.updatedColumn.map(SQLName.quoted) ?? "NULL"
        let fieldNames = definition.unification.fields.map { SQLName.quoted($0.name) } + matchFields.map(Self.keyColumn)
        let targets = (["source", "record_key", "rank", "updated"] + fieldNames).joined(separator: ", ")
        let values = (["?", "CAST(\(key) AS TEXT)", "?", "CAST(\(updated) AS TEXT)"] + fieldValues + keyValues).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO unify_record (\(targets)) SELECT \(values) FROM \(source.tableName) WHERE \(key) IS NOT NULL",
            arguments: [source.name, rank])
    }
}

/// SQL normalization of match keys: emails lowercased, phones reduced to digits, text lowercased with single spaces.
enum MatchNormalizer {
    /// The SQL expression normalizing `column`; empty results are NULL so they never match.
    static func sql(for normalization: UnificationDefinition.Normalization, column: String) -> String {
        switch normalization {
        case .email: "NULLIF(lower(trim(\(column))), '')"
        case .phone: "insights_digits(\(column))"
        case .text: "insights_text(\(column))"
        }
    }

    /// Registers the helper SQL functions on `db` (as C callbacks: they run once per customer record).
    static func register(in db: Database) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        sqlite3_create_function_v2(db.sqliteConnection, "insights_digits", 1, flags, nil, { context, _, arguments in
            MatchNormalizer.respond(context, arguments) { bytes in
                let digits = bytes.filter { $0 >= 48 && $0 <= 57 }
                return digits.isEmpty ? nil : digits
            }
        }, nil, nil, nil)
        sqlite3_create_function_v2(db.sqliteConnection, "insights_text", 1, flags, nil, { context, _, arguments in
            MatchNormalizer.respond(context, arguments) { bytes in
                guard let text = String(validating: bytes, as: UTF8.self), let normalized = MatchNormalizer.normalizedText(text) else { return nil }
                return Array(normalized.utf8)
            }
        }, nil, nil, nil)
    }

    /// Applies `transform` to the text of the first argument and sets the function result (NULL for nil).
    private static func respond(
        _ context: OpaquePointer?, _ arguments: UnsafeMutablePointer<OpaquePointer?>?,
        _ transform: (UnsafeBufferPointer<UInt8>) -> [UInt8]?
    ) {
        guard let value = arguments?[0], sqlite3_value_type(value) != SQLITE_NULL, let text = sqlite3_value_text(value) else {
            return sqlite3_result_null(context)
        }
        guard let result = transform(UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))) else {
            return sqlite3_result_null(context)
        }
        result.withUnsafeBytes { buffer in
            sqlite3_result_text(context, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), RawStatement.transient)
        }
    }

    /// Lowercased, with runs of whitespace collapsed to one space and no leading/trailing space; nil if empty.
    static func normalizedText(_ text: String) -> String? {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                if byte == 32 {
                    if let last = bytes.last, last != 32 { bytes.append(32) }
                } else {
                    bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                }
            }
            if bytes.last == 32 { bytes.removeLast() }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
