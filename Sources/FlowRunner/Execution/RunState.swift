import FlowExpressions
import Foundation

/// Why a run stopped early: a Terminate step (named in `by`) or the run's time limit.
struct RunTermination: Error, Sendable {
    var status: RunStatus
    var code: String?
    var message: String?
    /// The Terminate step that ended the run; nil when the run's time limit did.
    var by: String? = nil

    /// The reason recorded on actions the termination left unrun.
    var reason: String {
        by.map { "the run was terminated by '\($0)'" } ?? "the run reached its time limit"
    }

    /// A readable one-line account: `Failed (MyCode): message`.
    var summary: String {
        var text = status.rawValue
        if let code { text += " (\(code))" }
        if let message { text += ": " + message }
        return text
    }
}

/// The mutable state of one run: variables, step results and the step records not yet saved.
/// Loop iterations may run concurrently, so every access takes the lock.
final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var variables: [String: JSONValue] = [:]
    private var results: [String: JSONValue] = [:]
    private var scopes: [String: [JSONValue]] = [:]
    private var pending: [StepRecord] = []
    private var nextSequence = 0
    private var stop: RunTermination?
    /// Steps with secure inputs or outputs: their results are kept for expressions but never written to a checkpoint.
    private var secure: Set<String> = []
    private let trackingBase: String = String(UUID().uuidString.lowercased().dropLast(8)) + "-"
    private var trackingCounter = 0

    /// A fresh state, or one restored from a checkpoint.
    init(checkpoint: JSONValue? = nil) {
        guard let checkpoint else { return }
        variables = checkpoint["variables"]?.objectValue.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) } ?? [:]
        results = checkpoint["results"]?.objectValue.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) } ?? [:]
        nextSequence = checkpoint["sequence"]?.intValue ?? 0
    }

    func variable(_ name: String) -> JSONValue? { lock.withLock { variables[name.lowercased()] } }
    func setVariable(_ name: String, _ value: JSONValue) { lock.withLock { variables[name.lowercased()] = value } }
    func hasVariable(_ name: String) -> Bool { lock.withLock { variables[name.lowercased()] != nil } }

    /// Appends to an array variable atomically.
    func append(_ value: JSONValue, toVariable name: String) -> Bool {
        lock.withLock {
            guard case .array(var items)? = variables[name.lowercased()] else { return false }
            items.append(value)
            variables[name.lowercased()] = .array(items)
            return true
        }
    }

    /// Replaces a variable's value with `change(current, declaredType)` atomically (Increment, Decrement, Append to
    /// string run safely in parallel loop iterations); nil when the variable does not exist.
    func modifyVariable(_ name: String, typeKey: String, _ change: (JSONValue, String) throws(StepFailure) -> JSONValue) throws(StepFailure) -> JSONValue? {
        lock.lock()
        defer { lock.unlock() }
        guard let current = variables[name.lowercased()] else { return nil }
        let updated = try change(current, variables[typeKey.lowercased()]?.stringValue ?? "")
        variables[name.lowercased()] = updated
        return updated
    }

    /// A tracking id for the next action result: one random base per run and a counter (no system call per action).
    func nextTrackingId() -> String {
        lock.withLock {
            trackingCounter += 1
            return trackingBase + String(trackingCounter, radix: 16)
        }
    }

    /// Records the first termination; later ones are ignored (the run ends once).
    func terminate(_ termination: RunTermination) { lock.withLock { if stop == nil { stop = termination } } }
    /// The termination that ended the run, if any.
    var termination: RunTermination? { lock.withLock { stop } }

    func result(_ name: String) -> JSONValue? { lock.withLock { results[name] } }
    func scopeResults(_ name: String) -> [JSONValue]? { lock.withLock { scopes[name] } }

    /// Records a step's result (`actions('name')`), its entry in the enclosing scope's `result()` and its history record.
    func finish(_ record: StepRecord, result: JSONValue, scopeEntry: JSONValue, scope: String?, secure isSecure: Bool) {
        lock.withLock {
            results[record.stepName] = result
            if isSecure { secure.insert(record.stepName) }
            if let scope { scopes[scope, default: []].append(scopeEntry) }
            pending.append(record)
        }
    }

    /// Takes the step records not yet saved, with the sequence number of the first.
    func takePending() -> (records: [StepRecord], firstSequence: Int) {
        lock.withLock {
            let taken = pending
            let first = nextSequence
            nextSequence += taken.count
            pending.removeAll(keepingCapacity: true)
            return (taken, first)
        }
    }

    /// The state to save after a top-level step: variables, results and the next sequence number.
    func checkpoint(completed: [String: StepStatus]) -> JSONValue {
        lock.withLock {
            .object([
                "variables": .object(.init(uniqueKeysWithValues: variables.sorted { $0.key < $1.key })),
                "results": .object(.init(uniqueKeysWithValues: results.sorted { $0.key < $1.key }.map { name, result in
                    (name, secure.contains(name) ? SecureData.redactedResult(result) : result)
                })),
                "completed": .object(.init(uniqueKeysWithValues: completed.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.rawValue)) })),
                "sequence": .int(nextSequence + pending.count),
            ])
        }
    }
}
