import FlowExpressions
import FlowModel
import Foundation
import Testing

/// `flow history`, `flow diff` and `flow restore` as a person (or a script) runs them.
@Suite struct FlowHistoryCLITests {
    let cli = CLIRunner()

    /// Version 1 imported; version 2: Prepare renamed Get_ready (Notify's reference follows) and Notify's text changed.
    func twoVersions() throws {
        let v1 = try cli.write("orders.json", #"""
        {"id": "orders", "displayName": "Orders", "state": "Off", "version": 1, "definition": {
          "triggers": {"manual": {"type": "Request", "kind": "Button"}},
          "actions": {"Prepare": {"type": "Compose", "inputs": "start", "runAfter": {}},
                      "Notify": {"type": "Compose", "inputs": "@outputs('Prepare')", "runAfter": {"Prepare": ["Succeeded"]}}}}}
        """#)
        #expect(try cli.run(["flow", "import", v1]).status == 0)
        let store = FlowStore(home: InsightFlowHome(url: cli.home))
        var flow = try store.load(id: "orders").flow
        let prepare = flow.definition.actions.removeValue(forKey: "Prepare")
        var notify = flow.definition.actions.removeValue(forKey: "Notify")
        flow.definition.actions["Get_ready"] = prepare.map { step in
            var step = step
            step.name = "Get_ready"
            return step
        }
        notify?.inputs = "@outputs('Get_ready')"
        notify?.runAfter = ["Get_ready": [.succeeded]]
        flow.definition.actions["Notify"] = notify
        try store.save(flow, expectedVersion: 1, origin: .designer)
    }

    @Test func historyListsEveryVersionWithWhoHowAndWhatChanged() throws {
        try twoVersions()
        let result = try cli.run(["flow", "history", "Orders"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stdout)")
        #expect(lines[1].hasPrefix("2 (current)") && lines[1].contains("designer") && lines[1].contains("1 renamed, 1 changed"))
        #expect(lines[2].hasPrefix("1 ") && lines[2].contains("import") && lines[2].contains("created"))
        let json = try JSONValue.parse(try cli.run(["flow", "history", "orders", "--json"]).stdout)
        #expect(json.value(atPath: "0.version") == 2)
        #expect(json.value(atPath: "0.via") == "designer")
        #expect(json.value(atPath: "1.current") == false)
    }

    @Test func diffIsATreeByDefaultAndJSONForTools() throws {
        try twoVersions()
        let result = try cli.run(["flow", "diff", "orders"])
        #expect(result.stdout == """
        Orders: version 1 → 2: 1 renamed, 1 changed
        - Prepare (Compose)
        + Get_ready (Compose)  renamed from Prepare
        ~ Notify (Compose)
        -   inputs: @outputs('Prepare')
        +   inputs: @outputs('Get_ready')

        """)
        let json = try JSONValue.parse(try cli.run(["flow", "diff", "orders", "1", "2", "--json"]).stdout)
        #expect(json.value(atPath: "steps.0.renamedFrom") == "Prepare")
        #expect(json.value(atPath: "steps.1.fields.0.path") == "inputs")
        let missing = try cli.run(["flow", "diff", "orders", "7"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("has no version 7 (kept: 1, 2)"))
    }

    @Test func restoreAddsAVersionAndTheDiffBackIsEmpty() throws {
        try twoVersions()
        let result = try cli.run(["flow", "restore", "orders", "1"])
        #expect(result.stdout == "orders: version 1 restored as version 3\n")
        #expect(try cli.run(["flow", "diff", "orders", "1", "3"]).stdout == "Orders: version 1 → 3: no changes\n")
        let history = try cli.run(["flow", "history", "orders"]).stdout
        #expect(history.contains("restored from version 1"))
        #expect(history.split(separator: "\n").count == 4)
    }
}
