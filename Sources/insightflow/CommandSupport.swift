import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Insights
import Foundation
import TextFormats

/// What every command does the same way: errors on stderr, JSON and tables on stdout, files named on the
/// command line, store calls whose errors become a clear failure.
extension ParsableCommand {
    /// Writes a line to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints a JSON value, pretty.
    static func printJSON(_ value: JSONValue) {
        print(value.jsonText(pretty: true))
    }

    /// Prints rows as a left-aligned table with a header; cells are cut to `maxWidth`.
    static func printTable(header: [String], rows: [[String]], maxWidth: Int = 40) {
        print(TextTable.render(header: header, rows: rows, maxWidth: maxWidth))
    }

    /// Reads a file given on the command line, with a message naming it on failure.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path): no such file or not readable")
        }
        return [UInt8](data)
    }

    /// Runs a typed-throwing store call and turns its error into a clear command-line failure.
    static func storeCall<T>(_ body: () throws(FlowStoreError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// Connection name → kind for the checker; a connections.json that cannot be read is reported on stderr
    /// and the connection checks are skipped (rather than every step flagged).
    static func checkContext(_ home: InsightFlowHome) -> CheckContext {
        do {
            return try ConnectionStore(home: home).checkContext()
        } catch {
            printError("warning: connections are not checked: \(error)")
            return CheckContext(connections: nil)
        }
    }

    /// Runs `body`; on error prints it to stderr and fails the command.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw failing(error) }
    }

    /// Runs `body`; on error prints it to stderr and fails the command.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw failing(error) }
    }

    private static func failing(_ error: any Error) -> ExitCode {
        if let exit = error as? ExitCode { return exit }
        printError("error: \(error)")
        return ExitCode.failure
    }
}

extension ParsableCommand {
    /// Loads the home's workspace, reporting a clear message on failure.
    static func loadWorkspace(_ home: HomeOptions) throws -> Workspace {
        try reporting { try Workspace.load(folder: Workspace.folder(inHome: home.resolve())) }
    }

    /// Prints a Codable value as pretty JSON with sorted keys and ISO 8601 dates.
    static func printEncodable(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return printError("error: cannot encode the output") }
        print(String(decoding: data, as: UTF8.self))
    }
}
