import FlowExpressions
import FlowModel
import Foundation
import OrderedCollections
import Testing
@testable import FlowRunner

/// One row: a definition's actions, the step to look at, and its expected status with either its output body
/// (JSON text) or a piece of its error message. Sources are in docs/actions.md.
struct DataOperationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let actions: JSONValue
    let step: String
    var status: StepStatus = .succeeded
    /// The expected `body` of the step's outputs (JSON text), when it succeeds.
    var body: String? = nil
    /// A piece of the step's error message, when it fails.
    var error: String? = nil

    var testDescription: String { name }
}

/// Compose steps that declare variables for the variable rows.
enum VarDef {
    static func initialize(_ name: String, _ type: String, _ value: JSONValue) -> JSONValue {
        Def.action("InitializeVariable", inputs: ["variables": [["name": .string(name), "type": .string(type), "value": value]]])
    }
}

/// The data operation and Date Time action table.
enum DataOperationTable {
    static let member: JSONValue = ["Member": ["Email": "Sophie.Owen@contoso.com", "FirstName": "Sophie", "LastName": "Owen"]]
    static let memberSchema: JSONValue = ["type": "object", "properties": ["Member": ["type": "object", "properties": [
        "Email": ["type": "string"], "FirstName": ["type": "string"], "LastName": ["type": "string"]], "required": ["Email"]]]]
    static let products: JSONValue = [["ID": 0, "Product_Name": "Apples"], ["ID": 1, "Product_Name": "Oranges"]]

    static let all: [DataOperationCase] = parseJson + selectAndQuery + joinAndTable + variables + dateTime + [chained]

    /// A realistic chain: segment counts parsed from text, filtered, reshaped and written as an HTML table.
    static let chained = DataOperationCase(name: "Parse, filter, select and tabulate segment counts", actions: [
        "Parse_JSON": Def.action("ParseJson", inputs: [
            "content": #"{"segments": [{"name": "VIP", "count": 120}, {"name": "Churn risk", "count": 40}, {"name": "New <30d", "count": 310}]}"#,
            "schema": ["type": "object", "required": ["segments"], "properties": ["segments": ["type": "array", "items": [
                "type": "object", "required": ["name", "count"], "properties": ["name": ["type": "string"], "count": ["type": "integer"]]]]]],
        ]),
        "Filter_array": Def.action("Query", inputs: ["from": "@body('Parse_JSON')?['segments']", "where": "@greater(item()?['count'], 100)"],
                                   after: ["Parse_JSON": ["Succeeded"]]),
        "Select": Def.action("Select", inputs: ["from": "@body('Filter_array')", "select": ["Segment": "@item()?['name']", "Members": "@formatNumber(item()?['count'], 'N0')"]],
                             after: ["Filter_array": ["Succeeded"]]),
        "Create_HTML_table": Def.action("Table", inputs: ["format": "HTML", "from": "@body('Select')"], after: ["Select": ["Succeeded"]]),
    ], step: "Create_HTML_table",
    body: #""<table><thead><tr><th>Segment</th><th>Members</th></tr></thead><tbody><tr><td>VIP</td><td>120</td></tr><tr><td>New &lt;30d</td><td>310</td></tr></tbody></table>""#)

    static let parseJson: [DataOperationCase] = [
        DataOperationCase(name: "Parse JSON: the reference's Member example", actions: [
            "Parse_JSON": Def.action("ParseJson", inputs: ["content": member, "schema": memberSchema]),
            "First": Def.compose("@body('Parse_JSON')?['Member']?['FirstName']", after: ["Parse_JSON": ["Succeeded"]]),
        ], step: "First", body: #""Sophie""#),
        DataOperationCase(name: "Parse JSON: text content is parsed", actions: [
            "Parse_JSON": Def.action("ParseJson", inputs: ["content": #"{"count": 3, "tags": ["a"]}"#, "schema": ["type": "object", "properties": ["count": ["type": "integer"], "tags": ["type": "array", "items": ["type": "string"]]]]]),
        ], step: "Parse_JSON", body: #"{"count": 3, "tags": ["a"]}"#),
        DataOperationCase(name: "Parse JSON: a wrong type fails validation with its path", actions: [
            "Parse_JSON": Def.action("ParseJson", inputs: ["content": ["Member": ["Email": 42]], "schema": memberSchema]),
        ], step: "Parse_JSON", status: .failed, error: "Invalid type. Expected String but got Integer. Path 'Member.Email'."),
        DataOperationCase(name: "Parse JSON: a missing required property fails validation", actions: [
            "Parse_JSON": Def.action("ParseJson", inputs: ["content": ["Member": ["FirstName": "Sophie"]], "schema": memberSchema]),
        ], step: "Parse_JSON", status: .failed, error: "Required properties are missing from object: Email. Path 'Member'."),
        DataOperationCase(name: "Parse JSON: array items are validated", actions: [
            "Parse_JSON": Def.action("ParseJson", inputs: ["content": "[1, 2, \"x\"]", "schema": ["type": "array", "items": ["type": "integer"]]]),
        ], step: "Parse_JSON", status: .failed, error: "Expected Integer but got String. Path '[2]'."),
        DataOperationCase(name: "Parse JSON: text that is not JSON fails", actions: [
            "Parse_JSON": Def.action("ParseJson", inputs: ["content": "{not json", "schema": ["type": "object"]]),
        ], step: "Parse_JSON", status: .failed, error: "The content is not valid JSON"),
    ]

    static let selectAndQuery: [DataOperationCase] = [
        DataOperationCase(name: "Select: the reference's integer array to objects", actions: [
            "Select": Def.action("Select", inputs: ["from": [1, 2, 3], "select": ["number": "@item()"]]),
        ], step: "Select", body: #"[{"number": 1}, {"number": 2}, {"number": 3}]"#),
        DataOperationCase(name: "Select: a three-field map with an expression", actions: [
            "Select": Def.action("Select", inputs: ["from": [["first": "Eugenia", "last": "Washington"], ["first": "Henry", "last": "Jensen"]],
                                                    "select": ["FirstName": "@item()?['first']", "FamilyName": "@item()?['last']", "FullName": "@{item()?['first']} @{item()?['last']}"]]),
        ], step: "Select", body: #"[{"FirstName": "Eugenia", "FamilyName": "Washington", "FullName": "Eugenia Washington"}, {"FirstName": "Henry", "FamilyName": "Jensen", "FullName": "Henry Jensen"}]"#),
        DataOperationCase(name: "Select: text mode maps to plain values", actions: [
            "Select": Def.action("Select", inputs: ["from": [["Email": "a@x.com"], ["Email": "b@x.com"]], "select": "@item()?['Email']"]),
        ], step: "Select", body: #"["a@x.com", "b@x.com"]"#),
        DataOperationCase(name: "Select: a key computed from an expression", actions: [
            "Select": Def.action("Select", inputs: ["from": [["k": "a", "v": 1]], "select": ["@{item()?['k']}": "@item()?['v']"]]),
        ], step: "Select", body: #"[{"a": 1}]"#),
        DataOperationCase(name: "Select: an empty source makes an empty array", actions: [
            "Select": Def.action("Select", inputs: ["from": [], "select": ["n": "@item()"]]),
        ], step: "Select", body: "[]"),
        DataOperationCase(name: "Select: from must be an array", actions: [
            "Select": Def.action("Select", inputs: ["from": ["a": 1], "select": ["n": "@item()"]]),
        ], step: "Select", status: .failed, error: "The 'from' property value in the 'select' action inputs is of type 'Object'. The value must be an array."),
        DataOperationCase(name: "Select inside a loop: item() is the element, items('Loop') the loop's item", actions: [
            "Loop": Def.foreach("@createArray('x', 'y')", [
                "Select": Def.action("Select", inputs: ["from": [1, 2], "select": "@concat(items('Loop'), item())"]),
                "Collect": Def.action("AppendToArrayVariable", inputs: ["name": "all", "value": "@body('Select')"], after: ["Select": ["Succeeded"]]),
            ], after: ["Init": ["Succeeded"]]),
            "Init": VarDef.initialize("all", "Array", []),
            "Out": Def.compose("@variables('all')", after: ["Loop": ["Succeeded"]]),
        ], step: "Out", body: #"[["x1", "x2"], ["y1", "y2"]]"#),
        DataOperationCase(name: "Filter array: the reference's greater-than-two example", actions: [
            "Filter_array": Def.action("Query", inputs: ["from": [1, 3, 0, 5, 4, 2], "where": "@greater(item(), 2)"]),
        ], step: "Filter_array", body: "[3, 5, 4]"),
        DataOperationCase(name: "Filter array: no match gives an empty array", actions: [
            "Filter_array": Def.action("Query", inputs: ["from": [1, 2], "where": "@greater(item(), 5)"]),
        ], step: "Filter_array", body: "[]"),
        DataOperationCase(name: "Filter array: objects by a property, as the quick reference's Eugenia example", actions: [
            "Filter_array": Def.action("Query", inputs: ["from": [["first": "Eugenia", "last": "Washington"], ["first": "Henry", "last": "Jensen"]], "where": "@equals(item()?['first'], 'Eugenia')"]),
        ], step: "Filter_array", body: #"[{"first": "Eugenia", "last": "Washington"}]"#),
        DataOperationCase(name: "Filter array: a condition that is not a boolean fails", actions: [
            "Filter_array": Def.action("Query", inputs: ["from": [1], "where": "@item()"]),
        ], step: "Filter_array", status: .failed, error: "it must give true or false"),
        DataOperationCase(name: "Filter array: from null fails as the reference does", actions: [
            "Filter_array": Def.action("Query", inputs: ["from": "@triggerBody()?['missing']", "where": "@true"]),
        ], step: "Filter_array", status: .failed, error: "The 'from' property value in the 'query' action inputs is of type 'Null'."),
    ]

    static let joinAndTable: [DataOperationCase] = [
        DataOperationCase(name: "Join: the reference's integer array", actions: [
            "Init": VarDef.initialize("myIntegerArray", "Array", [1, 2, 3, 4]),
            "Join": Def.action("Join", inputs: ["from": "@variables('myIntegerArray')", "joinWith": ","], after: ["Init": ["Succeeded"]]),
        ], step: "Join", body: #""1,2,3,4""#),
        DataOperationCase(name: "Join: strings with a semicolon", actions: [
            "Join": Def.action("Join", inputs: ["from": ["d@example.com", "k@example.com", "dal@example.com"], "joinWith": ";"]),
        ], step: "Join", body: #""d@example.com;k@example.com;dal@example.com""#),
        DataOperationCase(name: "Create CSV table: the reference's example 1", actions: [
            "Create_CSV_table": Def.action("Table", inputs: ["format": "CSV", "from": products]),
        ], step: "Create_CSV_table", body: #""ID,Product_Name\n0,Apples\n1,Oranges\n""#),
        DataOperationCase(name: "Create HTML table: the reference's example 2", actions: [
            "Create_HTML_table": Def.action("Table", inputs: ["format": "HTML", "from": products]),
        ], step: "Create_HTML_table",
        body: #""<table><thead><tr><th>ID</th><th>Product_Name</th></tr></thead><tbody><tr><td>0</td><td>Apples</td></tr><tr><td>1</td><td>Oranges</td></tr></tbody></table>""#),
        DataOperationCase(name: "Create HTML table: the reference's example 3 with custom columns", actions: [
            "Create_HTML_table": Def.action("Table", inputs: ["format": "HTML", "from": products, "columns": [
                ["header": "Stock_ID", "value": "@item().ID"], ["header": "Description", "value": "@concat('Organic ', item().Product_Name)"]]]),
        ], step: "Create_HTML_table",
        body: #""<table><thead><tr><th>Stock_ID</th><th>Description</th></tr></thead><tbody><tr><td>0</td><td>Organic Apples</td></tr><tr><td>1</td><td>Organic Oranges</td></tr></tbody></table>""#),
        DataOperationCase(name: "Create CSV table: fields with commas, quotes and line breaks are quoted", actions: [
            "Table": Def.action("Table", inputs: ["format": "CSV", "from": [["a": "x,y", "b": "say \"hi\"", "c": "two\nlines", "d": true, "e": nil]]]),
        ], step: "Table", body: #""a,b,c,d,e\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",True,\n""#),
        DataOperationCase(name: "Create HTML table: text is escaped", actions: [
            "Table": Def.action("Table", inputs: ["format": "HTML", "from": [["<h>": "<b>&'\""]]]),
        ], step: "Table", body: #""<table><thead><tr><th>&lt;h&gt;</th></tr></thead><tbody><tr><td>&lt;b&gt;&amp;&#39;&quot;</td></tr></tbody></table>""#),
        DataOperationCase(name: "Create CSV table: later rows use the first item's columns", actions: [
            "Table": Def.action("Table", inputs: ["format": "CSV", "from": [["a": 1, "b": 2], ["b": 3, "c": 4]]]),
        ], step: "Table", body: #""a,b\n1,2\n,3\n""#),
        DataOperationCase(name: "Create CSV table: automatic columns need objects", actions: [
            "Table": Def.action("Table", inputs: ["format": "CSV", "from": [1, 2]]),
        ], step: "Table", status: .failed, error: "Automatic columns need an array of objects"),
        DataOperationCase(name: "Create CSV table: custom columns over plain values", actions: [
            "Table": Def.action("Table", inputs: ["format": "CSV", "from": [1, 2], "columns": [["header": "n", "value": "@item()"], ["header": "double", "value": "@mul(item(), 2)"]]]),
        ], step: "Table", body: #""n,double\n1,2\n2,4\n""#),
    ]

    static let variables: [DataOperationCase] = [
        DataOperationCase(name: "Increment variable: by the given value", actions: [
            "Init": VarDef.initialize("Count", "Integer", 0),
            "Increment_variable": Def.action("IncrementVariable", inputs: ["name": "Count", "value": 1], after: ["Init": ["Succeeded"]]),
            "Out": Def.compose("@variables('Count')", after: ["Increment_variable": ["Succeeded"]]),
        ], step: "Out", body: "1"),
        DataOperationCase(name: "Decrement variable: by 1 when no value is given", actions: [
            "Init": VarDef.initialize("Count", "Integer", 10),
            "Decrement_variable": Def.action("DecrementVariable", inputs: ["name": "Count"], after: ["Init": ["Succeeded"]]),
            "Out": Def.compose("@variables('Count')", after: ["Decrement_variable": ["Succeeded"]]),
        ], step: "Out", body: "9"),
        DataOperationCase(name: "Increment variable: a Float variable by a decimal", actions: [
            "Init": VarDef.initialize("Total", "Float", 1.5),
            "Inc": Def.action("IncrementVariable", inputs: ["name": "Total", "value": 0.25], after: ["Init": ["Succeeded"]]),
            "Out": Def.compose("@variables('Total')", after: ["Inc": ["Succeeded"]]),
        ], step: "Out", body: "1.75"),
        DataOperationCase(name: "Increment variable: a String variable fails", actions: [
            "Init": VarDef.initialize("Name", "String", "a"),
            "Inc": Def.action("IncrementVariable", inputs: ["name": "Name", "value": 1], after: ["Init": ["Succeeded"]]),
        ], step: "Inc", status: .failed, error: "The variable 'Name' of type 'String' cannot be incremented"),
        DataOperationCase(name: "Increment variable: an Integer variable by a decimal fails", actions: [
            "Init": VarDef.initialize("Count", "Integer", 0),
            "Inc": Def.action("IncrementVariable", inputs: ["name": "Count", "value": 1.5], after: ["Init": ["Succeeded"]]),
        ], step: "Inc", status: .failed, error: "cannot be incremented by a decimal (1.5)"),
        DataOperationCase(name: "Increment variable: in a parallel loop every increment counts", actions: [
            "Init": VarDef.initialize("Count", "Integer", 0),
            "Loop": Def.foreach("@range(0, 40)", ["Inc": Def.action("IncrementVariable", inputs: ["name": "Count", "value": 1])], concurrency: 20, after: ["Init": ["Succeeded"]]),
            "Out": Def.compose("@variables('Count')", after: ["Loop": ["Succeeded"]]),
        ], step: "Out", body: "40"),
        DataOperationCase(name: "Append to string variable", actions: [
            "Init": VarDef.initialize("Log", "String", "Hello"),
            "Append": Def.action("AppendToStringVariable", inputs: ["name": "Log", "value": " world"], after: ["Init": ["Succeeded"]]),
            "Append_number": Def.action("AppendToStringVariable", inputs: ["name": "Log", "value": 1], after: ["Append": ["Succeeded"]]),
            "Out": Def.compose("@variables('Log')", after: ["Append_number": ["Succeeded"]]),
        ], step: "Out", body: #""Hello world1""#),
        DataOperationCase(name: "Append to string variable: an Array variable fails", actions: [
            "Init": VarDef.initialize("List", "Array", []),
            "Append": Def.action("AppendToStringVariable", inputs: ["name": "List", "value": "x"], after: ["Init": ["Succeeded"]]),
        ], step: "Append", status: .failed, error: "it needs a String variable"),
    ]

    static func dateAction(_ kind: String, _ inputs: JSONValue) -> JSONValue {
        Def.action("Expression", inputs: inputs, extra: ["kind": .string(kind)])
    }

    static let dateTime: [DataOperationCase] = [
        DataOperationCase(name: "Add to time: one day", actions: [
            "Add_to_time": dateAction("AddToTime", ["baseTime": "2018-01-01T00:00:00Z", "interval": 1, "timeUnit": "Day"]),
        ], step: "Add_to_time", body: #""2018-01-02T00:00:00.0000000Z""#),
        DataOperationCase(name: "Subtract from time with a format", actions: [
            "Subtract_from_time": dateAction("SubtractFromTime", ["baseTime": "2018-01-02T00:00:00Z", "interval": "2", "timeUnit": "Hour", "formatString": "yyyy-MM-dd HH:mm"]),
        ], step: "Subtract_from_time", body: #""2018-01-01 22:00""#),
        DataOperationCase(name: "Convert time zone: UTC to Pacific, long date", actions: [
            "Convert_time_zone": dateAction("ConvertTimeZone", ["baseTime": "2018-01-01T08:00:00Z", "sourceTimeZone": "UTC", "destinationTimeZone": "Pacific Standard Time", "formatString": "D"]),
        ], step: "Convert_time_zone", body: #""Monday, January 1, 2018""#),
        DataOperationCase(name: "Convert time zone: the result has no zone suffix", actions: [
            "Convert_time_zone": dateAction("ConvertTimeZone", ["baseTime": "2018-01-01T08:00:00Z", "sourceTimeZone": "UTC", "destinationTimeZone": "W. Europe Standard Time"]),
        ], step: "Convert_time_zone", body: #""2018-01-01T09:00:00.0000000""#),
        DataOperationCase(name: "Current time: an ISO 8601 UTC time", actions: [
            "Current_time": dateAction("CurrentTime", [:]),
            "Check": Def.compose("@and(endsWith(body('Current_time'), 'Z'), less(dateDifference(body('Current_time'), utcNow()), '00:01:00'))", after: ["Current_time": ["Succeeded"]]),
        ], step: "Check", body: "true"),
        DataOperationCase(name: "Get past time: matches getPastTime", actions: [
            "Get_past_time": dateAction("GetPastTime", ["interval": 3, "timeUnit": "Day", "formatString": "yyyy-MM-dd"]),
            "Check": Def.compose("@equals(body('Get_past_time'), getPastTime(3, 'Day', 'yyyy-MM-dd'))", after: ["Get_past_time": ["Succeeded"]]),
        ], step: "Check", body: "true"),
        DataOperationCase(name: "Get future time: a missing unit fails", actions: [
            "Get_future_time": dateAction("GetFutureTime", ["interval": 3]),
        ], step: "Get_future_time", status: .failed, error: "Get future time needs inputs.timeUnit"),
        DataOperationCase(name: "An unknown Expression kind fails", actions: [
            "Odd": dateAction("TextPosition", ["text": "abc"]),
        ], step: "Odd", status: .failed, error: "cannot run Expression actions of kind 'TextPosition'"),
    ]
}

@Suite(.serialized) struct DataOperationTests {
    @Test(arguments: DataOperationTable.all)
    func actionBehavesAsTheReferenceDocuments(_ testCase: DataOperationCase) async throws {
        let conformance = ConformanceCase(name: testCase.name, actions: testCase.actions, run: .succeeded, steps: [:])
        let flow = try Conformance.flow(conformance)
        if testCase.status == .succeeded {
            let errors = FlowChecker.check(flow).filter { $0.severity == .error }
            #expect(errors.isEmpty, "the checker accepts a definition that runs: \(errors.map(\.message))")
        }
        let (_, records) = try await Conformance.execute(flow, body: ["flag": true])
        let record = try #require(records.last { $0.stepName == testCase.step }, "\(testCase.step) has a record")
        #expect(record.status == testCase.status, "\(record.errorMessage ?? "")")
        if let body = testCase.body {
            let expected = try JSONValue.parse(body)
            #expect(record.outputs?["body"] ?? record.outputs == expected, "got \(record.outputs?.jsonText() ?? "nil")")
        }
        if let error = testCase.error {
            #expect(record.errorMessage?.contains(error) == true, "got \(record.errorMessage ?? "no error")")
        }
    }
}
