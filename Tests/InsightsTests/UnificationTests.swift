import Foundation
import GRDB
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct UnificationTests {
    private func unified(_ definition: WorkspaceDefinition = TestWorkspace.definition) async throws -> (TestWorkspace, Workspace, UnificationResult?) {
        let fixture = try TestWorkspace()
        try fixture.writeFixture(definition)
        let workspace = try fixture.load()
        let events = workspace.events()
        try await workspace.refreshAll()
        for await event in events {
            if case .unificationCompleted(let result) = event { return (fixture, workspace, result) }
        }
        return (fixture, workspace, nil)
    }

    private func id(_ source: String, _ key: String) -> String { CustomerIdAssigner.derivedId(source: source, key: key) }

    @Test func overlappingRecordsMergeIntoKnownProfiles() async throws {
        let (_, workspace, result) = try await unified()
        #expect(result?.recordsIn == 8)
        #expect(result?.profilesOut == 5)
        #expect(result?.ruleStats == [
            MatchRuleStats(rule: "email", matchedRecords: 2, merges: 1, matchRate: 0.25),
            MatchRuleStats(rule: "namePhone", matchedRecords: 4, merges: 2, matchRate: 0.5),
        ])
        let anna = try await workspace.profile(id: id("crm", "1"))
        #expect(anna == ["customer_id": id("crm", "1"), "name": "Anna Schmidt", "email": "anna@example.com",
                         "phone": "+49 170 1111", "city": "Berlin", "signupDate": "2026-11-20"])
        let dan = try await workspace.profile(id: id("web", "w3"))
        #expect(dan?["city"] == "Leeds" && dan?["email"] == "dan@example.com")
        #expect(try await workspace.profile(id: id("crm", "2"))?["email"] == "ben@example.com")
        #expect(try await workspace.profile(id: id("loyalty", "L2"))?["name"] == "Eve Ng")
        #expect(try await workspace.profile(id: id("crm", "3"))?["name"] == "Diaz, Cara")
    }

    @Test func linksPointEveryRecordToItsProfile() async throws {
        let (_, workspace, _) = try await unified()
        let links = try await workspace.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT source, record_key, customer_id FROM customer_link ORDER BY source, record_key")
                .map { "\($0[0] as String):\($0[1] as String)=\($0[2] as String)" }
        }
        #expect(links == [
            "crm:1=\(id("crm", "1"))", "crm:2=\(id("crm", "2"))", "crm:3=\(id("crm", "3"))",
            "loyalty:L1=\(id("web", "w3"))", "loyalty:L2=\(id("loyalty", "L2"))",
            "web:w1=\(id("crm", "1"))", "web:w2=\(id("crm", "2"))", "web:w3=\(id("web", "w3"))",
        ])
    }

    @Test func customerIdsStayStableWhenAMoreTrustedRecordJoinsLater() async throws {
        let (fixture, workspace, _) = try await unified()
        let danId = id("web", "w3")
        try fixture.write("data/crm.csv", TestWorkspace.crmCSV + "9,Dan Evans,dan@example.com,,York,2024-05-01T00:00:00Z\n")
        try await workspace.refreshAll()
        let dan = try await workspace.profile(id: danId)
        #expect(dan?["city"] == "York", "crm is now the most trusted record of Dan, but his id is kept")
        #expect(try await workspace.profile(id: id("crm", "9")) == nil)
    }

    @Test func mostRecentMergeTakesTheNewestValue() async throws {
        var definition = TestWorkspace.definition
        definition.unification.merge = .mostRecent
        definition.sources[1].columns.append(.init("seen", .datetime))
        definition.sources[1].updatedColumn = "seen"
        let fixture = try TestWorkspace()
        try fixture.writeFixture(definition)
        try fixture.write("data/web.csv", "account_id;name;email;mobile;signup;seen\nw1;Anna S.;anna@example.com;;;2025-01-01T00:00:00Z\n")
        let workspace = try fixture.load()
        try await workspace.refreshAll()
        #expect(try await workspace.profile(id: id("crm", "1"))?["name"] == "Anna S.")
        #expect(try await workspace.profile(id: id("crm", "1"))?["city"] == "Berlin")
    }

    @Test func failedSourceKeepsItsRecordsInTheProfiles() async throws {
        let (fixture, workspace, _) = try await unified()
        try fixture.write("data/web.csv", "broken header\n")
        let summary = try await workspace.refreshAll()
        #expect(summary.sourcesFailed == ["web"])
        #expect(summary.profiles == 5)
    }
}
