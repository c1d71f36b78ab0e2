import FlowExpressions
import FlowModel
import TerminalUI

/// Step search on the canvas (`/`, then `n` / `N`): cards whose name, type, note or inputs contain the text.
enum StepSearch {
    /// The steps matching `query` (case-insensitive), in canvas order.
    static func matches(_ query: String, in flow: Flow) -> [String] {
        let needle = query.lowercased()
        guard !needle.isEmpty else { return [] }
        return flow.definition.allSteps.compactMap { located in
            let step = located.step
            var own = step
            own.actions = nil
            own.elseActions = nil
            own.cases = nil
            own.defaultActions = nil
            let texts = [step.name, step.type.rawValue, Catalog.step(step.type)?.displayName ?? "", step.description ?? ""]
                + (own.inputs.map { [$0.jsonText()] } ?? []) + (own.expression.map { [$0.jsonText()] } ?? []) + [own.foreach ?? ""]
            return texts.contains { $0.lowercased().contains(needle) } ? step.name : nil
        }
    }

    /// Asks for the text to find (`/`).
    static func ask(_ state: inout DesignerState) {
        state.ask("Find step", "Text in a step's name, type, note or inputs (then n / N jump to the next / previous):",
                  answers: [.option(0, label: "Find"), .cancel], input: TextField(state.document?.search ?? ""), for: .findStep)
    }

    /// Remembers `query` and selects the first match after the selection.
    static func find(_ query: String, _ state: inout DesignerState) {
        state.document?.search = query.isEmpty ? nil : query
        jump(by: 1, &state)
    }

    /// Selects the next (`1`) or previous (`-1`) match, wrapping around.
    static func jump(by offset: Int, _ state: inout DesignerState) {
        guard let document = state.document, let query = document.search else {
            state.notify("Nothing to find yet: press / and type", .info)
            return
        }
        let found = matches(query, in: document.flow)
        guard !found.isEmpty else {
            state.notify("No step matches \"\(query)\"", .warning)
            return
        }
        let order = document.flow.definition.allSteps.map(\.step.name)
        let current = document.selected.flatMap { order.firstIndex(of: $0) } ?? -1
        let positions = found.compactMap { order.firstIndex(of: $0) }
        let next = offset > 0 ? (positions.first { $0 > current } ?? positions[0])
                              : (positions.last { $0 < current } ?? positions[positions.count - 1])
        state.document?.selected = order[next]
        let index = (positions.firstIndex(of: next) ?? 0) + 1
        state.notify("\(order[next]): match \(index) of \(found.count) for \"\(query)\" (n next, N previous)", .info)
    }
}
