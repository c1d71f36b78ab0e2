import Foundation
import Logging
import PostgresNIO
import PostgresStore
import Synchronization

/// The PostgreSQL server the tests use: `INSIGHTFLOW_TEST_POSTGRES` when set (scripts/test.sh starts a throwaway
/// cluster and sets it), else a throwaway cluster this process starts on 127.0.0.1 with
/// scripts/postgres-cluster.sh and stops at exit. Each test gets a database of its own, dropped afterwards.
enum TestPostgres {
    private static let started = Mutex<Result<PostgresStoreURL, PostgresStoreError>?>(nil)

    /// The server's address (starting the cluster on first use).
    static func serverURL() throws -> PostgresStoreURL {
        try started.withLock { state -> Result<PostgresStoreURL, PostgresStoreError> in
            if let state { return state }
            let result = Result { try locateOrStart() }.mapError { $0 as? PostgresStoreError ?? PostgresStoreError("\($0)") }
            state = result
            return result
        }.get()
    }

    private static func locateOrStart() throws -> PostgresStoreURL {
        if let text = ProcessInfo.processInfo.environment["INSIGHTFLOW_TEST_POSTGRES"], !text.isEmpty {
            return try PostgresStoreURL(text)
        }
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/postgres-cluster.sh").path
        let port = 55_000 + Int(getpid() % 5_000)
        let dir = "/tmp/insightflow-test-pg-\(getpid())"
        try run(["bash", script, "start", dir, String(port)])
        clusterDir.withLock { $0 = dir }
        atexit {
            guard let dir = TestPostgres.clusterDir.withLock({ $0 }) else { return }
            let script = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("scripts/postgres-cluster.sh").path
            _ = try? TestPostgres.run(["bash", script, "stop", dir])
        }
        return try PostgresStoreURL("postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable")
    }

    fileprivate static let clusterDir = Mutex<String?>(nil)

    /// Runs the script with its output discarded and waits for it with `waitpid`. Not Foundation's `Process`: its
    /// `waitUntilExit` was seen to wait forever for this script in the test process, and a pipe's write end can be
    /// inherited by a process another test spawns at the same moment.
    fileprivate static func run(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw PostgresStoreError("\(arguments.joined(separator: " ")) could not start (errno \(spawned))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw PostgresStoreError("waiting for \(arguments.joined(separator: " ")) failed (errno \(errno))") }
        }
        guard status == 0 else {
            throw PostgresStoreError("\(arguments.joined(separator: " ")) failed with wait status \(status)")
        }
    }

    /// Runs `body` with a client on a fresh database of its own, which is dropped afterwards.
    static func withDatabase<T: Sendable>(_ body: (PostgresClient, PostgresStoreURL) async throws -> T) async throws -> T {
        let server = try serverURL()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await withClient(server.with(database: "postgres")) { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        let url = server.with(database: name)
        do {
            let result = try await withClient(url) { try await body($0, url) }
            try await drop(name, server: server)
            return result
        } catch {
            try? await drop(name, server: server)
            throw error
        }
    }

    private static func drop(_ name: String, server: PostgresStoreURL) async throws {
        try await withClient(server.with(database: "postgres")) { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }

    /// Runs `body` with a running client on `url`, shut down afterwards.
    @discardableResult
    static func withClient<T: Sendable>(_ url: PostgresStoreURL, _ body: (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: Logger(label: "test.postgres"))
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        return try await body(client)
    }
}
