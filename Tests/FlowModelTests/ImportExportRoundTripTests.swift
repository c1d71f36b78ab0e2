import FlowExpressions
import Foundation
import Testing
@testable import FlowModel

/// Import → export gives back the definition (a JSON comparison finds no difference but the envelope), and
/// import → export → import gives the same flow, on every fixture in Fixtures/ImportExport (written in the shape of
/// real Power Automate and Logic Apps exports).
@Suite struct ImportExportRoundTripTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ImportExport")

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func load(_ name: String) throws -> (bytes: [UInt8], document: JSONValue) {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        return (bytes, try JSONValue.parse(bytes: bytes))
    }

    /// The export format of a document's own shape.
    static func format(of document: JSONValue) -> FlowExportFormat {
        document["properties"] != nil ? .powerautomate : .logicapp
    }

    static func definition(of document: JSONValue) -> JSONValue? {
        document.value(atPath: "properties.definition") ?? document["definition"]
    }

    @Test func thereAreFixtures() {
        #expect(Self.fixtureNames.count >= 3)
    }

    @Test(arguments: fixtureNames)
    func exportGivesBackTheOriginalDefinition(name: String) throws {
        let (bytes, document) = try Self.load(name)
        let imported = try FlowImporter.importDocument(bytes, file: name, fallbackName: name)
        let exported = FlowExporter.document(imported.flow, format: Self.format(of: document))
        let differences = JSONDifferences.between(try #require(Self.definition(of: document)), try #require(Self.definition(of: exported)))
        #expect(differences.isEmpty, "\(name): \(differences.joined(separator: "; "))")
        // The envelope members that carry meaning survive too.
        let envelope = document["properties"] ?? document
        let exportedEnvelope = exported["properties"] ?? exported
        for key in ["kind", "connectionReferences", "parameters"] where envelope[key] != nil {
            let keyDifferences = JSONDifferences.between(envelope[key] ?? .null, exportedEnvelope[key] ?? .null, path: "$." + key)
            #expect(keyDifferences.isEmpty, "\(name): \(keyDifferences.joined(separator: "; "))")
        }
    }

    @Test(arguments: fixtureNames)
    func importExportImportIsLossless(name: String) throws {
        let (bytes, document) = try Self.load(name)
        let first = try FlowImporter.importDocument(bytes, file: name, fallbackName: "Fixture")
        let exported = FlowExporter.bytes(first.flow, format: Self.format(of: document))
        let second = try FlowImporter.importDocument(exported, file: "exported-" + name, fallbackName: "Fixture")
        #expect(second.flow.definition == first.flow.definition)
        #expect(second.flow.extra == first.flow.extra)
        #expect(second.unsupported.map(\.path) == first.unsupported.map(\.path))
        // And through the InsightFlow file format as stored in the flows folder.
        let stored = try FlowCodec.decode(FlowCodec.encode(first.flow))
        #expect(stored == first.flow)
    }

    @Test func actionsAreReadInRunAfterOrderWhateverTheirKeyOrder() throws {
        let (bytes, _) = try Self.load("logicapp-standard-request-child.json")
        let flow = try FlowImporter.importDocument(bytes, file: "f", fallbackName: "f").flow
        // The file lists Response first and Normalize last; the runAfter graph puts Normalize first.
        #expect(Array(flow.definition.actions.keys) == ["Response", "Archive_request", "Score_customer", "Normalize"])
        // The checker finds nothing wrong with the order (the canvas and the executor follow runAfter: RunAfterLayout,
        // ScopeGraph, and the conformance table's reversed-key runs); only the Azure Blob action is unsupported.
        let errors = FlowChecker.check(flow).filter { $0.severity == .error }
        #expect(errors.map(\.path) == ["$.definition.actions.Archive_request.type"])
    }

    @Test func teamsOperationsThatAreNotPostsStayUnsupported() throws {
        let (bytes, _) = try Self.load("powerautomate-solution-teams-outlook.json")
        let imported = try FlowImporter.importDocument(bytes, file: "pa.json", fallbackName: "pa")
        let actions = imported.flow.definition.actions
        #expect(actions["Post_message_in_a_chat_or_channel"]?.type == .teamsPostMessage)
        #expect(actions["Post_message_in_a_chat_or_channel"]?.inputs?["text"] == "<p>@{outputs('Digest_text')}</p>")
        #expect(actions["Send_an_email_(V2)"]?.type == .sendEmail)
        #expect(actions["Get_replies"]?.type.rawValue == "OpenApiConnection")
        let issue = try #require(imported.unsupported.first)
        #expect(imported.unsupported.count == 1)
        #expect(issue.path == "$.properties.definition.actions.Get_replies")
        #expect(issue.message.contains("'teams' operation 'GetMessagesFromChannel' is not supported here"))
        #expect(imported.flow.extra["connectionReferences"]?.value(atPath: "shared_teams.api.name") == "shared_teams")
        // The checker names it by JSON path too, and the canvas line says what it is.
        #expect(FlowChecker.check(imported.flow).contains { $0.path == "$.definition.actions.Get_replies.type" && $0.severity == .error })
        #expect(StepSummary.oneLine(try #require(actions["Get_replies"])) == "not supported here: OpenApiConnection shared_teams GetMessagesFromChannel (kept as imported)")
    }

    @Test func anEditedTranslatedInputIsWrittenBackUnderItsConnectorParameter() throws {
        let (bytes, _) = try Self.load("powerautomate-solution-teams-outlook.json")
        var flow = try FlowImporter.importDocument(bytes, file: "pa.json", fallbackName: "pa").flow
        let postInputs = flow.definition.actions["Post_message_in_a_chat_or_channel"]?.inputs
        flow.definition.actions["Post_message_in_a_chat_or_channel"]?.inputs = postInputs?.setting("Changed here", atPath: "text").setting("A title", atPath: "title")
        let mailInputs = flow.definition.actions["Send_an_email_(V2)"]?.inputs
        flow.definition.actions["Send_an_email_(V2)"]?.inputs = mailInputs?.setting(nil, atPath: "importance")
        let exported = FlowExporter.document(flow, format: .powerautomate)
        let post = try #require(exported.value(atPath: "properties.definition.actions.Post_message_in_a_chat_or_channel.inputs.parameters"))
        #expect(post["body/messageBody"] == "Changed here")
        #expect(post["body/subject"] == "A title")
        #expect(post["poster"] == "Flow bot")
        #expect(post["body/recipient/channelId"] == "19:4f1b8e2a0c6d4e9fb1a3c5d7e9f0a2b4@thread.tacv2")
        let mail = try #require(exported.value(atPath: "properties.definition.actions.Send_an_email_(V2).inputs.parameters"))
        #expect(mail["emailMessage/Importance"] == nil)
        #expect(mail["emailMessage/To"] == "data-owners@contoso.example")
    }

    @Test func logicAppExportCarriesTheKindAndADefaultForFlowsBuiltHere() throws {
        let (bytes, _) = try Self.load("logicapp-standard-request-child.json")
        let flow = try FlowImporter.importDocument(bytes, file: "f", fallbackName: "f").flow
        #expect(FlowExporter.document(flow, format: .logicapp)["kind"] == "Stateful")
        let built = Flow(id: "b", displayName: "Built here", trigger: Trigger(kind: .httpRequest))
        let document = FlowExporter.document(built, format: .logicapp)
        #expect(document["kind"] == "Stateful")
        #expect(document.value(atPath: "definition.triggers.manual.kind") == "Http")
        #expect(document.value(atPath: "definition.triggers.manual.type") == "Request")
        let automate = FlowExporter.document(built, format: .powerautomate)
        #expect(automate.value(atPath: "properties.connectionReferences") == .object([:]))
        #expect(automate.value(atPath: "properties.displayName") == "Built here")
    }
}

/// The differences between two JSON values, ignoring the order of object members and 1 versus 1.0.
enum JSONDifferences {
    static func between(_ a: JSONValue, _ b: JSONValue, path: String = "$") -> [String] {
        switch (a, b) {
        case (.object(let left), .object(let right)):
            var result: [String] = []
            for key in Set(left.keys).union(right.keys).sorted() {
                switch (left[key], right[key]) {
                case (let l?, let r?): result += between(l, r, path: path + "." + key)
                case (_?, nil): result.append("\(path).\(key) lost")
                case (nil, _?): result.append("\(path).\(key) added")
                default: break
                }
            }
            return result
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return ["\(path): \(left.count) items became \(right.count)"] }
            return zip(left, right).enumerated().flatMap { between($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            if let l = a.doubleValue, let r = b.doubleValue { return l == r ? [] : ["\(path): \(a.jsonText()) became \(b.jsonText())"] }
            return a == b ? [] : ["\(path): \(a.jsonText()) became \(b.jsonText())"]
        }
    }
}
