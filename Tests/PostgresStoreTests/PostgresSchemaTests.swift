import PostgresNIO
@testable import PostgresStore
import Testing

@Suite(.serialized) struct PostgresSchemaTests {
    @Test func anEmptyDatabaseGetsEveryStepOnceAndOnlyOnce() async throws {
        try await TestPostgres.withDatabase { client, _ in
            #expect(try await PostgresSchema.version(client) == 0)
            let first = try await PostgresSchema.migrate(client)
            #expect(first == PostgresMigrations.all.map(\.version))
            #expect(try await PostgresSchema.version(client) == PostgresMigrations.latest)
            let again = try await PostgresSchema.migrate(client)
            #expect(again.isEmpty)
        }
    }

    @Test func aDatabaseAtThePreviousVersionIsUpgradedKeepingItsRows() async throws {
        try await TestPostgres.withDatabase { client, _ in
            let previous = Array(PostgresMigrations.all.dropLast())
            try await PostgresSchema.migrate(client, migrations: previous)
            #expect(try await PostgresSchema.version(client) == PostgresMigrations.latest - 1)
            let intake = PostgresIntake(client: client)
            let event = StoredEvent(id: "e1", triggerType: "FullRefreshCompleted", subject: nil, payloadJSON: "{}", receivedBy: "n1")
            let outcome = try await intake.accept(event, matches: [IntakeMatch(flowId: "f", flowVersion: 1)])
            #expect(outcome.runIds.count == 1)
            let applied = try await PostgresSchema.migrate(client)
            #expect(applied == [PostgresMigrations.latest])
            let queue = try PostgresRunQueue(client: client, owner: "n1")
            #expect(try await queue.counts() == ["Queued": 1])
        }
    }

    @Test func aDatabaseNewerThanThisBuildIsRefused() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            let future = PostgresMigrations.latest + 1
            try await client.query("INSERT INTO insightflow_schema_migration (version, name) VALUES (\(future), 'from the future')")
            await #expect(throws: PostgresStoreError.self) { try await PostgresSchema.migrate(client) }
            do {
                try await PostgresSchema.migrate(client)
            } catch {
                #expect(String(describing: error).contains("upgrade insightflow"))
            }
        }
    }

    @Test func twoNodesStartingTogetherMigrateOnce() async throws {
        try await TestPostgres.withDatabase { client, url in
            try await TestPostgres.withClient(url) { other in
                async let a = PostgresSchema.migrate(client)
                async let b = PostgresSchema.migrate(other)
                let (first, second) = try await (a, b)
                #expect((first + second).sorted() == PostgresMigrations.all.map(\.version))
            }
        }
    }
}
