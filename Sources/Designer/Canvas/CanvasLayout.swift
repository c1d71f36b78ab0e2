import FlowModel

/// One item of the canvas, top to bottom: the trigger card, a step card, a branch heading or an empty branch.
struct CanvasItem: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case trigger
        case step(String)
        case branch(title: String)
        case emptyBranch
    }

    var kind: Kind
    /// Nesting depth (0: top level).
    var depth: Int
    /// Rows the item takes, including the connector below a card.
    var height: Int
    /// The first row of the item on the canvas.
    var top: Int
    var isCollapsed = false
    /// The step of a step card.
    var step: Step?
    /// True when the step starts one of several parallel branches (drawn on the card's lower border).
    var isParallel = false
    /// Run-after statuses other than Succeeded, spelled out (drawn on the card's lower border).
    var runAfterNote: String?

    /// The step name (nil for the trigger and non-card items).
    var stepName: String? { if case .step(let name) = kind { return name } else { return nil } }
    var isSelectable: Bool {
        switch kind {
        case .trigger, .step: return true
        default: return false
        }
    }
}

/// Lays a flow out as the cloud designer draws it: cards top to bottom, branches nested under their container.
enum CanvasLayout {
    static let cardHeight = 5
    static let collapsedHeight = 2
    static let indent = 4

    static func items(_ flow: Flow, collapsed: Set<String>) -> [CanvasItem] {
        var items: [CanvasItem] = []
        var row = 0
        func add(_ kind: CanvasItem.Kind, depth: Int, height: Int, collapsed: Bool = false, step: Step? = nil, parallel: Bool = false, note: String? = nil) {
            items.append(CanvasItem(kind: kind, depth: depth, height: height, top: row, isCollapsed: collapsed, step: step, isParallel: parallel, runAfterNote: note))
            row += height
        }
        func walk(_ steps: StepList, depth: Int) {
            let parallel = RunAfterLayout.parallelSteps(steps)
            for name in RunAfterLayout.order(steps) {
                guard let step = steps[name] else { continue }
                let isCollapsed = collapsed.contains(name)
                add(.step(name), depth: depth, height: isCollapsed ? collapsedHeight : cardHeight, collapsed: isCollapsed, step: step,
                    parallel: parallel.contains(name), note: RunAfterLayout.statusNote(step))
                guard !isCollapsed, step.type.isContainer else { continue }
                for (label, children) in step.branches {
                    add(.branch(title: EditorActions.branchTitle(label, of: step.type)), depth: depth + 1, height: 1)
                    if children.isEmpty { add(.emptyBranch, depth: depth + 1, height: 2) } else { walk(children, depth: depth + 1) }
                }
            }
        }
        add(.trigger, depth: 0, height: cardHeight)
        walk(flow.definition.actions, depth: 0)
        return items
    }

    /// How many steps a list holds, nested ones included.
    static func stepCount(_ steps: StepList) -> Int {
        steps.values.reduce(steps.count) { total, step in total + step.branches.reduce(0) { $0 + stepCount($1.steps) } }
    }

    /// Total rows of a layout.
    static func height(_ items: [CanvasItem]) -> Int { items.last.map { $0.top + $0.height } ?? 0 }
}
