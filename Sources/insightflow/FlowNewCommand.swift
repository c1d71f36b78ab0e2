import Foundation
import ArgumentParser
import FlowExpressions
import FlowModel
import OrderedCollections

/// `insightflow flow new --name NAME --trigger KIND [--param key=value ...]`: create a flow (Off) for scripts.
struct FlowNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a flow (Off) with a trigger and no steps.",
        discussion: "Trigger kinds: " + TriggerKind.allCases.map(\.rawValue).joined(separator: ", ") + " (or Manual)."
    )

    @OptionGroup var home: HomeOptions
    @Option(help: "The flow's display name.") var name: String
    @Option(help: "The trigger kind, e.g. DataSourceRefreshFailed or segment-threshold-crossed.") var trigger: String
    @Option(name: .customLong("param"), help: "A trigger parameter as key=value (repeatable), e.g. --param threshold=100.") var params: [String] = []
    @Option(help: "The flow id (default: derived from the name).") var id: String?
    @Flag(help: "Print the created flow as JSON.") var json = false

    func run() throws {
        guard let kind = Self.triggerKind(trigger) else {
            throw ValidationError("unknown trigger '\(trigger)'; use one of \(TriggerKind.allCases.map(\.rawValue).joined(separator: ", ")) or Manual")
        }
        let parameters = try Self.parameters(params)
        let store = FlowStore(home: home.location)
        let flow = Flow(id: id ?? "", displayName: name, trigger: Trigger(kind: kind, parameters: parameters))
        let created = try Self.storeCall { () throws(FlowStoreError) in
            id == nil ? try store.createWithFreeID(flow, basedOn: name, origin: .cli) : try store.create(flow, origin: .cli)
        }
        if json {
            Self.printJSON(FlowCodec.jsonValue(created))
        } else {
            print(created.id)
        }
        for issue in FlowChecker.check(created) where issue.path.contains("triggers") {
            Self.printError("\(issue)")
        }
    }

    /// Reads `DataSourceRefreshFailed`, `datasourcerefreshfailed` or `data-source-refresh-failed`.
    static func triggerKind(_ text: String) -> TriggerKind? {
        TriggerKind(caseInsensitive: text.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: ""))
    }

    /// `key=value` pairs; values that read as JSON numbers or booleans keep that type.
    static func parameters(_ pairs: [String]) throws -> OrderedDictionary<String, JSONValue> {
        var result = OrderedDictionary<String, JSONValue>()
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--param needs key=value; got '\(pair)'")
            }
            let key = String(pair[..<equals])
            let raw = String(pair[pair.index(after: equals)...])
            result[key] = Self.scalar(raw)
        }
        return result
    }

    static func scalar(_ raw: String) -> JSONValue {
        if let parsed = try? JSONValue.parse(raw) {
            switch parsed {
            case .int, .double, .bool: return parsed
            default: break
            }
        }
        return .string(raw)
    }
}


