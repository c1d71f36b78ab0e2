import Foundation
import GRDB
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct SourceRefreshTests {
    private func loaded() throws -> (TestWorkspace, Workspace) {
        let fixture = try TestWorkspace()
        try fixture.writeFixture()
        return (fixture, try fixture.load())
    }

    @Test func ingestsCSVAndSQLiteAndLogsTheRefresh() async throws {
        let (_, workspace) = try loaded()
        let crm = try await workspace.refreshSource(named: "crm")
        let loyalty = try await workspace.refreshSource(named: "loyalty")
        #expect(crm.succeeded && crm.rowsRead == 3 && crm.rowsRejected == 0)
        #expect(loyalty.succeeded && loyalty.rowsRead == 2)
        #expect(try await workspace.rowCount(source: "crm") == 3)
        let log = try await workspace.refreshLog()
        #expect(log.map(\.sourceName) == ["loyalty", "crm"])
        #expect(log.first?.refreshId == loyalty.refreshId.uuidString)
    }

    /// Refreshes once successfully, breaks the file, refreshes again; returns the failure and keeps checking old data.
    private func failure(after breaking: (TestWorkspace) throws -> Void, source: String = "crm") async throws -> InsightsError? {
        let (fixture, workspace) = try loaded()
        try await workspace.refreshSource(named: source)
        let before = try await workspace.rowCount(source: source)
        try breaking(fixture)
        let result = try await workspace.refreshSource(named: source)
        #expect(try await workspace.rowCount(source: source) == before, "the last good data stays")
        #expect(try await workspace.refreshLog().first?.errorMessage == result.error?.description)
        return result.error
    }

    @Test func missingFile() async throws {
        let error = try await failure { try FileManager.default.removeItem(at: $0.folder.appendingPathComponent("data/crm.csv")) }
        guard case .fileMissing(let source, let path)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(source == "crm" && path.hasSuffix("data/crm.csv"))
    }

    @Test func unreadableFile() async throws {
        let error = try await failure { try Data("id,full_name,email,phone,city,updated\n1,".utf8 + [0xFF, 0xFE] + Data(",a,1,B,\n".utf8)).write(to: $0.folder.appendingPathComponent("data/crm.csv")) }
        guard case .unreadable(_, _, let reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.contains("UTF-8"))
    }

    @Test func wrongHeaderNamesExpectedAndFoundColumn() async throws {
        let error = try await failure { try $0.write("data/crm.csv", "id,name,email,phone,city,updated\n1,A,a@x,1,B,\n") }
        #expect(error == .wrongHeader(source: "crm", column: 2, expected: "full_name", found: "name"))
    }

    @Test func badValueMidFileNamesRowAndColumn() async throws {
        let error = try await failure {
            try $0.write("data/crm.csv", "id,full_name,email,phone,city,updated\n1,A,a@x,1,B,\n2x,B,b@x,2,C,\n3,C,c@x,3,D,\n")
        }
        #expect(error == .badValue(source: "crm", row: 3, column: "id", value: "2x", expectedType: "integer"))
    }

    @Test func emptyFileWhereRowsAreRequired() async throws {
        let error = try await failure { try $0.write("data/crm.csv", "id,full_name,email,phone,city,updated\n") }
        #expect(error == .emptySource(source: "crm"))
    }

    @Test func badSQLiteQueryAndUnreadableDatabase() async throws {
        let queryError = try await failure(after: { fixture in
            let url = fixture.folder.appendingPathComponent("data/loyalty.sqlite")
            try DatabaseQueue(path: url.path).write { try $0.execute(sql: "DROP TABLE members") }
        }, source: "loyalty")
        guard case .queryFailed(let source, _)? = queryError else { Issue.record("got \(String(describing: queryError))"); return }
        #expect(source == "loyalty")
        let unreadable = try await failure(after: { try $0.write("data/loyalty.sqlite", String(repeating: "garbage ", count: 200)) }, source: "loyalty")
        guard case .unreadable? = unreadable else { Issue.record("got \(String(describing: unreadable))"); return }
    }

    @Test func sqliteQueryMissingADeclaredColumnIsAWrongHeader() async throws {
        let error = try await failure(after: { fixture in
            let url = fixture.folder.appendingPathComponent("data/loyalty.sqlite")
            try DatabaseQueue(path: url.path).write { try $0.execute(sql: "ALTER TABLE members RENAME COLUMN city TO town") }
        }, source: "loyalty")
        #expect(error == .wrongHeader(source: "loyalty", column: 4, expected: "city", found: "town"))
    }

    @Test func rejectPolicyKeepsGoodRowsAndCountsBadOnes() async throws {
        let fixture = try TestWorkspace()
        var definition = TestWorkspace.definition
        definition.sources[0].onBadRow = .reject
        try fixture.writeFixture(definition)
        try fixture.write("data/crm.csv", "id,full_name,email,phone,city,updated\n1,A,a@x,1,B,\n2x,B,b@x,2,C,\n3,C,c@x\n4,D,d@x,4,E,\n")
        let workspace = try fixture.load()
        let result = try await workspace.refreshSource(named: "crm")
        #expect(result.succeeded && result.rowsRead == 4 && result.rowsRejected == 2)
        #expect(try await workspace.rowCount(source: "crm") == 2)
    }

    @Test func optionalRowsAllowAnEmptySource() async throws {
        let fixture = try TestWorkspace()
        var definition = TestWorkspace.definition
        definition.sources[0].requireRows = false
        try fixture.writeFixture(definition)
        try fixture.write("data/crm.csv", "")
        let result = try await fixture.load().refreshSource(named: "crm")
        #expect(result.succeeded && result.rowsRead == 0)
    }
}
