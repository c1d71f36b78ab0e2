import FlowExpressions
import FlowRunner
import Foundation

/// Admin > Connections over the home's connections.json.
extension HomeRunnerLink: ConnectionEditing {
    public func connectionList() -> [ConnectionSummary] {
        guard let home, let connections = try? ConnectionStore(home: home).load() else { return [] }
        return connections.sorted { $0.name < $1.name }.map(Self.summary)
    }

    static func summary(_ connection: Connection) -> ConnectionSummary {
        let settings = connection.settings.keys.sorted().map { key -> (key: String, value: String) in
            let text = connection.settings[key].map { $0.stringValue ?? $0.jsonText() } ?? ""
            return (key, Connection.secretSettingKeys.contains(key) ? ConnectionSummary.mask(text) : text)
        }
        return ConnectionSummary(name: connection.name, kind: connection.kind.rawValue, settings: settings)
    }

    public func saveConnection(_ draft: ConnectionDraft, replacing original: String?) throws {
        guard let home else { throw LinkError("no home folder") }
        guard let kind = ConnectionKind(rawValue: draft.kind) else { throw LinkError("unknown kind \(draft.kind)") }
        let store = ConnectionStore(home: home)
        var all = try store.load()
        let previous = all.first { $0.name == (original ?? draft.name) }
        if original != draft.name, all.contains(where: { $0.name == draft.name }) { throw LinkError("a connection named \(draft.name) exists") }
        var settings = previous?.kind == kind ? previous?.settings ?? [:] : [:]
        for (key, value) in draft.settings {
            let isEmpty = value.stringValue?.isEmpty ?? false
            if !isEmpty { settings[key] = value } else if !Connection.secretSettingKeys.contains(key) { settings.removeValue(forKey: key) }
        }
        all.removeAll { $0.name == original || $0.name == draft.name }
        all.append(Connection(name: draft.name, kind: kind, settings: settings))
        try store.save(all)
        flowsChanged()
    }

    public func deleteConnection(named name: String) throws {
        guard let home else { throw LinkError("no home folder") }
        try ConnectionStore(home: home).remove(name: name)
        flowsChanged()
    }
}
