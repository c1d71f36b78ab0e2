import Logging
import PostgresNIO

/// Exactly one node at a time does the work named by a key (the refresh schedule, the Recurrence triggers):
/// the leader holds a session-level advisory lock on its own connection, so when the node dies or its
/// connection is cut the server releases the lock and another node takes over.
public struct PostgresLeader: Sendable {
    /// The advisory lock of the schedules (refresh schedule and Recurrence triggers).
    public static let schedulesKey: Int64 = 0x496E_7346_6C6F_7702

    let client: PostgresClient
    let key: Int64
    let logger: Logger

    public init(client: PostgresClient, key: Int64 = Self.schedulesKey, logger: Logger = Logger(label: "insightflow.postgres")) {
        self.client = client
        self.key = key
        self.logger = logger
    }

    /// Waits until this node is the leader (trying every `retry`), runs `body` while leading, then gives the lead
    /// up. Returns `nil` when cancelled before it became the leader.
    public func lead<Result: Sendable>(
        retry: Duration = .seconds(1),
        _ body: @Sendable () async throws -> Result
    ) async throws -> Result? {
        let key = self.key
        let logger = self.logger
        return try await client.withConnection { connection in
            while !Task.isCancelled {
                var acquired = false
                for try await value in try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger).decode(Bool.self) {
                    acquired = value
                }
                if acquired {
                    do {
                        let result = try await body()
                        try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
                        return result
                    } catch {
                        _ = try? await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
                        throw error
                    }
                }
                try? await Task.sleep(for: retry)
            }
            return nil
        }
    }
}
