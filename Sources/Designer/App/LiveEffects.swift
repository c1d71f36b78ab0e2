import FlowModel
import FlowRunner

/// Performs the live effects (runner commands and history reads); nil for effects that are not live.
@MainActor
enum LiveEffects {
    static func perform(_ effect: Effect, services: any DesignerServices) -> [Message]? {
        switch effect {
        case .runner(let command):
            guard let runner = services.runner else { return command == .loadStatus ? [] : [.failed("No runner: the history is read-only")] }
            runner.send(command)
            return []
        case .pollRunner:
            guard let runner = services.runner else { return [] }
            let notices = runner.drain()
            return (notices.isEmpty ? [] : [.notices(notices)]) + [.revision(runner.revision)]
        case .loadFeed(let limit): return services.runner.map { [.feedLoaded($0.feed(limit: limit))] } ?? []
        case .loadRuns(let flowId, let limit): return [.runsLoaded(services.runner?.runs(flowId: flowId, limit: limit) ?? [])]
        case .loadConnections, .saveConnection, .deleteConnection: return ConnectionEffects.perform(effect, services: services)
        case .loadRunDetail(let id):
            let detail = services.runner?.detail(runId: id)
            return [.runDetailLoaded(detail, flow: detail.flatMap { try? services.loadFlow(id: $0.run.flowId) })]
        case .loadRunPage(let query, let append): return [.runPageLoaded(query, services.runner?.runPage(query) ?? RunPage(), append: append)]
        case .loadHistoryFacts: return [.historyFactsLoaded(services.runner?.historyFacts())]
        case .loadComparison(let first, let second):
            guard let runner = services.runner, let a = runner.detail(runId: first), let b = runner.detail(runId: second) else { return [.comparisonLoaded(nil)] }
            return [.comparisonLoaded(RunComparison(first: a.run, firstSteps: a.steps, second: b.run, secondSteps: b.steps))]
        default: return nil
        }
    }
}

extension Effect {
    /// True for effects after which the runner must re-read the flows.
    var changesRunnerFlows: Bool {
        switch self {
        case .createFlow, .saveFlow, .setFlowState, .renameFlow, .duplicateFlow, .deleteFlow, .importFlow: return true
        default: return false
        }
    }
}
