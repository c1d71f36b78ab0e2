import Foundation

/// Runs the built `insightflow` binary in a temporary home and captures its output.
struct CLIRunner {
    let home: URL

    init() {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-cli-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// What one command printed and how it exited.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle (`swift build` puts both in the same folder).
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("insightflow")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/insightflow")
    }

    /// Runs `insightflow ARGS --home HOME` (the home goes after the subcommand words).
    @discardableResult
    func run(_ arguments: [String], withHome: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + (withHome ? ["--home", home.path] : [])
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "INSIGHTFLOW_HOME" }
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `insightflow serve` on this home and `port` (output discarded); the caller stops it.
    func startServe(port: Int) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--home", home.path, "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Writes a file into the home and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
