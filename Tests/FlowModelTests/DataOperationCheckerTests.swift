import FlowExpressions
import Testing
@testable import FlowModel

/// The catalog entries and checker rules of the data operations, variable actions and Date Time actions.
@Suite struct DataOperationCheckerTests {
    /// A manual-trigger flow whose actions are `actions` as a flow file writes them.
    func flow(_ actions: JSONValue) throws -> Flow {
        var flow = Flow(id: "d", displayName: "d", trigger: Trigger(kind: .manual))
        var definition = FlowCodec.jsonValue(flow.definition).objectValue ?? [:]
        definition["actions"] = actions
        flow.definition.actions = try FlowCodec.decodeDefinition(.object(definition)).actions
        return flow
    }

    func errors(_ actions: JSONValue) throws -> [FlowIssue] {
        FlowChecker.check(try flow(actions)).filter { $0.severity == .error }
    }

    static let initCount: JSONValue = ["type": "InitializeVariable", "inputs": ["variables": [["name": "Count", "type": "Integer", "value": 0]]]]
    static let initText: JSONValue = ["type": "InitializeVariable", "inputs": ["variables": [["name": "Log", "type": "String", "value": ""]]]]
    static let initList: JSONValue = ["type": "InitializeVariable", "inputs": ["variables": [["name": "List", "type": "Array", "value": []]]]]

    @Test func aFlowUsingEveryNewActionIsClean() throws {
        let found = try errors([
            "Init_count": Self.initCount,
            "Init_log": ["type": "InitializeVariable", "inputs": ["variables": [["name": "Log", "type": "String", "value": ""]]], "runAfter": ["Init_count": ["Succeeded"]]],
            "Parse_JSON": ["type": "ParseJson", "inputs": ["content": "@triggerBody()", "schema": ["type": "object", "properties": ["rows": ["type": "array", "items": ["type": "object"]]]]],
                           "runAfter": ["Init_log": ["Succeeded"]]],
            "Filter_array": ["type": "Query", "inputs": ["from": "@body('Parse_JSON')?['rows']", "where": "@greater(item()?['n'], 1)"], "runAfter": ["Parse_JSON": ["Succeeded"]]],
            "Select": ["type": "Select", "inputs": ["from": "@body('Filter_array')", "select": ["n": "@item()?['n']"]], "runAfter": ["Filter_array": ["Succeeded"]]],
            "Join": ["type": "Join", "inputs": ["from": "@body('Select')", "joinWith": ","], "runAfter": ["Select": ["Succeeded"]]],
            "Create_HTML_table": ["type": "Table", "inputs": ["format": "HTML", "from": "@body('Select')", "columns": [["header": "N", "value": "@item()?['n']"]]], "runAfter": ["Join": ["Succeeded"]]],
            "Increment_variable": ["type": "IncrementVariable", "inputs": ["name": "Count", "value": 1], "runAfter": ["Create_HTML_table": ["Succeeded"]]],
            "Decrement_variable": ["type": "DecrementVariable", "inputs": ["name": "Count"], "runAfter": ["Increment_variable": ["Succeeded"]]],
            "Append_to_string_variable": ["type": "AppendToStringVariable", "inputs": ["name": "Log", "value": "@body('Join')"], "runAfter": ["Decrement_variable": ["Succeeded"]]],
            "Convert_time_zone": ["type": "Expression", "kind": "ConvertTimeZone", "inputs": ["baseTime": "@utcNow()", "sourceTimeZone": "UTC", "destinationTimeZone": "Pacific Standard Time", "formatString": "g"],
                                  "runAfter": ["Append_to_string_variable": ["Succeeded"]]],
            "Current_time": ["type": "Expression", "kind": "CurrentTime", "inputs": [:], "runAfter": ["Convert_time_zone": ["Succeeded"]]],
        ])
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func parseJsonSchemaAndLiteralContentAreChecked() throws {
        let badType = try errors(["P": ["type": "ParseJson", "inputs": ["content": "@triggerBody()", "schema": ["type": "obj"]]]])
        #expect(badType.contains { $0.path == "$.definition.actions.P.inputs.schema" && $0.message.contains("schema.type 'obj' is not a JSON schema type") })
        let badProperties = try errors(["P": ["type": "ParseJson", "inputs": ["content": "@triggerBody()", "schema": ["type": "object", "properties": [1, 2]]]]])
        #expect(badProperties.contains { $0.message.contains("schema.properties must be an object") })
        let mismatch = try errors(["P": ["type": "ParseJson", "inputs": ["content": ["n": "x"], "schema": ["type": "object", "properties": ["n": ["type": "integer"]]]]]])
        #expect(mismatch.contains { $0.field == "content" && $0.message.contains("Expected Integer but got String. Path 'n'.") })
        let missing = try errors(["P": ["type": "ParseJson", "inputs": ["content": "@triggerBody()"]]])
        #expect(missing.contains { $0.field == "schema" && $0.message.contains("Schema is required") })
    }

    @Test func selectQueryAndTableShapes() throws {
        #expect(try errors(["S": ["type": "Select", "inputs": ["from": [1], "select": [:]]]]).contains { $0.field == "select" })
        #expect(try errors(["S": ["type": "Select", "inputs": ["from": ["a": 1], "select": "@item()"]]]).contains { $0.field == "from" && $0.message.contains("must be an array") })
        #expect(try errors(["Q": ["type": "Query", "inputs": ["from": [1], "where": "item() > 2"]]]).contains { $0.field == "where" })
        #expect(try errors(["Q": ["type": "Query", "inputs": ["from": [1], "where": "@greater(item(), 0)"]]]).isEmpty)
        #expect(try errors(["T": ["type": "Table", "inputs": ["from": [1], "format": "CSV", "columns": [["header": "n"]]]]]).contains { $0.message.contains("column 1 needs both a header and a value") })
        #expect(try errors(["T": ["type": "Table", "inputs": ["from": [1], "format": "XML"]]]).contains { $0.field == "format" && $0.message.contains("CSV, HTML") })
        #expect(try errors(["J": ["type": "Join", "inputs": ["from": [1]]]]).contains { $0.field == "joinWith" && $0.message.contains("required") })
    }

    @Test func variableActionsNeedAFittingVariable() throws {
        let onText = try errors(["Init": Self.initText, "Inc": ["type": "IncrementVariable", "inputs": ["name": "Log", "value": 1], "runAfter": ["Init": ["Succeeded"]]]])
        #expect(onText.contains { $0.step == "Inc" && $0.message.contains("Increment variable needs an Integer or Float variable") })
        let onArray = try errors(["Init": Self.initList, "App": ["type": "AppendToStringVariable", "inputs": ["name": "List", "value": "x"], "runAfter": ["Init": ["Succeeded"]]]])
        #expect(onArray.contains { $0.step == "App" && $0.message.contains("Append to string variable needs a String variable") })
        let unknown = try errors(["Dec": ["type": "DecrementVariable", "inputs": ["name": "Ghost"]]])
        #expect(unknown.contains { $0.message.contains("the variable 'Ghost' is not initialized") })
        let badValue = try errors(["Init": Self.initCount, "Inc": ["type": "IncrementVariable", "inputs": ["name": "Count", "value": "many"], "runAfter": ["Init": ["Succeeded"]]]])
        #expect(badValue.contains { $0.field == "value" && $0.message.contains("must be a number") })
    }

    @Test func dateTimeActionsNeedTheirKindsInputs() throws {
        let missing = try errors(["A": ["type": "Expression", "kind": "AddToTime", "inputs": ["interval": 1, "timeUnit": "Day"]]])
        #expect(missing.contains { $0.path == "$.definition.actions.A.inputs.baseTime" && $0.message.contains("Base time is required for \"Add to time\"") })
        let unknownKind = try errors(["A": ["type": "Expression", "kind": "TextPosition", "inputs": [:]]])
        #expect(unknownKind.contains { $0.field == "kind" && $0.message.contains("must be one of AddToTime") })
        let badUnit = try errors(["A": ["type": "Expression", "kind": "GetPastTime", "inputs": ["interval": 1, "timeUnit": "Fortnight"]]])
        #expect(badUnit.contains { $0.field == "timeUnit" })
        #expect(try errors(["A": ["type": "Expression", "kind": "getfuturetime", "inputs": ["interval": 1, "timeUnit": "Day"]]]).isEmpty)
    }

    @Test func catalogListsTheNewTypesUnderData() {
        for type in StepType.dataOperations {
            #expect(type.isKnown)
            #expect(StepType(caseInsensitive: type.rawValue.lowercased()) == type)
            #expect(Catalog.step(type)?.group == .data, "\(type)")
        }
        #expect(Catalog.step(.query)?.displayName == "Filter array")
        #expect(Catalog.step(.parseJson)?.parameters.map(\.key) == ["content", "schema"])
    }

    @Test func canvasLinesSummariseTheInputs() throws {
        let parsed = try flow([
            "P": ["type": "ParseJson", "inputs": ["content": "@triggerBody()", "schema": ["type": "object", "properties": ["id": ["type": "string"], "total": ["type": "number"]]]]],
            "Q": ["type": "Query", "inputs": ["from": "@body('P')", "where": "@equals(item(), 1)"], "runAfter": ["P": ["Succeeded"]]],
            "C": ["type": "Expression", "kind": "ConvertTimeZone", "inputs": ["baseTime": "@utcNow()", "sourceTimeZone": "UTC", "destinationTimeZone": "Tokyo Standard Time"]],
            "I": ["type": "IncrementVariable", "inputs": ["name": "Count"]],
        ])
        #expect(StepSummary.oneLine(try #require(parsed.definition.actions["P"])) == "parse @triggerBody() → id, total")
        #expect(StepSummary.oneLine(try #require(parsed.definition.actions["Q"])) == "from @body('P') where @equals(item(), 1)")
        #expect(StepSummary.oneLine(try #require(parsed.definition.actions["C"])) == "Convert time zone: @utcNow() from UTC to Tokyo Standard Time")
        #expect(StepSummary.oneLine(try #require(parsed.definition.actions["I"])) == "Count += 1")
    }

    @Test func schemaPropertiesKeepTheirDeclaredKinds() {
        let schema = JSONSchemaSubset(["type": "object", "properties": ["id": ["type": "string"], "n": ["type": "integer"], "tags": ["type": "array"], "x": [:]]])
        #expect(schema.topLevelProperties.map(\.name) == ["id", "n", "tags", "x"])
        #expect(schema.topLevelProperties.map(\.kind) == [.string, .integer, .array, .any])
        #expect(schema.violations(of: ["id": "a", "n": 2.0]).isEmpty, "a whole decimal is an integer")
        #expect(schema.violations(of: ["n": 2.5]) == ["Invalid type. Expected Integer but got Float. Path 'n'."])
    }
}

/// Importing a definition: the data operations and runnable Date Time kinds are supported; other Expression kinds
/// are named as unsupported.
@Suite struct DataOperationImportTests {
    @Test func expressionKindsInsightFlowCannotRunAreReportedOnImport() throws {
        let document = #"""
        {"definition": {"triggers": {"manual": {"type": "Request", "kind": "Button", "inputs": {}}},
         "actions": {
           "Now": {"type": "Expression", "kind": "CurrentTime", "inputs": {}, "runAfter": {}},
           "Find": {"type": "Expression", "kind": "TextPosition", "inputs": {"text": "abc", "searchText": "b"}, "runAfter": {"Now": ["Succeeded"]}},
           "Filter_array": {"type": "Query", "inputs": {"from": [1, 2], "where": "@equals(item(), 1)"}, "runAfter": {"Find": ["Succeeded"]}}
         }}}
        """#
        let imported = try FlowImporter.importDocument(Array(document.utf8), file: "kinds.json", fallbackName: "Kinds")
        #expect(imported.unsupported.map(\.step) == ["Find"])
        #expect(imported.unsupported.first?.message == "Expression action kind 'TextPosition' is not supported yet")
        #expect(imported.flow.definition.actions["Filter_array"]?.type == .query)
    }
}
