import FlowExpressions
import FlowModel
import Foundation

/// Runs the actions of one scope (the top level, a Scope, an If branch, a Switch case, one loop iteration) as the
/// `runAfter` graph: every action whose predecessors have all finished starts at once (bounded by the run's action
/// slots); the order of keys in the file plays no part. Actions whose `runAfter` is not met are recorded Skipped.
struct ScopeGraph {
    let executor: RunExecutor
    let steps: StepList
    let path: [JSONPath.Component]
    let context: RunContext
    /// The enclosing container's name (for `result()`), nil at the top level.
    let scope: String?

    /// Runs the scope. `finished` holds actions already done (a resumed run); `onFinish` sees each action as it
    /// ends, in the order they end (the top level saves checkpoints there). Returns every action's status.
    func run(finished: [String: StepStatus] = [:], onFinish: (String, Step, StepStatus) async -> Void = { _, _, _ in }) async -> [String: StepStatus] {
        var graph = ReadyGraph(steps: steps, finished: finished)
        if graph.isChain { return await runChain(graph, onFinish: onFinish) }
        var running = 0
        var stopped: String?
        await withTaskGroup(of: (String, StepStatus).self) { group in
            while true {
                // The actions that became ready together start together: one stop decision for all of them, so a
                // sibling that finishes (a Terminate) while the others are being started cannot skip them — they
                // started, and are cancelled, as in the reference.
                var batch: [String] = []
                while let name = graph.nextReady() { batch.append(name) }
                if !batch.isEmpty {
                    if stopped == nil { stopped = stopReason() }
                    for name in batch {
                        guard let step = steps[name] else { continue }
                        let status: StepStatus
                        if let skipped = skipIfNotRunnable(step, name, graph: graph, stopped: stopped) {
                            status = skipped
                        } else if running == 0, batch.count == 1 {
                            // The only action that can run now: run it here rather than in a child task.
                            status = await executor.runStep(step, path: path + [.key(name)], context: context, scope: scope)
                        } else {
                            let stepPath = path + [.key(name)]
                            group.addTask { [executor, context, scope] in
                                (name, await executor.runStep(step, path: stepPath, context: context, scope: scope))
                            }
                            running += 1
                            continue
                        }
                        graph.finish(name, status)
                        await onFinish(name, step, status)
                        if stopped == nil, let reason = stopReason() {
                            stopped = reason
                            group.cancelAll()
                        }
                    }
                    continue
                }
                guard running > 0, let (name, status) = await group.next() else { break }
                running -= 1
                graph.finish(name, status)
                if let step = steps[name] { await onFinish(name, step, status) }
                if stopped == nil, let reason = stopReason() {
                    stopped = reason
                    group.cancelAll()
                }
            }
        }
        for name in graph.neverReady {
            guard let step = steps[name] else { continue }
            let reason = stopped.map { "not run: " + $0 } ?? "not run: its runAfter names a step that never finished (a cycle, or a step of another scope)"
            graph.finish(name, executor.recordNotRun(step, path: path + [.key(name)], context: context, scope: scope, status: .skipped, reason: reason))
        }
        return graph.statuses
    }

    /// Records `step` Skipped when the run was stopped or its runAfter condition is unmet, and returns that
    /// status; nil when the step may run.
    private func skipIfNotRunnable(_ step: Step, _ name: String, graph: ReadyGraph, stopped: String?) -> StepStatus? {
        if let stopped {
            return executor.recordNotRun(step, path: path + [.key(name)], context: context, scope: scope, status: .skipped, reason: "not run: " + stopped)
        }
        if let unmet = ScopeStatus.unmetCondition(step, statuses: graph.statuses) {
            return executor.recordNotRun(step, path: path + [.key(name)], context: context, scope: scope, status: .skipped, reason: unmet, code: "ActionConditionFailed")
        }
        return nil
    }

    /// A scope where no two actions can ever be ready together (one root, each action followed by at most one):
    /// the actions run one after another in this task, with no task group.
    private func runChain(_ start: ReadyGraph, onFinish: (String, Step, StepStatus) async -> Void) async -> [String: StepStatus] {
        var graph = start
        var stopped: String?
        while let name = graph.nextReady() {
            guard let step = steps[name] else { continue }
            if stopped == nil { stopped = stopReason() }
            let status: StepStatus
            if let skipped = skipIfNotRunnable(step, name, graph: graph, stopped: stopped) {
                status = skipped
            } else {
                status = await executor.runStep(step, path: path + [.key(name)], context: context, scope: scope)
            }
            graph.finish(name, status)
            await onFinish(name, step, status)
        }
        for name in graph.neverReady {
            guard let step = steps[name] else { continue }
            let reason = stopped.map { "not run: " + $0 } ?? "not run: its runAfter names a step that never finished (a cycle, or a step of another scope)"
            graph.finish(name, executor.recordNotRun(step, path: path + [.key(name)], context: context, scope: scope, status: .skipped, reason: reason))
        }
        return graph.statuses
    }

    /// Why no further action of this scope may start: the run was terminated, or an enclosing action timed out.
    private func stopReason() -> String? {
        if let termination = executor.state.termination { return termination.reason }
        if Task.isCancelled { return "an enclosing action timed out or was cancelled" }
        return nil
    }
}

/// The bookkeeping of a scope's graph: how many predecessors each action still waits for, and the actions ready now.
struct ReadyGraph {
    private(set) var statuses: [String: StepStatus]
    private var remaining: [String: Int] = [:]
    private var successors: [String: [String]] = [:]
    private var ready: [String] = []
    private var readIndex = 0
    private let order: [String]

    /// The graph of `steps`, with the `finished` actions already done.
    init(steps: StepList, finished: [String: StepStatus]) {
        statuses = finished
        order = Array(steps.keys)
        for (name, step) in steps where finished[name] == nil {
            var count = 0
            for predecessor in step.runAfter.keys where finished[predecessor] == nil {
                count += 1
                successors[predecessor, default: []].append(name)
            }
            remaining[name] = count
            if count == 0 { ready.append(name) }
        }
    }

    /// True when no two actions can ever be ready at once: at most one ready at the start and every action has at
    /// most one successor.
    var isChain: Bool { ready.count <= 1 && successors.values.allSatisfy { $0.count <= 1 } }

    /// The next ready action, if any.
    mutating func nextReady() -> String? {
        guard readIndex < ready.count else { return nil }
        defer { readIndex += 1 }
        return ready[readIndex]
    }

    /// Marks an action finished and releases the actions that waited only for it.
    mutating func finish(_ name: String, _ status: StepStatus) {
        statuses[name] = status
        remaining[name] = nil
        for successor in successors.removeValue(forKey: name) ?? [] {
            guard let count = remaining[successor] else { continue }
            remaining[successor] = count - 1
            if count == 1 { ready.append(successor) }
        }
    }

    /// Actions that can never become ready (a cycle, or a predecessor outside the scope), in file order.
    var neverReady: [String] { order.filter { remaining[$0] != nil && statuses[$0] == nil } }
}
