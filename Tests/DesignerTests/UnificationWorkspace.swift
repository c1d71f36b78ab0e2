import Designer
import Foundation
import Insights
import TerminalUI

/// A real Insights workspace on a temporary folder for the Data > Unification journeys: two person sources
/// ("CRM contacts", "web shop") with a per-source deduplication rule, a fuzzy name rule blocked on the postcode with
/// a birth-date exception, refreshed once. Expected: 7 records → 4 profiles; the deduplication rule joins CRM 1 and
/// 2 (1 pair); the name rule finds 3 pairs, joins 6 records with 2 merges and vetoes 1 (CRM 3 / w2: other birth dates).
@MainActor
final class UnificationWorkspace {
    let folder: URL
    let workspace: Workspace

    private init(folder: URL, workspace: Workspace) {
        self.folder = folder
        self.workspace = workspace
    }

    static let definition = """
        {"name": "People", "measures": [], "segments": [],
         "sources": [
           {"name": "CRM contacts", "kind": "csv", "path": "data/crm.csv", "feeds": "customers", "keyColumn": "id",
            "columns": [{"name": "id", "type": "string"}, {"name": "given", "type": "string"}, {"name": "surname", "type": "string"},
                        {"name": "postcode", "type": "string"}, {"name": "dob", "type": "string"}],
            "mapping": {"given": "given", "surname": "surname", "postcode": "postcode", "dob": "dob"}},
           {"name": "web shop", "kind": "csv", "path": "data/shop.csv", "feeds": "customers", "keyColumn": "id",
            "columns": [{"name": "id", "type": "string"}, {"name": "given", "type": "string"}, {"name": "surname", "type": "string"},
                        {"name": "postcode", "type": "string"}, {"name": "dob", "type": "string"}],
            "mapping": {"given": "given", "surname": "surname", "postcode": "postcode", "dob": "dob"}}
         ],
         "unification": {
           "fields": [{"name": "given", "type": "string"}, {"name": "surname", "type": "string"},
                      {"name": "postcode", "type": "string"}, {"name": "dob", "type": "string"}],
           "deduplication": [{"source": "CRM contacts", "rules": [
             {"name": "crm dob+surname", "conditions": [{"field": "dob"}, {"field": "surname", "precision": "high"}]}]}],
           "matchRules": [
             {"name": "Name and postcode", "scope": "acrossSources", "exceptions": ["dob"], "conditions": [
               {"field": "postcode"},
               {"field": "given", "precision": "medium", "normalize": ["lowerCase", "name"], "swapWith": "surname"},
               {"field": "surname", "precision": "medium", "normalize": ["lowerCase", "name"], "swapWith": "given"}]}],
           "merge": "precedence", "precedence": ["CRM contacts", "web shop"]}}
        """

    static let crm = """
        id,given,surname,postcode,dob
        1,Jacqueline,Smith,2000,1980-01-01
        2,Jacqueline,Smithe,2100,1980-01-01
        3,Anna,Berg,4000,1990-05-05
        4,Tom,Jones,3000,1970-03-03

        """

    static let shop = """
        id,given,surname,postcode,dob
        w1,Jaclyne,Smith,2000,1980-01-01
        w2,Anna,Berg,4000,1985-12-12
        w3,Jones,Tom,3000,

        """

    /// Writes, loads and refreshes the workspace (`sample`: the home's sample workspace instead).
    static func open(sample: Bool = false) async throws -> UnificationWorkspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-unify-\(UUID().uuidString)")
        let workspaceFolder = folder.appendingPathComponent("workspace")
        if sample {
            try SampleWorkspace.write(to: workspaceFolder, now: Date(timeIntervalSince1970: 1_790_000_000))
        } else {
            try FileManager.default.createDirectory(at: workspaceFolder.appendingPathComponent("data"), withIntermediateDirectories: true)
            try Data(definition.utf8).write(to: workspaceFolder.appendingPathComponent("workspace.json"))
            try Data(crm.utf8).write(to: workspaceFolder.appendingPathComponent("data/crm.csv"))
            try Data(shop.utf8).write(to: workspaceFolder.appendingPathComponent("data/shop.csv"))
        }
        let workspace = try Workspace.load(folder: workspaceFolder)
        try await workspace.refreshAll()
        return UnificationWorkspace(folder: folder, workspace: workspace)
    }

    /// The designer over in-memory services whose Unification services read this workspace.
    func session(_ size: Size = Size(width: 80, height: 24)) -> DesignerSession {
        let services = InMemoryDesignerServices()
        services.unificationServices = WorkspaceUnification(workspace: workspace)
        return DesignerSession(services: services, size: size, theme: .plain)
    }

    func close() { try? FileManager.default.removeItem(at: folder) }
}

extension DesignerSession {
    /// Home > Data > Unification (u).
    func openUnification() { send([.enter, .character("u")]) }

    /// w, the references typed, Enter (Explain).
    func why(_ references: String) {
        send([.character("w"), .ctrl("u")])
        type(references)
        send([.enter])
    }

    /// The screen as one line with runs of spaces (and the breaks of wrapped lines) as one space.
    var flat: String { screen.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// The screen's lines.
    var lines: [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The words of the first line containing `text`.
    func words(ofLineWith text: String) -> [String] {
        (lines.first { $0.contains(text) } ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
