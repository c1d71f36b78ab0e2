import PostgresNIO
import PostgresStore
import Testing

/// Shared flows: versioned, conflict-safe saves across people, with their whole history.
@Suite(.serialized) struct PostgresFlowStoreTests {
    @Test func savesAreVersionedAndAStaleSaveIsRefusedNotLost() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            let flows = PostgresFlowStore(client: client)
            let v1 = try await flows.save(id: "alert", documentJSON: #"{"name":"v1"}"#, expectedVersion: nil, savedBy: "ana")
            #expect(v1 == 1)
            let v2 = try await flows.save(id: "alert", documentJSON: #"{"name":"v2"}"#, expectedVersion: 1, savedBy: "ben")
            #expect(v2 == 2)
            do {
                _ = try await flows.save(id: "alert", documentJSON: #"{"name":"stale"}"#, expectedVersion: 1, savedBy: "ana")
                Issue.record("a save from version 1 overwrote version 2")
            } catch {
                #expect(String(describing: error).contains("at version 2"))
            }
            let current = try #require(try await flows.load(id: "alert"))
            #expect(current.version == 2)
            #expect(current.documentJSON.contains("v2"))
            #expect(current.savedBy == "ben")
            #expect(try await flows.versions(id: "alert").map(\.version) == [2, 1])
            await #expect(throws: PostgresStoreError.self) {
                try await flows.save(id: "alert", documentJSON: "{}", expectedVersion: nil, savedBy: "cy")
            }
            #expect(try await flows.load(id: "missing") == nil)
            #expect(try await flows.list().map(\.id) == ["alert"])
        }
    }

    /// A flow file keeps its exact text (key order, spacing) through the store, so a pulled file diffs clean.
    @Test func aDocumentComesBackByteForByte() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            let flows = PostgresFlowStore(client: client)
            let text = "{\n  \"zeta\": 1,\n  \"alpha\": {\"b\": [1, 2.50], \"a\": \"é\"}\n}\n"
            _ = try await flows.save(id: "f", documentJSON: text, expectedVersion: nil, savedBy: "ana")
            #expect(try await flows.load(id: "f")?.documentJSON == text)
        }
    }
}
