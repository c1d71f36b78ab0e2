/// Admin > Connections effects: list, save, delete through the runner link's connection editing.
@MainActor
enum ConnectionEffects {
    static func perform(_ effect: Effect, services: any DesignerServices) -> [Message] {
        guard let editing = services.runner as? any ConnectionEditing else { return [.connectionsLoaded([])] }
        do {
            switch effect {
            case .saveConnection(let draft, let original):
                try editing.saveConnection(draft, replacing: original)
                return [.connectionsLoaded(editing.connectionList()), .succeeded("Saved connection \(draft.name)")]
            case .deleteConnection(let name):
                try editing.deleteConnection(named: name)
                return [.connectionsLoaded(editing.connectionList()), .succeeded("Deleted connection \(name)")]
            default: return [.connectionsLoaded(editing.connectionList())]
            }
        } catch {
            return [.failed("\(error)")]
        }
    }
}
