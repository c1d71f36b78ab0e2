import Logging
import PostgresNIO

/// A flow as the shared store holds it: its document (the flow file's JSON) and its version.
public struct SharedFlow: Sendable, Equatable {
    public var id: String
    public var version: Int
    public var documentJSON: String
    public var savedBy: String
}

/// Flows shared by every node and designer, with their whole version history. A save names the version it
/// edited; if someone saved in between, it is refused instead of silently overwriting their change.
public struct PostgresFlowStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger = Logger(label: "insightflow.postgres")) {
        self.client = client
        self.logger = logger
    }

    /// Saves `documentJSON` as the next version of `id`. `expectedVersion` is the version the editor started from
    /// (`nil` for a new flow). Returns the new version; throws when another save came first.
    public func save(id: String, documentJSON: String, expectedVersion: Int?, savedBy: String) async throws -> Int {
        let logger = self.logger
        return try await client.inTransaction(logger: logger) { connection in
            var newVersion: Int?
            if let expectedVersion {
                for try await version in try await connection.query("""
                    UPDATE insightflow_flow SET version = version + 1, document = \(documentJSON)::json,
                        saved_by = \(savedBy), saved_at = now()
                    WHERE id = \(id) AND version = \(expectedVersion)
                    RETURNING version
                    """, logger: logger).decode(Int.self) {
                    newVersion = version
                }
            } else {
                for try await version in try await connection.query("""
                    INSERT INTO insightflow_flow (id, version, document, saved_by)
                    VALUES (\(id), 1, \(documentJSON)::json, \(savedBy))
                    ON CONFLICT (id) DO NOTHING RETURNING version
                    """, logger: logger).decode(Int.self) {
                    newVersion = version
                }
            }
            guard let newVersion else {
                let current = try await Self.currentVersion(id: id, on: connection, logger: logger)
                throw PostgresStoreError(current.map {
                    "flow \(id) was saved by someone else meanwhile (it is at version \($0), you edited \(expectedVersion.map(String.init) ?? "a new flow")); reload it and apply your change again"
                } ?? "flow \(id) no longer exists; it was deleted while you edited it — save it as a new flow")
            }
            try await connection.query("""
                INSERT INTO insightflow_flow_version (flow_id, version, document, saved_by)
                VALUES (\(id), \(newVersion), \(documentJSON)::json, \(savedBy))
                """, logger: logger)
            return newVersion
        }
    }

    /// The current version of a flow, or nil.
    public func load(id: String) async throws -> SharedFlow? {
        var flow: SharedFlow?
        for try await (version, document, savedBy) in try await client.query(
            "SELECT version, document::text, saved_by FROM insightflow_flow WHERE id = \(id)", logger: logger
        ).decode((Int, String, String).self) {
            flow = SharedFlow(id: id, version: version, documentJSON: document, savedBy: savedBy)
        }
        return flow
    }

    /// Every flow's current version, by id.
    public func list() async throws -> [SharedFlow] {
        var flows: [SharedFlow] = []
        for try await (id, version, document, savedBy) in try await client.query(
            "SELECT id, version, document::text, saved_by FROM insightflow_flow ORDER BY id", logger: logger
        ).decode((String, Int, String, String).self) {
            flows.append(SharedFlow(id: id, version: version, documentJSON: document, savedBy: savedBy))
        }
        return flows
    }

    /// Every saved version of a flow, newest first.
    public func versions(id: String) async throws -> [SharedFlow] {
        var flows: [SharedFlow] = []
        for try await (version, document, savedBy) in try await client.query(
            "SELECT version, document::text, saved_by FROM insightflow_flow_version WHERE flow_id = \(id) ORDER BY version DESC",
            logger: logger
        ).decode((Int, String, String).self) {
            flows.append(SharedFlow(id: id, version: version, documentJSON: document, savedBy: savedBy))
        }
        return flows
    }

    private static func currentVersion(id: String, on connection: PostgresConnection, logger: Logger) async throws -> Int? {
        var current: Int?
        for try await version in try await connection.query(
            "SELECT version FROM insightflow_flow WHERE id = \(id)", logger: logger
        ).decode(Int.self) {
            current = version
        }
        return current
    }
}
