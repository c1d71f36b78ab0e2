import Logging
import PostgresNIO

/// A short-lived connection to the shared store for one command: connects, checks the server answers within a
/// deadline (a wrong host or a stopped server gets a clear error instead of a hang), runs the body, shuts down.
public enum PostgresSession {
    /// Runs `body` with a running client on `url`. The server must answer `SELECT 1` within `connectTimeout` seconds.
    public static func with<T: Sendable>(
        _ url: PostgresStoreURL,
        connectTimeout: Double = 10,
        logger: Logger = Logger(label: "insightflow.postgres"),
        _ body: @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        try await probe(client, url: url, timeout: connectTimeout, logger: logger)
        return try await body(client)
    }

    /// Waits for `SELECT 1` at most `timeout` seconds (clamped to 0.1–300).
    static func probe(_ client: PostgresClient, url: PostgresStoreURL, timeout: Double, logger: Logger) async throws {
        let seconds = min(max(timeout, 0.1), 300)
        let place = "\(url.username)@\(url.host):\(url.port)/\(url.database)"
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    // One direct connection first: the pool would keep retrying a refused connection until the
                    // deadline; this fails at once with the reason.
                    let connection = try await PostgresConnection.connect(
                        configuration: try url.connectionConfiguration(), id: 0, logger: logger)
                    defer { Task { try? await connection.close() } }
                    try await connection.query("SELECT 1", logger: logger)
                    try await client.query("SELECT 1", logger: logger)
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                    return false
                }
                let answered = try await group.next() ?? false
                group.cancelAll()
                guard answered else {
                    throw PostgresStoreError(
                        "the store at \(place) did not answer within \(Int(seconds.rounded())) s; check the host and port, and that PostgreSQL is running and accepts connections from this machine")
                }
            }
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw PostgresStoreError("cannot use the store at \(place): \(String(reflecting: error)); check the address, user, password and database")
        }
    }
}
