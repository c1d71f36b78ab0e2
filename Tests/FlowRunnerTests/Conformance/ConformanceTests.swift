import FlowExpressions
import FlowModel
import Foundation
import Testing
@testable import FlowRunner

/// Runs every row of the conformance table, in file order and with every scope's keys reversed. The rows run one at a
/// time: several rows assert timeouts and cancellation, and 160 runners at once starve the 2-core machine's threads.
@Suite(.serialized) struct ConformanceTests {
    @Test func theTableHasAtLeastSixtyDefinitions() {
        #expect(ConformanceTable.all.count >= 60)
        #expect(Set(ConformanceTable.all.map(\.name)).count == ConformanceTable.all.count, "case names are unique")
    }

    @Test(arguments: ConformanceTable.all)
    func definitionRunsAsTheReferenceSays(_ testCase: ConformanceCase) async throws {
        let (run, records) = try await Conformance.execute(try Conformance.flow(testCase), body: testCase.body)
        let statuses = Conformance.statuses(records)
        #expect(run.status == testCase.run, "run status")
        for (name, expected) in testCase.steps {
            #expect((statuses[name] ?? "-") == expected, "\(name)")
        }
        let (reversedRun, reversedRecords) = try await Conformance.execute(try Conformance.flow(testCase, reversed: true), body: testCase.body)
        #expect(reversedRun.status == run.status, "reversed key order: run status")
        #expect(Conformance.allStatuses(reversedRecords) == Conformance.allStatuses(records), "reversed key order: every action's statuses")
    }
}
