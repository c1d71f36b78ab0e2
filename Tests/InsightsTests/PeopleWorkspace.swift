import Foundation
@testable import Insights

/// A workspace of two person sources ("a" and "b": id, given, surname, postcode, dob) for fuzzy-matching tests.
enum PeopleWorkspace {
    static let header = "id,given,surname,postcode,dob\n"

    /// The definition with `rules`, optional per-source deduplication and match order.
    static func definition(
        _ rules: [UnificationDefinition.MatchRule], deduplication: [UnificationDefinition.Deduplication]? = nil,
        matchOrder: [String]? = nil
    ) -> WorkspaceDefinition {
        let columns: [ColumnDefinition] = [
            .init("id", .string), .init("given", .string), .init("surname", .string), .init("postcode", .string), .init("dob", .string),
        ]
        let mapping = ["given": "given", "surname": "surname", "postcode": "postcode", "dob": "dob"]
        var unification = UnificationDefinition(
            fields: [.init("given", .string), .init("surname", .string), .init("postcode", .string), .init("dob", .string)],
            matchRules: rules, merge: .precedence, precedence: ["a", "b"])
        unification.deduplication = deduplication
        unification.matchOrder = matchOrder
        return WorkspaceDefinition(name: "People", sources: ["a", "b"].map { name in
            SourceDefinition(name: name, kind: .csv, path: "data/\(name).csv", columns: columns, feeds: .customers, keyColumn: "id", mapping: mapping)
        }, unification: unification)
    }

    /// Writes the definition and the two sources' rows (CSV lines without the header) and loads the workspace.
    static func load(_ definition: WorkspaceDefinition, a: [String], b: [String]) throws -> Workspace {
        let fixture = try TestWorkspace()
        try definition.write(to: fixture.folder)
        try fixture.write("data/a.csv", header + a.map { $0 + "\n" }.joined())
        try fixture.write("data/b.csv", header + b.map { $0 + "\n" }.joined())
        return try fixture.load()
    }

    /// The profiles as sets of "source:key", sorted, from `customer_link`.
    static func profiles(_ workspace: Workspace) async throws -> [[String]] {
        let explanationIds = try await workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT group_concat(source || ':' || record_key, ' ') FROM (SELECT * FROM customer_link ORDER BY source, record_key) GROUP BY customer_id")
        }
        return explanationIds.map { $0.split(separator: " ").map(String.init).sorted() }.sorted { $0.joined() < $1.joined() }
    }
}
