import FlowExpressions
import FlowModel
import Foundation

/// Reads the names and kinds of the home's connections (`connections.json`) for the checker.
enum ConnectionNames {
    /// Connection name → kind, or nil when the home has no connections file.
    static func load(_ home: InsightFlowHome) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: home.connectionsFile.path),
              let document = try? JSONValue.parse(bytes: [UInt8](data)),
              let connections = document["connections"]?.objectValue else { return nil }
        var result: [String: String] = [:]
        for (name, connection) in connections {
            result[name] = connection["kind"]?.stringValue?.lowercased() ?? "unknown"
        }
        return result
    }

    /// The checker context for a home.
    static func context(_ home: InsightFlowHome) -> CheckContext {
        CheckContext(connections: load(home))
    }
}
