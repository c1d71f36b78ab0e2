import FlowExpressions
import FlowModel
import Foundation

/// Where a running `insightflow serve` listens: `<home>/runner.json`, so other commands and the terminal app can reach it.
public struct RunnerEndpoint: Sendable, Hashable {
    public var bind: String
    public var port: UInt16
    public var pid: Int32

    public init(bind: String, port: UInt16, pid: Int32) {
        self.bind = bind
        self.port = port
        self.pid = pid
    }

    static func file(_ home: InsightFlowHome) -> URL { home.url.appendingPathComponent("runner.json") }

    /// Writes the endpoint file atomically.
    public func write(home: InsightFlowHome) throws {
        let value: JSONValue = ["bind": .string(bind), "port": .int(Int(port)), "pid": .int(Int(pid))]
        try AtomicFile.write(value.jsonBytes(pretty: true), to: Self.file(home))
    }

    /// The endpoint of the runner holding the home, if one is running.
    public static func current(home: InsightFlowHome) -> RunnerEndpoint? {
        guard RunnerLock.holder(home: home.url) != nil,
              let data = FileManager.default.contents(atPath: file(home).path),
              let value = try? JSONValue.parse(bytes: [UInt8](data)),
              let bind = value["bind"]?.stringValue, let port = value["port"]?.intValue, let pid = value["pid"]?.intValue else { return nil }
        return RunnerEndpoint(bind: bind, port: UInt16(clamping: port), pid: Int32(clamping: pid))
    }

    /// Removes the endpoint file (when serve stops).
    public static func remove(home: InsightFlowHome) {
        try? FileManager.default.removeItem(at: file(home))
    }
}
