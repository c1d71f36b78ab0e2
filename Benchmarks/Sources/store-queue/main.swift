// The shared PostgreSQL store's queue, measured on its own (issue #20): events accepted through the intake
// (one transaction each), runs claimed with FOR UPDATE SKIP LOCKED, four checkpoints (one per step of the 4-step
// benchmark flow) and a fenced finish. No flow is executed: this is the store's cost per run, the ceiling the
// runner on PostgreSQL cannot exceed.
//
// usage: store-queue POSTGRES_URL [EVENTS] [PRODUCERS] [WORKERS] [RATE]  (RATE: events/s offered in the third phase)
// POSTGRES_URL names a server and a database the benchmark may create databases from (it creates bench_<pid>,
// drops it at the end). Prints events/s, runs/s and latencies.
import Foundation
import Logging
import PostgresNIO
import PostgresStore

let arguments = CommandLine.arguments
guard arguments.count >= 2, let server = try? PostgresStoreURL(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: store-queue postgres://USER@HOST:PORT/postgres?sslmode=disable [EVENTS] [PRODUCERS] [WORKERS]\n".utf8))
    exit(2)
}
let events: Int = arguments.count > 2 ? max(1, min(Int(arguments[2]) ?? 20_000, 10_000_000)) : 20_000
let producers: Int = arguments.count > 3 ? max(1, min(Int(arguments[3]) ?? 8, 64)) : 8
let workers: Int = arguments.count > 4 ? max(1, min(Int(arguments[4]) ?? 4, 64)) : 4
/// Events per second offered in the third phase (0: as fast as the producers go).
let rate: Double = arguments.count > 5 ? max(0, min(Double(arguments[5]) ?? 0, 1_000_000)) : 0
let logger = Logger(label: "store-queue")

/// The phases and their measurements.
enum StoreQueue {
    /// Percentile of sorted seconds, in milliseconds.
    static func percentile(_ sorted: [Double], _ p: Double) -> String {
        guard !sorted.isEmpty else { return "-" }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return "\((sorted[index] * 100_000).rounded() / 100) ms"
    }

    /// Seconds since an arbitrary start (monotonic).
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Accepts `count` events from `producers` concurrent tasks; returns each accept's latency and its run's accept time.
    static func produce(_ client: PostgresClient, count: Int, prefix: String, producers: Int, rate: Double = 0) async throws -> (latencies: [Double], acceptedAt: [String: Double]) {
        let intake = PostgresIntake(client: client, logger: Logger(label: "store-queue"))
        let begin = now()
        return try await withThrowingTaskGroup(of: ([Double], [String: Double]).self) { group in
            for producer in 0..<producers {
                group.addTask {
                    var latencies: [Double] = []
                    var accepted: [String: Double] = [:]
                    var index = producer
                    while index < count {
                        let event = StoredEvent(id: "\(prefix)-\(index)", triggerType: "DataSourceRefreshFailed", subject: "Orders",
                                                payloadJSON: #"{"dataSourceName":"Orders","errorMessage":"file missing"}"#, receivedBy: "bench")
                        if rate > 0 {
                            // Event i is due at begin + i / rate: an open-loop load at a steady rate.
                            let wait = begin + Double(index) / rate - now()
                            if wait > 0 { try await Task.sleep(for: .microseconds(Int(wait * 1_000_000))) }
                        }
                        let start = now()
                        let outcome = try await intake.accept(event, matches: [IntakeMatch(flowId: "teams-on-failure", flowVersion: 1)])
                        let end = now()
                        latencies.append(end - start)
                        for run in outcome.runIds { accepted[run] = end }
                        index += producers
                    }
                    return (latencies, accepted)
                }
            }
            var latencies: [Double] = []
            var accepted: [String: Double] = [:]
            for try await (part, times) in group {
                latencies += part
                accepted.merge(times) { first, _ in first }
            }
            return (latencies.sorted(), accepted)
        }
    }

    /// Claims and finishes runs with `workers` tasks until `target` runs finished; returns each run's claim time.
    static func drain(_ client: PostgresClient, target: Int, workers: Int) async throws -> [String: Double] {
        let finished = Counter()
        return try await withThrowingTaskGroup(of: [String: Double].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let queue = try PostgresRunQueue(client: client, owner: "bench-\(worker)", leaseSeconds: 30, logger: Logger(label: "store-queue"))
                    var claimedAt: [String: Double] = [:]
                    while await finished.value < target {
                        let claims = try await queue.claim(limit: 16)
                        if claims.isEmpty { try await Task.sleep(for: .milliseconds(1)); continue }
                        let at = now()
                        for claim in claims {
                            claimedAt[claim.runId] = at
                            for step in 1...4 {
                                _ = try await queue.checkpoint(claim, json: #"{"completedSteps":\#(step)}"#)
                            }
                            _ = try await queue.finish(claim, status: "Succeeded")
                        }
                        await finished.add(claims.count)
                    }
                    return claimedAt
                }
            }
            var claimed: [String: Double] = [:]
            for try await part in group { claimed.merge(part) { first, _ in first } }
            return claimed
        }
    }

}

/// A shared count of finished runs.
actor Counter {
    var value = 0
    func add(_ count: Int) { value += count }
}

let database = "bench_\(getpid())"
do {
    try await PostgresSession.with(server) { admin in
        try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"), logger: logger)
    }
    let url = server.with(database: database)
    try await PostgresSession.with(url) { client in
        try await PostgresSchema.migrate(client, logger: logger)
        print("store-queue: \(events) events, \(producers) producers, \(workers) workers, third phase at \(rate > 0 ? "\(Int(rate)) events/s" : "full speed"), PostgreSQL at \(url.host):\(url.port)")

        var start = StoreQueue.now()
        let intakeOnly = try await StoreQueue.produce(client, count: events, prefix: "a", producers: producers)
        var seconds = StoreQueue.now() - start
        print("intake alone:   \(Int(Double(events) / seconds)) events/s, accept p50 \(StoreQueue.percentile(intakeOnly.latencies, 0.5)), p99 \(StoreQueue.percentile(intakeOnly.latencies, 0.99))")

        start = StoreQueue.now()
        _ = try await StoreQueue.drain(client, target: events, workers: workers)
        seconds = StoreQueue.now() - start
        print("queue alone:    \(Int(Double(events) / seconds)) runs/s (claim, 4 checkpoints, finish)")

        start = StoreQueue.now()
        async let produced = StoreQueue.produce(client, count: events, prefix: "b", producers: producers, rate: rate)
        async let claimed = StoreQueue.drain(client, target: events, workers: workers)
        let (accepted, claims) = try await (produced, claimed)
        seconds = StoreQueue.now() - start
        let waits = accepted.acceptedAt.compactMap { run, at in claims[run].map { max(0, $0 - at) } }.sorted()
        print("both together:  \(Int(Double(events) / seconds)) runs/s, accepted → claimed p50 \(StoreQueue.percentile(waits, 0.5)), p99 \(StoreQueue.percentile(waits, 0.99))")
    }
    try await PostgresSession.with(server) { admin in
        try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE \(database) WITH (FORCE)"), logger: logger)
    }
} catch {
    FileHandle.standardError.write(Data("store-queue: \(error)\n".utf8))
    exit(1)
}
