import FlowExpressions
import Foundation
import Logging
import OrderedCollections
import Synchronization
import TextFormats

/// A swift-log handler writing one JSON object per line: `timestamp` (ISO 8601, UTC, milliseconds), `level`,
/// `label`, `message`, then the metadata's keys (event, run, flow, step …) as they were given. For journald and
/// log shippers (`serve --log-format json`). The metadata is whatever the caller logged: callers log ids and
/// names, never inputs, outputs or credentials.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler for `label` at `level`, writing each line (with its newline) through `write` (stderr by default).
    public init(label: String, level: Logger.Level = .info, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(Self.line(timestamp: Date(), level: event.level, label: label, message: "\(event.message)",
                        metadata: metadata.merging(event.metadata ?? [:]) { _, call in call }))
    }

    /// One JSON line (with its newline) for an entry; the fixed keys win over metadata keys of the same name.
    static func line(timestamp: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var object: OrderedDictionary<String, JSONValue> = [
            "timestamp": .string(TimeText.iso8601(timestamp)), "level": .string(level.rawValue),
            "label": .string(label), "message": .string(message),
        ]
        for key in metadata.keys.sorted() where object[key] == nil {
            if let value = metadata[key] { object[key] = json(value) }
        }
        return JSONValue.object(object).jsonText() + "\n"
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .stringConvertible(let convertible): return .string(convertible.description)
        case .array(let values): return .array(values.map(json))
        case .dictionary(let dictionary):
            var object = OrderedDictionary<String, JSONValue>()
            for key in dictionary.keys.sorted() { if let value = dictionary[key] { object[key] = json(value) } }
            return .object(object)
        }
    }

    /// Writes to standard error, one whole line per call (lines from concurrent tasks never interleave).
    public static let standardError: @Sendable (String) -> Void = { line in
        stderrLock.withLock { _ in FileHandle.standardError.write(Data(line.utf8)) }
    }

    private static let stderrLock = Mutex(())
}
