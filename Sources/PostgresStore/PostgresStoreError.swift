/// Why the PostgreSQL store refused or failed an operation, worded for the person who configured it.
public struct PostgresStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The message: what went wrong, where, and the fix.
    public let description: String

    public init(_ description: String) { self.description = description }
}
