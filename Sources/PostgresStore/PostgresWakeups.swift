import Logging
import PostgresNIO

/// Wakes a worker when the intake queues runs (`LISTEN insightflow_runs`), so idle nodes do not poll.
public enum PostgresWakeups {
    /// Listens on `channel` on a connection held for as long as the returned stream is consumed; each
    /// notification yields once, and it yields once when listening has begun (claim then, so no run queued
    /// in between is missed). The stream finishes when the connection ends (the caller falls back to a slow
    /// poll and listens again).
    public static func listen(
        client: PostgresClient,
        channel: String = PostgresIntake.runsChannel,
        logger: Logger = Logger(label: "insightflow.postgres")
    ) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let task = Task {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: channel) { notifications in
                        continuation.yield()
                        for try await _ in notifications {
                            if Task.isCancelled { break }
                            continuation.yield()
                        }
                    }
                }
            } catch {
                logger.warning("listen on \(channel) ended: \(error)")
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
