import Foundation
import GRDB
@testable import Insights

/// A workspace folder inside the test's temporary folder, with the standard fixture: three overlapping customer sources and orders.
struct TestWorkspace {
    let folder: URL

    /// The fixed "now" of the fixture (2026-11-26 12:00 UTC).
    static let now = Date(timeIntervalSince1970: 1_795_694_400)

    init() throws {
        let parent = TemporaryFolder.current ?? FileManager.default.temporaryDirectory
        folder = parent.appendingPathComponent("workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    }

    /// Writes a text file under the workspace folder.
    func write(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(relativePath))
    }

    /// Writes the fixture data files and `definition`.
    func writeFixture(_ definition: WorkspaceDefinition = TestWorkspace.definition) throws {
        try definition.write(to: folder)
        try write("data/crm.csv", Self.crmCSV)
        try write("data/web.csv", Self.webCSV)
        try write("data/orders.csv", Self.ordersCSV)
        try Self.writeLoyalty(to: folder.appendingPathComponent("data/loyalty.sqlite"))
    }

    /// A fresh sample workspace (the one `init` writes), loaded with the fixed clock and refreshed once.
    static func refreshedSample() async throws -> Workspace {
        let folder = try TestWorkspace().folder
        _ = try SampleWorkspace.writeIfAbsent(to: folder, now: now)
        let workspace = try Workspace.load(folder: folder, clock: { TestWorkspace.now })
        _ = try await workspace.refreshAll()
        return workspace
    }

    /// Loads the workspace with the fixed clock.
    func load() throws -> Workspace {
        try Workspace.load(folder: folder, clock: { TestWorkspace.now })
    }

    static let crmCSV = """
        id,full_name,email,phone,city,updated
        1,Anna Schmidt,anna@example.com,+49 170 1111,Berlin,2024-01-01T10:00:00Z
        2,Ben Müller,ben@example.com,0170-2222,Hamburg,2024-01-02T10:00:00Z
        3,"Diaz, Cara",cara@example.com,,Munich,2024-01-03T10:00:00Z

        """

    static let webCSV = """
        account_id;name;email;mobile;signup
        w1;anna  SCHMIDT; ANNA@example.com ;;2026-11-20
        w2;Ben Müller;ben.m@example.org;0170 2222;2025-03-01
        w3;Dan Evans;dan@example.com;555;2026-11-01

        """

    static let ordersCSV = """
        order_id,account_id,amount,order_date
        1,w1,100.0,2026-11-10
        2,w1,250,2026-10-01
        3,w2,40.0,2026-06-01
        4,w3,700.0,2026-11-25
        5,wX,10.0,2026-11-01

        """

    static func writeLoyalty(to url: URL) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE members (member_no TEXT, name TEXT, phone TEXT, city TEXT);
                INSERT INTO members VALUES ('L1', 'Dan Evans', '555', 'Leeds'), ('L2', 'Eve Ng', '777', NULL);
                """)
        }
    }

    static var definition: WorkspaceDefinition {
        WorkspaceDefinition(
            name: "Test", sources: sources,
            unification: UnificationDefinition(
                fields: [
                    .init("name", .string), .init("email", .string, normalize: .email),
                    .init("phone", .string, normalize: .phone), .init("city", .string), .init("signupDate", .date),
                ],
                matchRules: [.init(name: "email", fields: ["email"]), .init(name: "namePhone", fields: ["name", "phone"])],
                merge: .precedence, precedence: ["crm", "web", "loyalty"]),
            measures: measures, segments: segments)
    }

    static var sources: [SourceDefinition] {
        [
            SourceDefinition(
                name: "crm", kind: .csv, path: "data/crm.csv",
                columns: [.init("id", .integer), .init("full_name", .string), .init("email", .string),
                          .init("phone", .string), .init("city", .string), .init("updated", .datetime)],
                feeds: .customers, keyColumn: "id",
                mapping: ["full_name": "name", "email": "email", "phone": "phone", "city": "city"], updatedColumn: "updated"),
            SourceDefinition(
                name: "web", kind: .csv, path: "data/web.csv", delimiter: ";",
                columns: [.init("account_id", .string), .init("name", .string), .init("email", .string),
                          .init("mobile", .string), .init("signup", .date)],
                feeds: .customers, keyColumn: "account_id",
                mapping: ["name": "name", "email": "email", "mobile": "phone", "signup": "signupDate"]),
            SourceDefinition(
                name: "loyalty", kind: .sqlite, path: "data/loyalty.sqlite", query: "SELECT * FROM members",
                columns: [.init("member_no", .string), .init("name", .string), .init("phone", .string), .init("city", .string)],
                feeds: .customers, keyColumn: "member_no",
                mapping: ["name": "name", "phone": "phone", "city": "city"]),
            SourceDefinition(
                name: "orders", kind: .csv, path: "data/orders.csv",
                columns: [.init("order_id", .integer), .init("account_id", .string), .init("amount", .decimal), .init("order_date", .date)],
                feeds: .activities, customerSource: "web", customerKeyColumn: "account_id"),
        ]
    }

    static var measures: [MeasureDefinition] {
        [
            MeasureDefinition(name: "Total revenue", aggregation: .sum, source: "orders", column: "amount"),
            MeasureDefinition(
                name: "Active customers", aggregation: .distinctCount, source: "orders", column: "customerId",
                filter: .condition(.init(field: "order_date", op: .inLastDays, value: .number(30)))),
            MeasureDefinition(name: "Average order value", aggregation: .average, source: "orders", column: "amount"),
            MeasureDefinition(name: "Lifetime spend", level: .customer, aggregation: .sum, source: "orders", column: "amount"),
            MeasureDefinition(name: "Profiles", aggregation: .count, source: "profiles"),
        ]
    }

    static var segments: [SegmentDefinition] {
        [
            SegmentDefinition(name: "Big spenders in Berlin", rule: .all([
                .condition(.init(segment: "High value")),
                .condition(.init(field: "city", op: .startsWith, value: .text("ber"))),
            ])),
            SegmentDefinition(name: "High value", rule: .condition(.init(measure: "Lifetime spend", op: .greater, value: .number(300)))),
            SegmentDefinition(name: "North", rule: .any([
                .condition(.init(field: "city", value: .text("Berlin"))),
                .condition(.init(field: "city", op: .equal, value: .text("Hamburg"))),
            ])),
            SegmentDefinition(name: "No email", rule: .condition(.init(field: "email", op: .isEmpty))),
            SegmentDefinition(name: "New this month", rule: .condition(.init(field: "signupDate", op: .inLastDays, value: .number(30)))),
        ]
    }
}

extension Workspace {
    /// Row count of a source's last good data (nil if never ingested).
    func rowCount(source: String) throws -> Int? {
        try status().sources.first { $0.name == source }?.rows
    }
}
