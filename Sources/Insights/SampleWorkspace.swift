import Foundation

/// Writes the sample workspace: three overlapping customer sources, orders, segments, measures, schedule and demo feed.
public enum SampleWorkspace {
    /// Writes the sample into `folder` unless a definition is already there; returns whether it wrote.
    @discardableResult
    public static func writeIfAbsent(to folder: URL, now: Date = Date()) throws -> Bool {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(WorkspaceDefinition.fileName).path) { return false }
        try write(to: folder, now: now)
        return true
    }

    /// Writes (overwriting) the sample definition and data files into `folder`.
    public static func write(to folder: URL, now: Date = Date()) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        let people = SamplePeople(now: now)
        try people.writeFiles(to: folder.appendingPathComponent("data"))
        try definition.write(to: folder)
    }

    /// The sample definition.
    public static var definition: WorkspaceDefinition {
        WorkspaceDefinition(
            name: "Contoso Coffee (sample)", sources: SampleDefinition.sources,
            unification: UnificationDefinition(
                fields: [
                    .init("name", .string), .init("email", .string, normalize: .email),
                    .init("phone", .string, normalize: .phone), .init("city", .string),
                    .init("signupDate", .date), .init("loyaltyTier", .string),
                ],
                matchRules: [.init(name: "Email", fields: ["email"]), .init(name: "Name and phone", fields: ["name", "phone"])],
                merge: .precedence, precedence: ["CRM contacts", "Webshop accounts", "Loyalty members"]),
            measures: SampleDefinition.measures, segments: SampleDefinition.segments,
            schedule: RefreshSchedule(intervalSeconds: 20),
            demoFeed: DemoFeedSettings(enabled: true, intervalSeconds: 5))
    }
}

/// The sources, measures and segments of the sample.
enum SampleDefinition {
    static let sources: [SourceDefinition] = [
        SourceDefinition(
            name: "CRM contacts", kind: .csv, path: "data/crm_contacts.csv",
            columns: [.init("contact_id", .integer), .init("full_name", .string), .init("email", .string),
                      .init("phone", .string), .init("city", .string), .init("modified_on", .datetime)],
            feeds: .customers, keyColumn: "contact_id",
            mapping: ["full_name": "name", "email": "email", "phone": "phone", "city": "city"], updatedColumn: "modified_on"),
        SourceDefinition(
            name: "Webshop accounts", kind: .csv, path: "data/webshop_accounts.csv",
            columns: [.init("account_id", .string), .init("display_name", .string), .init("email", .string),
                      .init("mobile", .string), .init("signup_date", .date)],
            feeds: .customers, keyColumn: "account_id",
            mapping: ["display_name": "name", "email": "email", "mobile": "phone", "signup_date": "signupDate"]),
        SourceDefinition(
            name: "Loyalty members", kind: .sqlite, path: "data/loyalty.sqlite",
            query: "SELECT member_no, name, phone, city, tier FROM members",
            columns: [.init("member_no", .string), .init("name", .string), .init("phone", .string),
                      .init("city", .string), .init("tier", .string)],
            feeds: .customers, keyColumn: "member_no",
            mapping: ["name": "name", "phone": "phone", "city": "city", "tier": "loyaltyTier"]),
        SourceDefinition(
            name: "Orders", kind: .csv, path: "data/orders.csv",
            columns: [.init("order_id", .integer), .init("account_id", .string), .init("amount", .decimal), .init("order_date", .date)],
            feeds: .activities, customerSource: "Webshop accounts", customerKeyColumn: "account_id"),
    ]

    static let measures: [MeasureDefinition] = [
        MeasureDefinition(name: "Total revenue", aggregation: .sum, source: "Orders", column: "amount"),
        MeasureDefinition(
            name: "Active customers", aggregation: .distinctCount, source: "Orders", column: "customerId",
            filter: .condition(.init(field: "order_date", op: .inLastDays, value: .number(30)))),
        MeasureDefinition(name: "Average order value", aggregation: .average, source: "Orders", column: "amount"),
        MeasureDefinition(name: "Lifetime spend", level: .customer, aggregation: .sum, source: "Orders", column: "amount"),
        MeasureDefinition(
            name: "Orders last 90 days", level: .customer, aggregation: .count, source: "Orders",
            filter: .condition(.init(field: "order_date", op: .inLastDays, value: .number(90)))),
    ]

    static let segments: [SegmentDefinition] = [
        SegmentDefinition(name: "High value customers", rule: .condition(.init(measure: "Lifetime spend", op: .greater, value: .number(500)))),
        SegmentDefinition(name: "Lapsed customers", rule: .all([
            .condition(.init(measure: "Lifetime spend", op: .greater, value: .number(0))),
            .condition(.init(measure: "Orders last 90 days", op: .equal, value: .number(0))),
        ])),
        SegmentDefinition(name: "New this month", rule: .condition(.init(field: "signupDate", op: .inLastDays, value: .number(30)))),
        SegmentDefinition(name: "Berlin and Hamburg", rule: .any([
            .condition(.init(field: "city", value: .text("Berlin"))), .condition(.init(field: "city", value: .text("Hamburg"))),
        ])),
        SegmentDefinition(name: "Gold loyalty without email", rule: .all([
            .condition(.init(field: "loyaltyTier", value: .text("Gold"))), .condition(.init(field: "email", op: .isEmpty)),
        ])),
    ]
}
