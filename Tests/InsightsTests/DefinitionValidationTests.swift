import Foundation
import Testing
@testable import Insights

@Suite(.temporaryFolder) struct DefinitionValidationTests {
    /// Writes `definition` (after `change`) and returns the load error.
    private func loadError(_ change: (inout WorkspaceDefinition) -> Void) throws -> InsightsError? {
        let fixture = try TestWorkspace()
        var definition = TestWorkspace.definition
        change(&definition)
        try fixture.writeFixture(definition)
        do {
            _ = try fixture.load()
            return nil
        } catch let error as InsightsError {
            guard case .definitionInvalid(let file, _, _) = error else { return error }
            #expect(file.hasSuffix("workspace.json"))
            return error
        }
    }

    private func item(_ error: InsightsError?) -> (String, String)? {
        guard case .definitionInvalid(_, let item, let reason)? = error else { return nil }
        return (item, reason)
    }

    @Test func aSyntaxErrorNamesItsLineAndColumn() throws {
        let fixture = try TestWorkspace()
        try fixture.writeFixture(TestWorkspace.definition)
        let file = fixture.folder.appendingPathComponent(WorkspaceDefinition.fileName)
        try "{\n  \"name\": \"Shop\",\n  \"sources\": [,]\n}".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try fixture.load()
            Issue.record("a broken workspace.json loaded")
        } catch let error as InsightsError {
            guard case .definitionInvalid(let path, let item, let reason) = error else { Issue.record("\(error)"); return }
            #expect(path == file.path && item == "syntax")
            #expect(reason.contains("line 3, column 15"), "\(reason)")
        }
        #expect(JSONSyntaxPlace.lineAndColumn(of: 4, in: Data("é\nab".utf8)) == (2, 2), "columns count characters, not bytes")
    }

    @Test func validFixtureLoads() throws {
        #expect(try loadError { _ in } == nil)
    }

    @Test func intervalsThatWouldTrapOrSpinAreRefused() throws {
        let huge = item(try loadError { $0.schedule = RefreshSchedule(intervalSeconds: 1e300) })
        #expect(huge?.0 == "schedule" && huge?.1.contains("between 1 and 31536000") == true)
        #expect(item(try loadError { $0.schedule = RefreshSchedule(intervalSeconds: 0.001) })?.0 == "schedule")
        let spin = item(try loadError { $0.demoFeed = DemoFeedSettings(enabled: true, intervalSeconds: 0) })
        #expect(spin?.0 == "demoFeed.intervalSeconds" && spin?.1.contains("between 1 and 86400") == true)
        #expect(try loadError { $0.schedule = RefreshSchedule(intervalSeconds: 30) } == nil)
    }

    @Test func unknownFieldType() throws {
        let found = item(try loadError { $0.sources[0].columns[1].typeName = "txt" })
        #expect(found?.0 == "source 'crm' column 'full_name'")
        #expect(found?.1 == "unknown field type 'txt'")
    }

    @Test func segmentRuleNamingAMissingField() throws {
        let found = item(try loadError { $0.segments[2].rule = .condition(.init(field: "town", value: .text("x"))) })
        #expect(found?.0 == "segment 'North'")
        #expect(found?.1 == "rule names missing field 'town'")
    }

    @Test func measureOverAMissingSource() throws {
        let found = item(try loadError { $0.measures[0].source = "invoices" })
        #expect(found?.0 == "measure 'Total revenue'")
        #expect(found?.1.contains("missing source 'invoices'") == true)
    }

    @Test func cyclicDependencyIsNamed() throws {
        let found = item(try loadError {
            $0.segments[1].rule = .all([.condition(.init(measure: "Lifetime spend", op: .greater, value: .number(300))),
                                        .condition(.init(segment: "Big spenders in Berlin"))])
        })
        #expect(found?.1.hasPrefix("cyclic dependency: segment 'Big spenders in Berlin' -> segment 'High value' -> segment 'Big spenders in Berlin'") == true)
    }

    @Test func malformedJSONNamesThePath() throws {
        let fixture = try TestWorkspace()
        try fixture.write("workspace.json", #"{"name": "x", "sources": [{"name": 3}]}"#)
        #expect(throws: InsightsError.self) { try fixture.load() }
        do { _ = try fixture.load() } catch let error as InsightsError {
            #expect(error.description.contains("sources[0]"))
        }
    }

    @Test func missingWorkspaceSaysSo() throws {
        let fixture = try TestWorkspace()
        #expect(throws: InsightsError.workspaceMissing(path: fixture.folder.path)) { try fixture.load() }
    }

    @Test func definitionRoundTripsThroughJSON() throws {
        let fixture = try TestWorkspace()
        try TestWorkspace.definition.write(to: fixture.folder)
        #expect(try WorkspaceDefinition.load(folder: fixture.folder) == TestWorkspace.definition)
    }
}
