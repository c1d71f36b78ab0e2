import ArgumentParser
import FlowModel
import Foundation
import PostgresStore

/// `insightflow store …`: set up the shared PostgreSQL store and move flows between it and a home.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The shared PostgreSQL store: set it up, see its state, push and pull flows.",
        subcommands: [StoreMigrateCommand.self, StoreStatusCommand.self, StorePushCommand.self, StorePullCommand.self]
    )
}

/// The `--store` option (else `$INSIGHTFLOW_STORE`).
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The shared store, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require] (default: $INSIGHTFLOW_STORE).")
    var store: String?

    /// The parsed address; a missing or bad one is reported with the fix and exits with status 64 (usage).
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresStoreURL {
        guard let text = store ?? environment["INSIGHTFLOW_STORE"], !text.isEmpty else {
            FileHandle.standardError.write(Data("error: no shared store given; pass --store postgres://USER@HOST:5432/DATABASE or set INSIGHTFLOW_STORE\n".utf8))
            throw ExitCode.validationFailure
        }
        do { return try PostgresStoreURL(text) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.validationFailure
        }
    }
}

/// `insightflow store migrate`: brings the store's schema to this build's version (forward only).
struct StoreMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the shared store's tables (forward only; safe to run on every node).")
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let url = try store.resolve()
        let applied = try await Self.reporting {
            try await PostgresSession.with(url) { client in try await PostgresSchema.migrate(client) }
        }
        let latest = PostgresMigrations.all.last?.version ?? 0
        print(applied.isEmpty ? "schema already at version \(latest)" : "applied \(applied.map(String.init).joined(separator: ", ")); schema at version \(latest)")
    }
}

/// `insightflow store status`: schema version, flows and runs by status.
struct StoreStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the shared store's schema version, its flows and its runs by status.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let url = try store.resolve()
        let status = try await Self.reporting {
            try await PostgresSession.with(url) { client -> SharedStoreStatus in
                let version = try await PostgresSchema.version(client)
                guard version > 0 else { return SharedStoreStatus(schemaVersion: 0, flows: [], runs: [:]) }
                let flows = try await PostgresFlowStore(client: client).list()
                let runs = try await PostgresRunQueue(client: client, owner: "status").counts()
                return SharedStoreStatus(schemaVersion: version, flows: flows.map { .init(id: $0.id, version: $0.version, savedBy: $0.savedBy) }, runs: runs)
            }
        }
        if json { Self.printEncodable(status); return }
        guard status.schemaVersion > 0 else {
            print("the store is empty; run `insightflow store migrate` to set it up")
            return
        }
        print("schema version \(status.schemaVersion)")
        print("\(status.flows.count) flow(s)")
        for flow in status.flows { print("  \(flow.id)  v\(flow.version)  saved by \(flow.savedBy)") }
        let runs = status.runs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        print("runs: \(runs.isEmpty ? "none" : runs.joined(separator: ", "))")
    }
}

/// What `store status --json` prints.
struct SharedStoreStatus: Codable, Sendable {
    struct FlowEntry: Codable, Sendable { var id: String; var version: Int; var savedBy: String }
    var schemaVersion: Int
    var flows: [FlowEntry]
    var runs: [String: Int]
}

/// `insightflow store push [FLOW…]`: the home's flows become new versions in the shared store.
struct StorePushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Save the home's flows (all, or those named) as new versions in the shared store.",
        discussion: "A flow changed in the store since this home last pulled or pushed it is refused (pull first, or --force to replace it); an unchanged flow is skipped.")
    @OptionGroup var home: HomeOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: "Flow ids or names (default: every flow in the home).") var flows: [String] = []
    @Flag(help: "Replace flows that changed in the store since this home last saw them.") var force = false

    func run() async throws {
        let url = try store.resolve()
        let location = home.location
        let local = try Self.localFlows(location, named: flows)
        var sync = SharedStoreSync.load(location)
        let seen = sync.versions
        let savedBy = SharedStoreSync.saver()
        let force = self.force
        let outcomes = try await Self.reporting {
            try await PostgresSession.with(url) { client -> [SharedStoreSync.Outcome] in
                let shared = PostgresFlowStore(client: client)
                var outcomes: [SharedStoreSync.Outcome] = []
                for stored in local {
                    let bytes = try AtomicFile.read(stored.file)
                    let text = String(decoding: bytes, as: UTF8.self)
                    let remote = try await shared.load(id: stored.flow.id)
                    if let remote, SharedStoreSync.sameContent(stored.flow, remote) {
                        outcomes.append(.init(id: stored.flow.id, version: remote.version, message: "unchanged (v\(remote.version))"))
                        continue
                    }
                    if let remote, remote.version != seen[stored.flow.id], !force {
                        let last = seen[stored.flow.id].map { "last saw v\($0)" } ?? "never pulled it"
                        outcomes.append(.init(id: stored.flow.id, version: nil, message: "refused: the store has v\(remote.version) saved by \(remote.savedBy), this home \(last); run `insightflow store pull \(stored.flow.id)` first, or push --force to replace it"))
                        continue
                    }
                    let version = try await shared.save(id: stored.flow.id, documentJSON: text, expectedVersion: remote?.version, savedBy: savedBy)
                    outcomes.append(.init(id: stored.flow.id, version: version, message: "pushed as v\(version)"))
                }
                return outcomes
            }
        }
        try Self.finish(outcomes, sync: &sync, home: location)
    }

    /// The home's flows, all or those named; a name that matches nothing fails before anything is sent.
    static func localFlows(_ location: InsightFlowHome, named: [String]) throws -> [StoredFlow] {
        let store = FlowStore(home: location)
        if named.isEmpty {
            let listing = store.list()
            for broken in listing.broken { printError("skipped: \(broken)") }
            return listing.flows
        }
        return try named.map { name in try storeCall { () throws(FlowStoreError) in try store.find(name) } }
    }

    /// Prints each outcome, records the versions now in step, and fails when any flow was refused.
    static func finish(_ outcomes: [SharedStoreSync.Outcome], sync: inout SharedStoreSync, home: InsightFlowHome) throws {
        var refused = 0
        for outcome in outcomes {
            print("\(outcome.id): \(outcome.message)")
            if let version = outcome.version { sync.versions[outcome.id] = version } else { refused += 1 }
        }
        try storeCall { () throws(FlowStoreError) in try sync.save(home) }
        if refused > 0 { throw ExitCode(1) }
    }
}

/// `insightflow store pull [FLOW…]`: the shared store's latest versions become the home's flows.
struct StorePullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Save the shared store's latest flows (all, or those named) into the home.",
        discussion: "A flow the home already has is saved as its next version, so the replaced one stays in its history (`flow history`).")
    @OptionGroup var home: HomeOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: "Flow ids (default: every flow in the store).") var flows: [String] = []

    func run() async throws {
        let url = try store.resolve()
        let location = home.location
        let named = flows
        let remote = try await Self.reporting {
            try await PostgresSession.with(url) { client -> [SharedFlow] in
                let shared = PostgresFlowStore(client: client)
                if named.isEmpty { return try await shared.list() }
                return try await named.asyncMap { id in
                    guard let flow = try await shared.load(id: id) else {
                        throw PostgresStoreError("the shared store has no flow \(id); `insightflow store status` lists them")
                    }
                    return flow
                }
            }
        }
        var sync = SharedStoreSync.load(location)
        let store = FlowStore(home: location)
        var outcomes: [SharedStoreSync.Outcome] = []
        for flow in remote {
            outcomes.append(Self.pull(flow, into: store))
        }
        try StorePushCommand.finish(outcomes, sync: &sync, home: location)
    }

    /// Saves one shared flow into the home (created, saved as the next version, or left as it is).
    static func pull(_ shared: SharedFlow, into store: FlowStore) -> SharedStoreSync.Outcome {
        let incoming: Flow
        do {
            incoming = try FlowCodec.decode(Array(shared.documentJSON.utf8), file: "shared store flow \(shared.id) v\(shared.version)")
        } catch {
            return .init(id: shared.id, version: nil, message: "refused: \(error)")
        }
        var flow = incoming
        flow.id = shared.id
        do {
            if let existing = try? store.load(id: shared.id) {
                if SharedStoreSync.sameContent(existing.flow, shared) {
                    return .init(id: shared.id, version: shared.version, message: "unchanged (v\(shared.version))")
                }
                let saved = try store.save(flow, expectedVersion: existing.flow.version, origin: .import, note: "pulled v\(shared.version) from the shared store")
                return .init(id: shared.id, version: shared.version, message: "pulled v\(shared.version) (home version \(saved.version); the one it replaced is in `flow history \(shared.id)`)")
            }
            _ = try store.create(flow, origin: .import)
            return .init(id: shared.id, version: shared.version, message: "pulled v\(shared.version) (new in this home)")
        } catch {
            return .init(id: shared.id, version: nil, message: "refused: \(error)")
        }
    }
}

/// Which shared-store version each of a home's flows was last pulled or pushed at (`shared-store.json`).
struct SharedStoreSync: Codable, Sendable {
    /// One flow's result of a push or pull; `version` is nil when it was refused.
    struct Outcome: Sendable { var id: String; var version: Int?; var message: String }

    var versions: [String: Int] = [:]

    /// The home's record; a missing or unreadable file means nothing was synced yet.
    static func load(_ home: InsightFlowHome) -> SharedStoreSync {
        guard let data = try? Data(contentsOf: home.sharedStoreFile),
              let decoded = try? JSONDecoder().decode(SharedStoreSync.self, from: data) else { return SharedStoreSync() }
        return decoded
    }

    /// Writes the record atomically.
    func save(_ home: InsightFlowHome) throws(FlowStoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        try AtomicFile.write(Array(data), to: home.sharedStoreFile)
    }

    /// Whether `local` and the shared document describe the same flow, ignoring the bookkeeping each side stamps
    /// (version and timestamps).
    static func sameContent(_ local: Flow, _ shared: SharedFlow) -> Bool {
        guard var remote = try? FlowCodec.decode(Array(shared.documentJSON.utf8)) else { return false }
        var mine = local
        mine.id = shared.id; remote.id = shared.id
        mine.version = 0; remote.version = 0
        mine.createdAt = nil; remote.createdAt = nil
        mine.modifiedAt = nil; remote.modifiedAt = nil
        mine.enabledAt = nil; remote.enabledAt = nil
        return mine == remote
    }

    /// Who saves: `$USER@hostname`.
    static func saver() -> String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "insightflow"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}

extension Array where Element: Sendable {
    /// Maps one element after another with an async transform.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
