import FlowModel

/// Performs effects against the services and reports the outcome as messages.
@MainActor
public enum EffectRunner {
    public static func perform(_ effect: Effect, services: any DesignerServices) -> [Message] {
        if let messages = LiveEffects.perform(effect, services: services) { return messages }
        do {
            let messages = try run(effect, services)
            if effect.changesRunnerFlows { services.runner?.flowsChanged() }
            return messages
        } catch {
            if case .conflict = error { return [.saveConflict(error.description)] }
            return [.failed(error.description)]
        }
    }

    private static func run(_ effect: Effect, _ services: any DesignerServices) throws(FlowStoreError) -> [Message] {
        switch effect {
        case .reloadFlows:
            let listing = services.listFlows()
            return [.flowsLoaded(listing.flows, problems: listing.problems, runs: services.lastRuns())]
        case .loadWorkspace:
            return [.workspaceLoaded(services.workspace(), connections: services.connections(), facts: services.systemFacts())]
        case .openFlow(let id): return [.flowOpened(try services.loadFlow(id: id))]
        case .createFlow(let flow, let then): return [.flowSaved(try services.createFlow(flow), then: then)]
        case .saveFlow(let flow, let version, let then): return [.flowSaved(try services.saveFlow(flow, expectedVersion: version), then: then)]
        case .setFlowState(let id, let flowState):
            let flow = try services.setState(id: id, flowState)
            return [.succeeded("\"\(flow.displayName)\" is now \(flow.state.rawValue)")]
        case .renameFlow(let id, let name):
            let flow = try services.renameFlow(id: id, to: name)
            return [.succeeded("Renamed to \"\(flow.displayName)\"")]
        case .duplicateFlow(let id, let name):
            let flow = try services.duplicateFlow(id: id, as: name)
            return [.succeeded("Saved a copy as \"\(flow.displayName)\" (\(flow.id), Off)")]
        case .deleteFlow(let id):
            try services.deleteFlow(id: id)
            return [.succeeded("Deleted flow \(id)")]
        case .exportFlow(let id, let path):
            try services.exportFlow(id: id, to: path)
            return [.succeeded("Exported \(id) to \(path)")]
        case .importFlow(let path):
            let flow = try services.importFlow(from: path)
            return [.succeeded("Imported \"\(flow.displayName)\" as \(flow.id) (Off)")]
        case .openFlowAt(let id, let step): return [.flowOpenedAt(try services.loadFlow(id: id), step: step)]
        case .history(let effect): return try HistoryEffects.perform(effect, services)
        case .writeClipboard(let value):
            try services.writeClipboard(value)
            return []
        case .pasteClipboard(let placement): return [.clipboardRead(services.readClipboard(), placement)]
        case .runCanvas(let effect): return RunCanvasEffects.perform(effect, services)
        case .unification(let request): return UnificationEffects.perform(request, services)
        case .quit:
            services.runner?.stop()
            return []
        case .runner, .pollRunner, .loadConnections, .saveConnection, .deleteConnection, .loadFeed, .loadRuns, .loadRunDetail, .loadRunPage, .loadComparison, .loadHistoryFacts: return []
        }
    }
}
