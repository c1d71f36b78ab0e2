import Foundation

/// Where a run's `Response` meets the caller waiting for it: the caller registers the run before it is queued, the
/// Response step posts its answer (the first one wins), and the caller takes it — or learns that the run finished
/// without answering, or that its time ran out.
actor ResponseBoard {
    /// How a wait for a response ended.
    enum Outcome: Sendable {
        case answered(InvocationAnswer)
        case finished(RunRecord)
        case timedOut
    }

    private var expected: Set<String> = []
    private var answers: [String: InvocationAnswer] = [:]
    private var finishedRuns: [String: RunRecord] = [:]
    private var waiters: [String: CheckedContinuation<Outcome, Never>] = [:]

    /// Registers a run whose caller will wait for its answer (before the run is queued, so no answer is missed).
    func expect(_ runId: String) { expected.insert(runId) }

    /// The Response step's answer; ignored when nobody waits for this run or it already answered.
    func respond(_ runId: String, _ answer: InvocationAnswer) {
        guard expected.contains(runId), answers[runId] == nil, finishedRuns[runId] == nil else { return }
        if let waiter = waiters.removeValue(forKey: runId) {
            expected.remove(runId)
            waiter.resume(returning: .answered(answer))
        } else {
            answers[runId] = answer
        }
    }

    /// The run ended; a caller still waiting learns it finished without answering.
    func finished(_ run: RunRecord) {
        guard expected.contains(run.id) else { return }
        if let waiter = waiters.removeValue(forKey: run.id) {
            expected.remove(run.id)
            waiter.resume(returning: answers.removeValue(forKey: run.id).map(Outcome.answered) ?? .finished(run))
        } else if answers[run.id] == nil {
            finishedRuns[run.id] = run
        }
    }

    /// Waits at most `seconds` for the run's answer.
    func wait(for runId: String, seconds: Double) async -> Outcome {
        if let answer = answers.removeValue(forKey: runId) { expected.remove(runId); return .answered(answer) }
        if let run = finishedRuns.removeValue(forKey: runId) { expected.remove(runId); return .finished(run) }
        let limit = Duration.milliseconds(Int64(max(0, min(seconds, 3600)) * 1000))
        return await withCheckedContinuation { continuation in
            waiters[runId] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: limit)
                await self?.expire(runId)
            }
        }
    }

    private func expire(_ runId: String) {
        guard let waiter = waiters.removeValue(forKey: runId) else { return }
        expected.remove(runId)
        answers.removeValue(forKey: runId)
        waiter.resume(returning: .timedOut)
    }
}
