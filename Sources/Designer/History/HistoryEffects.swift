import FlowModel

/// Performs history and draft effects against the services (services that keep no history say so).
@MainActor
enum HistoryEffects {
    static func perform(_ effect: HistoryEffect, _ services: any DesignerServices) throws(FlowStoreError) -> [Message] {
        guard let history = services as? any FlowHistoryServices else {
            if case .loadVersions = effect { return [.failed("This designer keeps no version history (no home folder)")] }
            return []
        }
        switch effect {
        case .loadVersions(let id):
            let (entries, summaries) = try history.flowVersions(id: id)
            return [.history(.versionsLoaded(id: id, entries, summaries))]
        case .loadDiff(let id, let from, let to):
            let diff = FlowDiffer.diff(try history.loadFlow(id: id, version: from), try history.loadFlow(id: id, version: to))
            return [.history(.diffLoaded(id: id, from: from, to: to, diff))]
        case .restore(let id, let version):
            let restored = try history.restoreFlow(id: id, version: version)
            history.discardDraft(id: id)
            services.runner?.flowsChanged()
            return [.history(.restored(restored, from: version))]
        case .saveDraft(let flow):
            try history.saveDraft(flow)
            return []
        case .discardDraft(let id):
            history.discardDraft(id: id)
            return []
        case .lookForDraft(let id):
            return try history.loadDraft(id: id).map { [.history(.draftFound($0))] } ?? []
        }
    }
}
