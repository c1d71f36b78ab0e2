import ArgumentParser
import FlowExpressions
import FlowModel
import Foundation

/// `insightflow flow import FILE`: add a flow from a flow file, a Logic Apps definition or a Power Automate export.
struct FlowImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import a flow file, Logic Apps definition or Power Automate export (as Off).")

    @OptionGroup var home: HomeOptions
    @Argument(help: "The file to import.") var file: String
    @Option(help: "The display name (default: the document's, else the file name).") var name: String?
    @Flag(help: .hidden) var allowUnsupported = false

    func run() throws {
        let bytes = try Self.readFile(file)
        let fallback = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let imported: FlowImport
        do {
            imported = try FlowImporter.importDocument(bytes, file: file, fallbackName: fallback)
        } catch {
            Self.printError("error: \(error)")
            throw ExitCode(1)
        }
        for line in imported.translated { print("translated \(line)") }
        if !imported.unsupported.isEmpty {
            // Unsupported parts are imported as written (kept verbatim for export); the flow stays Off until they are replaced.
            Self.printError("\(file) uses \(imported.unsupported.count) part(s) InsightFlow does not run; they are kept as imported and the flow stays Off:")
            for issue in imported.unsupported { Self.printError("  \(issue.path): \(issue.message)") }
        }
        let store = FlowStore(home: home.location)
        var flow = imported.flow
        if let name { flow.displayName = name }
        flow.state = .off
        let created = try Self.storeCall { () throws(FlowStoreError) in try store.createWithFreeID(flow, basedOn: flow.id, origin: .import) }
        print("imported \(created.id) (Off)")
    }
}

/// `insightflow flow export ID [--format F] [--output FILE]`: the flow file, a Logic Apps workflow or a Power Automate
/// definition, to standard output or a file.
struct FlowExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a flow (InsightFlow file, Logic Apps workflow or Power Automate definition) to standard output or to --output.")

    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @Option(help: "insightflow (the flow file), logicapp ({definition, kind}) or powerautomate (definition with connection references).")
    var format: String = FlowExportFormat.insightflow.rawValue

    func validate() throws {
        guard FlowExportFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("unknown format '\(format)'; use \(FlowExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let format = FlowExportFormat(rawValue: format.lowercased()) ?? .insightflow
        let store = FlowStore(home: home.location)
        let stored = try Self.storeCall { () throws(FlowStoreError) in try store.find(flow) }
        let bytes = FlowExporter.bytes(stored.flow, format: format)
        if format != .insightflow {
            // Teams facts/buttons, the email's isHtml and unknown trigger inputs have no parameter in the cloud's
            // connector actions and triggers.
            for leftOut in FlowExporter.inputsLeftOut(stored.flow) {
                FileHandle.standardError.write(Data("left out (the connector action has no parameter for it): \(leftOut)\n".utf8))
            }
        }
        guard let output else {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
            return
        }
        try Self.storeCall { () throws(FlowStoreError) in try AtomicFile.write(bytes, to: URL(fileURLWithPath: output)) }
        print("exported \(stored.flow.id) to \(output)")
    }
}
