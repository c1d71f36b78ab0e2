/// Applies Data > Unification's messages: the statistics, and an answer (brought into view on the screen).
enum UnificationUpdate {
    static func update(_ state: inout DesignerState, _ message: UnificationMessage) {
        state.unification.loaded = true
        switch message {
        case .stats(let last, let sources, let warnings):
            state.unification.last = last
            state.unification.sources = sources
            state.unification.warnings = warnings
            state.unification.problem = nil
        case .unavailable(let problem):
            state.unification.last = nil
            state.unification.problem = problem
        case .answer(let answer):
            state.unification.answer = answer
            guard let index = state.stack.indices.last, var screen = state.stack[index] as? UnificationScreen else { return }
            screen.revealAnswer(state)
            state.stack[index] = screen
        }
    }
}
