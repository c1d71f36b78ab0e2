import Foundation
import Testing
@testable import Insights

/// Bad match conditions in workspace.json fail loading with the file, the place and the fix.
@Suite(.temporaryFolder) struct MatchRuleValidationTests {
    private func loadError(_ json: String) throws -> (String, String)? {
        let fixture = try TestWorkspace()
        try fixture.writeFixture(TestWorkspace.definition)
        let file = fixture.folder.appendingPathComponent(WorkspaceDefinition.fileName)
        var text = try String(contentsOf: file, encoding: .utf8)
        guard let range = text.range(of: "\"matchRules\" : [") else { Issue.record("fixture layout changed"); return nil }
        text.replaceSubrange(range, with: "\"matchRules\" : [" + json + ",")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try fixture.load()
            return nil
        } catch let error as InsightsError {
            guard case .definitionInvalid(let path, let item, let reason) = error else { return nil }
            #expect(path == file.path)
            return (item, reason)
        }
    }

    @Test func fuzzyRulesLoad() throws {
        #expect(try loadError("""
            {"name": "fuzzy", "conditions": [{"field": "city"}, {"field": "name", "precision": "medium",
             "normalize": ["lowerCase", "name"], "aliases": {"bill": "william"}}], "exceptions": ["email"], "scope": "acrossSources"}
            """) == nil)
    }

    @Test func unknownPrecisionNamesThePlaceAndTheChoices() throws {
        let error = try #require(try loadError(#"{"name": "f", "conditions": [{"field": "name", "precision": "fuzzy"}]}"#))
        #expect(error.0.contains("precision"), "\(error)")
        #expect(error.1.contains("exact, low, medium, high"), "\(error)")
    }

    @Test func percentOutOfRangeIsRefused() throws {
        let error = try #require(try loadError(#"{"name": "f", "conditions": [{"field": "name", "precision": 0}]}"#))
        #expect(error.0 == "match rule 'f' condition 1" && error.1.contains("1...100"), "\(error)")
    }

    @Test func fuzzyOnADateFieldIsRefused() throws {
        let error = try #require(try loadError(#"{"name": "f", "conditions": [{"field": "signupDate", "precision": "high"}]}"#))
        #expect(error.1.contains("needs a string field") && error.1.contains("exact"), "\(error)")
    }

    @Test func missingFieldsAreNamed() throws {
        #expect(try loadError(#"{"name": "f", "conditions": [{"field": "nope"}]}"#)?.1.contains("'nope'") == true)
        #expect(try loadError(#"{"name": "f", "conditions": [{"field": "name", "swapWith": "nope"}]}"#)?.1.contains("swapWith") == true)
        #expect(try loadError(#"{"name": "f", "fields": ["name"], "exceptions": ["dob"]}"#)?.1.contains("'dob'") == true)
        #expect(try loadError(#"{"name": "f"}"#)?.1.contains("no fields or conditions") == true)
        let normalization = try loadError(#"{"name": "f", "conditions": [{"field": "name", "normalize": ["soundex"]}]}"#)
        #expect(normalization?.0.hasSuffix("conditions[0].normalize[0]") == true, "\(String(describing: normalization))")
        #expect(normalization?.1.contains("unknown normalization 'soundex'; use one of numerals, symbols") == true)
    }
}
