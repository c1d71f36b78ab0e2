import FlowModel
import FlowRunner

/// Screens that show live data: on every tick they queue the reads they need.
protocol LiveScreen: Screen {
    func poll(_ state: inout DesignerState)
}

/// The update function's live part: ticks, runner notices and loaded history.
enum LiveUpdate {
    static func update(_ state: inout DesignerState, _ message: Message) {
        switch message {
        case .tick:
            state.ticks += 1
            state.perform(.pollRunner)
            if state.modal == nil, let screen = state.top as? any LiveScreen { screen.poll(&state) }
        case .notices(let notices): for notice in notices { apply(notice, &state) }
        case .revision(let revision): state.live.revision = revision
        case .feedLoaded(let feed): if state.live.feed != feed { state.live.feed = feed }
        case .runsLoaded(let runs):
            if var form = state.top as? TestRunFormScreen, form.awaitingPrevious {
                form.fillFromPrevious(runs, &state)
                state.stack[state.stack.count - 1] = form
                return
            }
            if state.live.runs != runs { state.live.runs = runs }
        case .runDetailLoaded(let detail, let flow):
            if state.live.detail != detail { state.live.detail = detail }
            if state.live.detailFlow != flow { state.live.detailFlow = flow }
        case .runPageLoaded(let query, let page, let append): state.live.runList.apply(query, page, append: append)
        case .comparisonLoaded(let comparison): state.live.comparison = comparison
        case .historyFactsLoaded(let overview): state.live.history = overview
        case .connectionsLoaded(let list):
            if state.live.connections != list { state.perform(.loadWorkspace) }
            state.live.connections = list
        case .flowOpenedAt(let flow, let step):
            // The flow is already open (a test run's detail over its canvas): go back to that canvas, keeping its
            // draft, instead of stacking a second editor whose Esc would leave the first one without a document.
            if state.document?.flow.id == flow.id, let canvas = state.stack.lastIndex(where: { $0 is FlowCanvasScreen }) {
                state.stack.removeLast(state.stack.count - canvas - 1)
                if let step, state.document?.flow.definition.step(named: step) != nil { state.document?.selected = step }
                return
            }
            state.document = FlowDocument(flow: flow, isNew: false)
            state.document?.selected = step.flatMap { flow.definition.step(named: $0) == nil ? nil : $0 }
            DesignerUpdate.recheck(&state)
            state.stack.append(FlowCanvasScreen())
            state.perform(.history(.lookForDraft(id: flow.id)))
        default: break
        }
    }

    private static func apply(_ notice: RunnerNotice, _ state: inout DesignerState) {
        switch notice {
        case .info(let text): state.live.activity = text
        case .success(let text):
            state.live.activity = text
            state.notify(text, .success)
        case .failure(let text):
            state.live.activity = text
            state.notify(text, .error)
        case .openRun(let id):
            guard !id.isEmpty else { return }
            state.stack.append(RunDetailScreen(runId: id))
            state.perform(.loadRunDetail(id: id))
        case .status(let view): state.live.system = view
        case .replayed(let report): RunCanvasUpdate.replayed(report, &state)
        }
    }
}
