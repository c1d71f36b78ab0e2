import Foundation
import Testing

/// `insightflow runs` filters and search, and `runs compare`, as a person (or a script) runs them.
@Suite struct RunSearchCLITests {
    let cli = CLIRunner()

    /// A flow On for any failed refresh that divides by the event's errorCode: code 0 fails the run. Two events:
    /// Webshop ("disk full", code 5: succeeds) and Loyalty ("zebra stampede", code 0: fails).
    func twoRuns() throws -> (succeeded: String, failed: String) {
        let file = try cli.write("alerts.json", #"""
        {"id": "alerts", "displayName": "Alerts", "state": "Off", "version": 1, "definition": {
          "triggers": {"When_a_refresh_fails": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "any"}}},
          "actions": {"Describe": {"type": "Compose", "inputs": "source @{triggerBody()?['dataSourceName']} said @{triggerBody()?['errorMessage']}", "runAfter": {}},
                      "Divide": {"type": "Compose", "inputs": "@div(10, int(triggerBody()?['errorCode']))", "runAfter": {"Describe": ["Succeeded"]}}}}}
        """#)
        #expect(try cli.run(["flow", "import", file]).status == 0)
        #expect(try cli.run(["flow", "enable", "alerts"]).status == 0)
        _ = try cli.run(["emit", "DataSourceRefreshFailed", "--field", "dataSourceName=Webshop", "--field", "errorMessage=disk full", "--field", "errorCode=5"])
        _ = try cli.run(["emit", "DataSourceRefreshFailed", "--field", "dataSourceName=Loyalty", "--field", "errorMessage=zebra stampede", "--field", "errorCode=0"])
        let succeeded = try ids(["runs", "--status", "succeeded", "--json"])
        let failed = try ids(["runs", "--status", "failed", "--json"])
        #expect(succeeded.count == 1 && failed.count == 1)
        return (succeeded.first ?? "", failed.first ?? "")
    }

    func ids(_ arguments: [String]) throws -> [String] {
        let result = try cli.run(arguments)
        guard let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] else { return [] }
        return list.compactMap { $0["id"] as? String }
    }

    @Test func filtersAndSearchNarrowTheList() throws {
        let (succeeded, failed) = try twoRuns()
        #expect(try ids(["runs", "--search", "zebra", "--json"]) == [failed], "a word of a step's inputs/outputs")
        #expect(try ids(["runs", "--search", "divide", "--json"]) == [failed], "a word of a step's error")
        #expect(try ids(["runs", "--search", "zeb*", "--status", "succeeded", "--json"]).isEmpty)
        #expect(try ids(["runs", "--trigger", "datasourcerefreshfailed", "--since", "1h", "--flow", "Alerts", "--json"]) == [failed, succeeded])
        #expect(try ids(["runs", "--trigger", "SegmentRefreshed", "--json"]).isEmpty)
        #expect(try ids(["runs", "--until", "2000-01-01", "--json"]).isEmpty)
        let table = try cli.run(["runs", "--search", "nothing-like-this"])
        #expect(table.status == 0 && table.stdout.contains("(no runs match)"))
    }

    @Test func badValuesNameTheOptionAndTheFix() throws {
        for (arguments, expected) in [
            (["runs", "--since", "yesterday"], "--since: cannot read 'yesterday' as a time; use ISO 8601"),
            (["runs", "--until", "2026-13-40"], "--until: cannot read '2026-13-40'"),
            (["runs", "--since", "1h", "--until", "2h"], "is after --until"),
            (["runs", "--status", "broken"], "--status: unknown status 'broken'; use one of queued, running"),
            (["runs", "--trigger", "nope"], "--trigger: unknown event type 'nope'; use one of DataSourceRefreshFailed"),
            (["runs", "--search", " "], "--search: give at least one word"),
            (["runs", "--limit", "0"], "--limit must be at least 1"),
        ] {
            let result = try cli.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
    }

    @Test func compareShowsTheStepsThatDiffer() throws {
        let (succeeded, failed) = try twoRuns()
        let text = try cli.run(["runs", "compare", String(succeeded.prefix(8)), String(failed.prefix(8))])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("~  Describe"), "\(text.stdout)")
        #expect(text.stdout.contains("≠  Divide"), "\(text.stdout)")
        #expect(text.stdout.contains("2 of 2 step(s) differ"), "\(text.stdout)")
        let json = try cli.run(["runs", "compare", succeeded, failed, "--json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let steps = document?["steps"] as? [[String: Any]]
        #expect(steps?.map { $0["change"] as? String } == ["outputs", "status"])
        let second = steps?.last?["second"] as? [String: Any]
        #expect((second?["error"] as? String)?.contains("divide by zero") == true)
        let missing = try cli.run(["runs", "compare", succeeded, "no-such-run"])
        #expect(missing.status != 0 && missing.stderr.contains("no run 'no-such-run'"))
    }
}
