import FlowExpressions
import FlowModel
import Foundation

/// The flow runner of one home: events in, durable runs out. Every accepted event is stored (with the runs
/// it causes and the threshold baselines it moves, in one transaction) before `accept` returns.
public actor Runner {
    public let home: InsightFlowHome
    public let history: HistoryStore
    let delivery: any ActionDelivering
    let dataActions: (any InsightsDataActions)?
    let configuration: RunnerConfiguration
    /// The last hour minute by minute (runs, failures, queue depth, delivery time), for Admin > System.
    public let activity = ActivityLog()
    private let matcher = TriggerMatcher()
    /// Threshold values observed by this process, ahead of their commit (matching is serial on the actor).
    private var baselines: [BaselineKey: Double] = [:]
    private(set) var index = TriggerIndex(flows: [])
    private var flows: [String: Flow] = [:]
    /// The flow files as last read: a reload reads only the files that changed since.
    private var flowFiles = FlowFileCache()
    /// The flow files that could not be read at the last load.
    public private(set) var brokenFlowFiles: [FlowFileError] = []
    /// When each On flow was turned On (its `enabledAt`): older stored baselines are not baselines for it.
    private var enabledSince: [String: Date] = [:]
    private var caches: [String: ExpressionCache] = [:]
    private var connections: [String: Connection] = [:]
    var queue = RunQueue()
    private var waiters: [String: [CheckedContinuation<RunRecord, Never>]] = [:]
    /// Waiters with a time limit, by run id and a token of the wait.
    private var timedWaiters: [String: [UUID: CheckedContinuation<RunRecord?, Never>]] = [:]
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// Where Response steps meet the callers of HTTP-triggered flows and child flows.
    let responses = ResponseBoard()
    /// Child-flow runs started outside the queue's limits (a parent waiting for its child must not starve it).
    private(set) var unqueued: Set<String> = []
    /// The next occurrence of each On Recurrence flow.
    var recurrences = RecurrenceBook()
    /// Each flow's trigger concurrency control (flows without one are absent).
    var concurrency = FlowConcurrencyLimits()

    public init(home: InsightFlowHome, history: HistoryStore, delivery: any ActionDelivering,
                dataActions: (any InsightsDataActions)? = nil, configuration: RunnerConfiguration = RunnerConfiguration()) {
        self.home = home
        self.history = history
        self.delivery = MeasuredDelivery(inner: delivery, metrics: configuration.metrics, activity: activity)
        self.dataActions = dataActions
        self.configuration = configuration
    }

    /// Loads the flows and connections, then finishes what a previous process left: unmatched events and open runs.
    public func start() async throws {
        try reload()
        let unmatched = try history.unprocessedEvents()
        for event in unmatched { _ = try await match(event, isNew: false) }
        let failed = try history.failRunsInFlightTooOften(limit: configuration.resumeLimit)
        let open = try history.openRuns()
        observeRecovery(unmatched: unmatched.map(\.id), failed: failed, resumed: open.map(\.id))
        for run in open { enqueue(run) }
        // Retention is not applied here: `HistoryRetention` prunes in the background, so start never waits on it.
    }

    /// Re-reads flows and connections (after a save, an on/off or a connection edit); a broken
    /// connections.json is an error naming the connection, not a silent loss of every connection.
    public func reload() throws {
        do {
            try load()
            reloadProblem = nil
        } catch {
            reloadProblem = "\(error)"
            throw error
        }
    }

    /// Why the last reload failed (nil when it succeeded), for `/ready`.
    private(set) var reloadProblem: String?

    private func load() throws {
        // Off flows the flow index knows are left out (read when a run, a resubmit or a call needs one): a home of
        // ten thousand flows starts with its On ones. The index is checked as the app and `flow list` check it.
        let context = (try? ConnectionStore(home: home).checkContext()) ?? CheckContext(connections: [:])
        let listing = flowFiles.list(FlowStore(home: home), skippingOff: context)
        brokenFlowFiles = listing.broken
        flows = Dictionary(listing.flows.map { ($0.flow.id, $0.flow) }, uniquingKeysWith: { first, _ in first })
        index = TriggerIndex(flows: listing.flows.map(\.flow))
        enabledSince = flows.compactMapValues { flow in
            flow.enabledAt.flatMap { try? Date($0, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
        }
        caches = caches.filter { flows[$0.key] != nil }
        concurrency = FlowConcurrencyLimits(flows: flows.values, defaultRuns: configuration.perFlowConcurrency)
        for flowId in queue.blockedFlows { queue.release(flowId, perFlow: concurrency.runs(flowId)) }
        try history.clearBaselines(keeping: index.flowIds)
        baselines.removeAll()
        connections = Dictionary(try ConnectionStore(home: home).load().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs queued and not yet started.
    public var backlog: Int { queue.backlog }

    /// Seconds a sender should wait before sending more events, when the backlog is at its bound; nil while there
    /// is room.
    public func retryAfterWhenFull() -> Int? {
        queue.backlog >= configuration.maximumBacklog ? 1 : nil
    }

    /// Accepts one event: stores it, matches it and queues its runs. Returns the ids of the runs queued.
    /// When a flow the event fires already has `maximumWaitingRuns` runs waiting, `whenFull` decides: `.refuse`
    /// (the intake) throws `RunnerBusy` and stores nothing; `.skip` (refresh-driven events) stores the event with a
    /// note and no run for that flow.
    @discardableResult
    public func accept(_ event: TriggerEvent, whenFull: WhenFlowFull = .refuse) async throws -> [String] {
        try await match(event, isNew: true, whenFull: whenFull)
    }

    private func match(_ event: TriggerEvent, isNew: Bool, whenFull: WhenFlowFull = .refuse) async throws -> [String] {
        let decision = try matcher.match(event, index: index) { flowId, subject in
            if let known = baselines[BaselineKey(flowId: flowId, subject: subject)] { return known }
            return try history.baseline(flowId: flowId, subject: subject, observedSince: enabledSince[flowId])
        }
        var firings = decision.firings
        var noteList = decision.notes
        if isNew {
            let full = firings.filter { waitingIsFull($0.entry.flow.id) }
            if let first = full.first {
                if whenFull == .refuse { throw RunnerBusy(flowId: first.entry.flow.id, waiting: queue.queued(flowId: first.entry.flow.id)) }
                let names = Set(full.map(\.entry.flow.id))
                firings.removeAll { names.contains($0.entry.flow.id) }
                noteList += full.map { "skipped for '\($0.entry.flow.id)': \(queue.queued(flowId: $0.entry.flow.id)) runs already waiting (maximumWaitingRuns)" }
            }
        }
        for baseline in decision.baselines { baselines[baseline.key] = baseline.value }
        let runs = firings.map { firing in
            RunRecord(flowId: firing.entry.flow.id, flowName: firing.entry.flow.displayName, flowVersion: firing.entry.flow.version,
                      eventId: event.id, triggerOutputs: firing.triggerOutputs, origin: .event)
        }
        let notes = noteList.isEmpty ? nil : noteList.joined(separator: "; ")
        do {
            try await history.commitMatch(event: event, runs: runs, baselines: decision.baselines, notes: notes, eventIsNew: isNew)
        } catch {
            for baseline in decision.baselines { baselines.removeValue(forKey: baseline.key) }
            throw error
        }
        observeAccepted(event, firings: firings)
        for run in runs { enqueue(run) }
        return runs.map(\.id)
    }

    /// Queues a test run of a flow against a trigger body (optionally a dry run) and returns its id at once,
    /// so a caller can show the run playing out.
    public func startTest(flowId: String, triggerBody: JSONValue, dryRun: Bool, eventId: String? = nil) throws -> String {
        let flow = try loadedFlow(flowId) ?? FlowStore(home: home).load(id: flowId).flow
        flows[flow.id] = flow
        let outputs: JSONValue = ["headers": ["x-insightflow-test": true], "body": triggerBody]
        let run = RunRecord(flowId: flow.id, flowName: flow.displayName, flowVersion: flow.version, eventId: eventId,
                            triggerOutputs: outputs, origin: .test, dryRun: dryRun)
        try history.insertRun(run)
        enqueue(run)
        return run.id
    }

    /// Runs a flow now against a trigger body (a test run), optionally as a dry run, and waits for it to finish.
    public func test(flowId: String, triggerBody: JSONValue, dryRun: Bool, eventId: String? = nil) async throws -> RunRecord {
        let id = try startTest(flowId: flowId, triggerBody: triggerBody, dryRun: dryRun, eventId: eventId)
        return await finished(id)
    }

    /// Runs a previous run's flow again with the same trigger outputs; returns the new run id.
    public func resubmit(runId: String) throws -> String {
        guard let previous = try history.run(id: runId) else { throw RunnerError.runNotFound(runId) }
        guard let flow = loadedFlow(previous.flowId) else { throw RunnerError.flowNotFound(previous.flowId) }
        let run = RunRecord(flowId: flow.id, flowName: flow.displayName, flowVersion: flow.version, eventId: previous.eventId,
                            triggerOutputs: previous.triggerOutputs, origin: .resubmit, dryRun: previous.dryRun)
        try history.insertRun(run)
        enqueue(run)
        return run.id
    }

    /// Waits until a run has finished and returns it.
    public func finished(_ runId: String) async -> RunRecord {
        if let run = try? history.run(id: runId), run.status.isFinal { return run }
        return await withCheckedContinuation { waiters[runId, default: []].append($0) }
    }

    /// Waits at most `seconds` for a run to finish: the finished run, or nil when it is still going.
    /// Throws when no such run exists.
    public func finished(_ runId: String, within seconds: Double) async throws -> RunRecord? {
        guard let run = try history.run(id: runId) else { throw RunnerError.runNotFound(runId) }
        if run.status.isFinal { return run }
        let token = UUID()
        let limit = Duration.milliseconds(Int64(max(0, min(seconds, 3600)) * 1000))
        return await withCheckedContinuation { continuation in
            timedWaiters[run.id, default: [:]][token] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: limit)
                await self?.expireWait(run.id, token)
            }
        }
    }

    private func expireWait(_ runId: String, _ token: UUID) {
        guard let continuation = timedWaiters[runId]?.removeValue(forKey: token) else { return }
        if timedWaiters[runId]?.isEmpty == true { timedWaiters.removeValue(forKey: runId) }
        continuation.resume(returning: nil)
    }

    /// Waits until no run is queued or running.
    public func waitUntilIdle() async {
        if queue.isIdle, unqueued.isEmpty { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    // MARK: Scheduling

    func enqueue(_ run: RunRecord) {
        queue.add(run)
        launchReady()
    }

    /// Starts a run at once, outside the queue's concurrency limits (child flows: their parent holds a slot while it
    /// waits for them).
    func startUnqueued(_ run: RunRecord) {
        unqueued.insert(run.id)
        launch(run)
        observeQueue()
    }

    /// The flow with this id (nil when it does not exist or its file is broken): On flows (and files read since the last load) from memory; an Off flow the last load
    /// left out is read from its file when first asked for, and kept until the next reload.
    func loadedFlow(_ id: String) -> Flow? {
        if let flow = flows[id] { return flow }
        let store = FlowStore(home: home)
        guard let file = flowFiles.skippedFile(id: id, in: store), let flow = try? store.read(file), flow.id == id else { return nil }
        flows[id] = flow
        return flow
    }

    /// Every loaded flow.
    var loadedFlows: [Flow] { Array(flows.values) }

    private func launchReady() {
        let limits = concurrency
        while let run = queue.next(global: configuration.globalConcurrency, perFlow: { limits.runs($0) }) {
            launch(run)
        }
        observeQueue()
    }

    private func launch(_ run: RunRecord) {
        observeLaunch(run)
        guard let flow = loadedFlow(run.flowId) else {
            var orphan = run
            orphan.status = .failed
            orphan.errorMessage = "the flow '\(run.flowId)' no longer exists"
            orphan.finishedAt = Date()
            try? history.saveRun(orphan)
            completed(orphan)
            return
        }
        var run = run
        run.startedAt = run.startedAt ?? Date()
        let executor = RunExecutor(flow: flow, environment: environment(for: flow, run: run), state: RunState(checkpoint: run.checkpoint))
        let history = self.history, started = run
        Task.detached { [weak self] in
            // Recorded before any step runs, so a run that takes the runner down is known at the next start.
            try? await history.markRunning(started)
            let result = await executor.execute(started)
            await self?.completed(result)
        }
    }

    private func environment(for flow: Flow, run: RunRecord) -> RunEnvironment {
        let cacheKey = flow.id
        let cache = caches[cacheKey] ?? ExpressionCache()
        caches[cacheKey] = cache
        let history = self.history
        var environment = RunEnvironment(delivery: delivery, connections: connections, dataActions: dataActions, cache: cache,
                                         deadline: (run.startedAt ?? Date()).addingTimeInterval(configuration.runTimeLimit), dryRun: run.dryRun,
                                         save: { record, steps, first in
                                             let stamped = steps.map { step -> StepRecord in
                                                 var step = step
                                                 step.runId = run.id
                                                 return step
                                             }
                                             try? await history.saveRunBatched(record, steps: stamped, firstSequence: first)
                                         })
        environment.metrics = configuration.metrics
        environment.logger = configuration.logger
        wireRequests(&environment, run: run)
        return environment
    }

    private func completed(_ run: RunRecord) {
        observeFinish(run)
        if unqueued.remove(run.id) == nil { queue.finish(run, perFlow: concurrency.runs(run.flowId)) }
        let responses = self.responses
        Task { await responses.finished(run) }
        for waiter in waiters.removeValue(forKey: run.id) ?? [] { waiter.resume(returning: run) }
        for waiter in (timedWaiters.removeValue(forKey: run.id) ?? [:]).values { waiter.resume(returning: run) }
        launchReady()
        if queue.isIdle, unqueued.isEmpty {
            for waiter in idleWaiters { waiter.resume() }
            idleWaiters.removeAll()
        }
    }
}

/// Runner failures a caller can act on.
public enum RunnerError: Error, CustomStringConvertible, Sendable {
    case runNotFound(String)
    case flowNotFound(String)

    public var description: String {
        switch self {
        case .runNotFound(let id): return "no run '\(id)'; `insightflow runs` lists them"
        case .flowNotFound(let id): return "the flow '\(id)' does not exist any more"
        }
    }
}
