import Foundation
import GRDB

/// A loaded customer-data workspace: its definition, its store, and the refresh operations that publish events.
public actor Workspace {
    /// The workspace folder (holding `workspace.json`, `data/` and `insights.sqlite`).
    public nonisolated let folder: URL
    /// The validated definition.
    public nonisolated let definition: WorkspaceDefinition
    let pool: DatabasePool
    private let hub = EventHub()
    private let order: [InsightItem]
    private let clock: @Sendable () -> Date
    private var lastRefresh: Task<Void, Never>?

    private init(folder: URL, definition: WorkspaceDefinition, pool: DatabasePool, order: [InsightItem], clock: @escaping @Sendable () -> Date) {
        self.folder = folder
        self.definition = definition
        self.pool = pool
        self.order = order
        self.clock = clock
    }

    /// The workspace folder inside an InsightFlow home.
    public static func folder(inHome home: URL) -> URL { home.appendingPathComponent("workspace", isDirectory: true) }

    /// Loads the workspace of an InsightFlow home, first writing the sample workspace if the home has none.
    public static func loadCreatingSample(home: URL) throws -> Workspace {
        let folder = folder(inHome: home)
        try SampleWorkspace.writeIfAbsent(to: folder)
        return try load(folder: folder)
    }

    /// Loads and validates `workspace.json` in `folder` and opens the store; `clock` is the "now" of date rules.
    public static func load(folder: URL, clock: @escaping @Sendable () -> Date = { Date() }) throws -> Workspace {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(WorkspaceDefinition.fileName).path) else {
            throw InsightsError.workspaceMissing(path: folder.path)
        }
        let definition = try WorkspaceDefinition.load(folder: folder)
        let order = try DependencyOrder.resolve(definition, file: folder.appendingPathComponent(WorkspaceDefinition.fileName).path)
        let pool = try InsightsStore.open(folder: folder)
        try pool.write { db in try InsightsStore.ensureCustomerTable(db, fields: definition.unification.fields) }
        return Workspace(folder: folder, definition: definition, pool: pool, order: order, clock: clock)
    }

    /// A stream of every event published from now on; any number of subscribers may listen.
    public nonisolated func events() -> AsyncStream<InsightsEvent> { hub.subscribe() }

    /// Ends every event stream once its buffered events are read (at shutdown, so a listener can drain them).
    public nonisolated func finishEvents() { hub.finish() }

    /// Refreshes one data source and publishes its succeeded/failed event.
    @discardableResult
    public func refreshSource(named name: String) async throws -> SourceRefreshResult {
        guard let source = definition.source(named: name) else { throw InsightsError.unknownSource(name) }
        let refresher = SourceRefresher(source: source, folder: folder)
        let pool = pool
        let result = try await serialized { try refresher.refresh(pool) }
        hub.publish(result.succeeded ? .dataSourceRefreshSucceeded(result) : .dataSourceRefreshFailed(result))
        return result
    }

    /// Runs a full refresh: sources, unification, measures and segments, publishing an event per stage.
    ///
    /// Refreshes of one workspace run one at a time; the work runs off the Swift concurrency pool.
    @discardableResult
    public func refreshAll(progress: (@Sendable (RefreshProgress) -> Void)? = nil) async throws -> FullRefreshSummary {
        let refresh = FullRefresh(
            definition: definition, folder: folder, pool: pool, hub: hub, order: order, now: clock(), progress: progress)
        return try await serialized { try refresh.run() }
    }

    /// Runs `work` after every refresh started before it has finished, off the concurrency pool.
    private func serialized<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let previous = lastRefresh
        let task = Task { () throws -> T in
            await previous?.value
            return try await Self.offload(work)
        }
        lastRefresh = Task { _ = try? await task.value }
        return try await task.value
    }

    /// Runs blocking database work on a dispatch queue so it does not occupy a concurrency pool thread.
    private static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Sources, profile count, segments and measures with their latest values.
    public func status() throws -> WorkspaceStatus {
        try pool.read { db in try WorkspaceStatusReader(definition: definition, folder: folder).read(db) }
    }

    /// Ids of the current members of a segment, sorted, at most `limit`.
    public func members(ofSegment name: String, limit: Int = 100) throws -> [String] {
        guard definition.segment(named: name) != nil else { throw InsightsError.unknownSegment(name) }
        return try pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT customer_id FROM segment_member WHERE segment = ? ORDER BY customer_id LIMIT ?",
                arguments: [name, limit])
        }
    }

    /// One unified profile's field values by field name (nil if unknown id).
    public func profile(id: String) throws -> [String: String]? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE customer_id = ?", arguments: [id]) else { return nil }
            var fields: [String: String] = [:]
            for (column, value) in row {
                switch value.storage {
                case .string(let text): fields[column] = text
                case .int64(let number): fields[column] = String(number)
                case .double(let number): fields[column] = String(number)
                case .null, .blob: break
                }
            }
            return fields
        }
    }

    /// The newest entries of the refresh log, newest first.
    public func refreshLog(limit: Int = 50) throws -> [SourceRefreshRecord] {
        try pool.read { db in try SourceRefreshRecord.fetchAll(db, sql: "\(SourceRefreshRecord.selectSQL) ORDER BY started_at DESC, rowid DESC LIMIT ?", arguments: [limit]) }
    }
}
