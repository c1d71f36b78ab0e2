import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `body` in one transaction, like `withTransaction`, but a failure the body threw comes out as itself
    /// (postgres-nio wraps it in `PostgresTransactionError`), so callers see the store's own clear message.
    func inTransaction<Result: Sendable>(
        logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }
}
