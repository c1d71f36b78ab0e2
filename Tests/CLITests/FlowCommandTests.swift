import FlowExpressions
import FlowModel
import Foundation
import Testing

@Suite struct FlowCommandTests {
    let cli = CLIRunner()

    @Test func newListShowEnableDisableDelete() throws {
        let created = try cli.run(["flow", "new", "--name", "Teams on failure", "--trigger", "data-source-refresh-failed", "--param", "dataSource=Webshop"])
        #expect(created.status == 0)
        #expect(created.stdout == "teams-on-failure\n")
        let list = try cli.run(["flow", "list", "--json"])
        let listed = try JSONValue.parse(list.stdout)
        #expect(listed.value(atPath: "flows.0.id") == "teams-on-failure")
        #expect(listed.value(atPath: "flows.0.trigger") == "DataSourceRefreshFailed")
        #expect(listed.value(atPath: "flows.0.state") == "Off")
        let shown = try JSONValue.parse(try cli.run(["flow", "show", "Teams on failure", "--json"]).stdout)
        #expect(shown.value(atPath: "definition.triggers.When_a_data_source_refresh_fails.inputs.dataSource") == "Webshop")
        #expect(try cli.run(["flow", "enable", "teams-on-failure"]).status == 0)
        #expect(try JSONValue.parse(try cli.run(["flow", "show", "teams-on-failure", "--json"]).stdout)["state"] == "On")
        #expect(try cli.run(["flow", "disable", "teams-on-failure"]).stdout.contains("Off"))
        #expect(try cli.run(["flow", "delete", "teams-on-failure"]).status == 0)
        #expect(try cli.run(["flow", "show", "teams-on-failure"]).status == 1)
    }

    @Test func thresholdParameterKeepsItsNumberAndBadThresholdBlocksEnable() throws {
        try cli.run(["flow", "new", "--name", "Big segment", "--trigger", "SegmentThresholdCrossed", "--param", "segment=High value customers", "--param", "threshold=100"])
        let shown = try JSONValue.parse(try cli.run(["flow", "show", "big-segment", "--json"]).stdout)
        #expect(shown.value(atPath: "definition.triggers.When_a_segment_crosses_a_threshold.inputs.threshold") == 100)
        let bad = try cli.run(["flow", "new", "--name", "Bad", "--trigger", "SegmentThresholdCrossed", "--param", "segment=S", "--param", "threshold=lots"])
        #expect(bad.stderr.contains("must be a number"))
        let enable = try cli.run(["flow", "enable", "bad"])
        #expect(enable.status == 1)
        #expect(enable.stderr.contains("cannot be turned On"))
    }

    @Test func unknownTriggerIsRefusedWithTheChoices() throws {
        let result = try cli.run(["flow", "new", "--name", "X", "--trigger", "Sometimes"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("DataSourceRefreshFailed"))
    }

    @Test func validateExitsNonZeroWithTheCheckersMessages() throws {
        let good = try cli.write("good.json", #"{"id": "g", "displayName": "G", "definition": {"triggers": {"T": {"type": "FullRefreshCompleted"}}, "actions": {"A": {"type": "Compose", "inputs": 1, "runAfter": {}}}}}"#)
        let bad = try cli.write("bad.json", #"{"id": "b", "displayName": "B", "definition": {"triggers": {"T": {"type": "FullRefreshCompleted"}}, "actions": {"A": {"type": "Compose", "inputs": 1, "runAfter": {"Nope": ["Succeeded"]}}}}}"#)
        let broken = try cli.write("broken.json", #"{"id": "b", "displayName": "#)
        #expect(try cli.run(["flow", "validate", good]).status == 0)
        let result = try cli.run(["flow", "validate", good, bad, broken])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(bad): error: $.definition.actions.A.runAfter.Nope"))
        #expect(result.stdout.contains("\(broken): error: $"))
        #expect(result.stdout.contains("truncated"))
    }

    @Test func listReportsABrokenFileAndStillListsTheRest() throws {
        try cli.run(["flow", "new", "--name", "Good", "--trigger", "FullRefreshCompleted"])
        try Data("{ nope".utf8).write(to: cli.home.appendingPathComponent("flows/broken.json"))
        let result = try cli.run(["flow", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("good"))
        #expect(result.stderr.contains("broken.json"))
    }

    @Test func exportThenImportMakesACopy() throws {
        try cli.run(["flow", "new", "--name", "Original", "--trigger", "UnificationCompleted"])
        let exported = cli.home.appendingPathComponent("export.json").path
        #expect(try cli.run(["flow", "export", "original", "--output", exported]).status == 0)
        let imported = try cli.run(["flow", "import", exported, "--name", "Imported copy"])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("original-2"))
        let listed = try JSONValue.parse(try cli.run(["flow", "list", "--json"]).stdout)
        #expect(listed["flows"]?.arrayValue?.count == 2)
    }

    @Test func importOfAPowerAutomateExportTranslatesTeamsAndNamesWhatItCannotRun() throws {
        let export = """
        {"name": "abc", "properties": {"displayName": "PA flow", "state": "Started", "definition": {
          "triggers": {"manual": {"type": "Request", "kind": "Button", "inputs": {}}},
          "actions": {
            "Post": {"type": "OpenApiConnection", "inputs": {"host": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_teams", "operationId": "PostMessageToConversation", "connectionName": "shared_teams"}, "parameters": {"body/messageBody": "Hello"}}, "runAfter": {}},
            "Excel": {"type": "OpenApiConnection", "inputs": {"host": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_excelonlinebusiness", "operationId": "AddRow"}}, "runAfter": {"Post": ["Succeeded"]}}
          }}}}
        """
        let file = try cli.write("pa.json", export)
        // Unsupported parts import (Off, kept verbatim) and are named by JSON path.
        let allowed = try cli.run(["flow", "import", file])
        #expect(allowed.status == 0)
        #expect(allowed.stderr.contains("$.properties.definition.actions.Excel"))
        #expect(allowed.stderr.contains("'excelonlinebusiness' operation 'AddRow' is not supported here"))
        #expect(allowed.stdout.contains("translated Post"))
        let shown = try JSONValue.parse(try cli.run(["flow", "show", "pa-flow", "--json"]).stdout)
        #expect(shown.value(atPath: "definition.actions.Post.type") == "TeamsPostMessage")
        #expect(shown.value(atPath: "definition.actions.Post.inputs.text") == "Hello")
        #expect(shown["state"] == "Off")
        #expect(shown.value(atPath: "definition.actions.Excel.inputs.host.operationId") == "AddRow")
        // Exported for Power Automate, the Teams action is the original connector action again.
        let exported = try JSONValue.parse(try cli.run(["flow", "export", "pa-flow", "--format", "powerautomate"]).stdout)
        #expect(exported.value(atPath: "properties.definition.actions.Post.type") == "OpenApiConnection")
        #expect(exported.value(atPath: "properties.definition.actions.Post.inputs.host.operationId") == "PostMessageToConversation")
        #expect(exported.value(atPath: "properties.definition.actions.Post.x-insightflow-connector") == nil)
        let logicApp = try JSONValue.parse(try cli.run(["flow", "export", "pa-flow", "--format", "logicapp"]).stdout)
        #expect(logicApp["kind"] == "Stateful")
        #expect(logicApp.value(atPath: "definition.actions.Excel.inputs.host.operationId") == "AddRow")
        #expect(try cli.run(["flow", "export", "pa-flow", "--format", "zip"]).status != 0)
    }

    @Test func aFlowBuiltHereIsExportedWithTheCloudsConnectorActionsAndImportsBack() throws {
        let file = try cli.write("built.json", """
        {"id": "built", "displayName": "Built here", "state": "Off", "version": 1, "definition": {
          "triggers": {"manual": {"type": "Request", "kind": "Button", "inputs": {}}},
          "actions": {
            "Get_items": {"type": "GetItems", "inputs": {"entity": "Customer", "top": 5}, "runAfter": {}},
            "Post": {"type": "TeamsPostMessage", "inputs": {"connection": "Sales channel", "text": "Hello", "facts": {"n": "1"}}, "runAfter": {"Get_items": ["Succeeded"]}}
          }}}
        """)
        #expect(try cli.run(["flow", "import", file]).status == 0)
        let output = cli.home.appendingPathComponent("built-pa.json").path
        let export = try cli.run(["flow", "export", "built", "--format", "powerautomate", "--output", output])
        #expect(export.status == 0)
        #expect(export.stderr.contains("left out (the connector action has no parameter for it): Post: facts"))
        let exported = try JSONValue.parse(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: output))))
        #expect(exported.value(atPath: "properties.definition.actions.Post.type") == "OpenApiConnection")
        #expect(exported.value(atPath: "properties.definition.actions.Post.inputs.host.connectionName") == "Sales channel")
        #expect(exported.value(atPath: "properties.definition.actions.Get_items.inputs.host.operationId") == "GetItems")
        #expect(exported.value(atPath: "properties.connectionReferences.Sales channel.api.name") == "shared_teams")
        let again = try cli.run(["flow", "import", output, "--name", "Back again"])
        #expect(again.status == 0)
        #expect(!again.stderr.contains("not supported"))
        let shown = try JSONValue.parse(try cli.run(["flow", "show", "Back again", "--json"]).stdout)
        #expect(shown.value(atPath: "definition.actions.Post.type") == "TeamsPostMessage")
        #expect(shown.value(atPath: "definition.actions.Post.inputs.connection") == "Sales channel")
        #expect(shown.value(atPath: "definition.actions.Get_items.type") == "GetItems")
        #expect(shown.value(atPath: "definition.actions.Get_items.inputs.top") == 5)
    }

    @Test func aCustomerInsightsTriggerBuiltHereIsExportedAsTheConnectorsWebhookTriggerAndImportsBack() throws {
        try cli.run(["flow", "new", "--name", "Big segment", "--trigger", "SegmentThresholdCrossed", "--param", "segment=High value customers", "--param", "threshold=100"])
        for (format, type) in [("powerautomate", "OpenApiConnectionWebhook"), ("logicapp", "ApiConnectionWebhook")] {
            let output = cli.home.appendingPathComponent("big-\(format).json").path
            #expect(try cli.run(["flow", "export", "big-segment", "--format", format, "--output", output]).status == 0)
            let exported = try JSONValue.parse(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: output))))
            let definition = format == "powerautomate" ? "properties.definition" : "definition"
            let trigger = exported.value(atPath: definition + ".triggers.When_a_segment_crosses_a_threshold")
            #expect(trigger?["type"] == .string(type), "\(format)")
            #expect(trigger?.value(atPath: "inputs.host.operationId") == "SegmentThresholdCrossed", "\(format)")
            #expect(trigger?.value(atPath: "inputs.parameters") == ["segmentName": "High value customers", "threshold": 100], "\(format)")
            let again = try cli.run(["flow", "import", output, "--name", "Back \(format)"])
            #expect(again.status == 0, "\(again.stderr)")
            let shown = try JSONValue.parse(try cli.run(["flow", "show", "Back \(format)", "--json"]).stdout)
            #expect(shown.value(atPath: "definition.triggers.When_a_segment_crosses_a_threshold.type") == "SegmentThresholdCrossed", "\(format)")
            #expect(shown.value(atPath: "definition.triggers.When_a_segment_crosses_a_threshold.inputs") == ["segment": "High value customers", "threshold": 100],
                    "\(format)")
        }
    }
}
