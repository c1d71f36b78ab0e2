import FlowModel

extension ConnectionStore {
    /// What the flow checker needs to know of the connections: name → kind (`teams`, `smtp`, `http`, `outbox`).
    public func checkContext() throws -> CheckContext {
        CheckContext(connections: Dictionary(try load().map { ($0.name, $0.kind.rawValue) }, uniquingKeysWith: { first, _ in first }))
    }
}
