import Foundation
import PostgresNIO
import PostgresStore
import Synchronization
import Testing

/// Who is leading right now, shared by the two nodes' tasks.
private final class Leaders: Sendable {
    private let names = Mutex<[String]>([])
    func add(_ name: String) { names.withLock { $0.append(name) } }
    func remove(_ name: String) { names.withLock { $0.removeAll { $0 == name } } }
    var current: [String] { names.withLock { $0 } }
}

/// The schedules run on exactly one node: the advisory-lock leader, handed over when it stops leading.
@Suite(.serialized) struct PostgresLeaderTests {
    @Test func onlyOneNodeLeadsAndTheOtherTakesOverWhenItLetsGo() async throws {
        try await TestPostgres.withDatabase { client, url in
            try await TestPostgres.withClient(url) { other in
                let leading = Leaders()
                let (release, releaseSignal) = AsyncStream<Void>.makeStream()
                let (aLeads, aLeadsSignal) = AsyncStream<Void>.makeStream()
                let nodeA = Task {
                    try await PostgresLeader(client: client).lead(retry: .milliseconds(20)) {
                        leading.add("a")
                        aLeadsSignal.yield()
                        for await _ in release { break }
                        leading.remove("a")
                    }
                }
                var aLeadsIterator = aLeads.makeAsyncIterator()
                await aLeadsIterator.next()
                let nodeB = Task {
                    try await PostgresLeader(client: other).lead(retry: .milliseconds(20)) {
                        leading.add("b")
                        let alone = leading.current == ["b"]
                        leading.remove("b")
                        return alone
                    }
                }
                try await Task.sleep(for: .milliseconds(400))
                #expect(leading.current == ["a"], "b must wait while a leads")
                releaseSignal.yield()
                _ = try await nodeA.value
                let bWasAlone = try await nodeB.value
                #expect(bWasAlone == true)
            }
        }
    }

    @Test func aLeaderWhoseConnectionDiesIsReplaced() async throws {
        try await TestPostgres.withDatabase { client, url in
            let (aLeads, aLeadsSignal) = AsyncStream<Void>.makeStream()
            let dyingClient = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: .init(label: "dying"))
            let dyingRunner = Task { await dyingClient.run() }
            let nodeA = Task {
                try await PostgresLeader(client: dyingClient).lead(retry: .milliseconds(20)) {
                    aLeadsSignal.yield()
                    try await Task.sleep(for: .seconds(600))
                }
            }
            var iterator = aLeads.makeAsyncIterator()
            await iterator.next()
            // The node dies: the server ends its session (as after a kill -9 or a cut network), releasing the lock.
            try await client.query("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """)
            let took = try await PostgresLeader(client: client).lead(retry: .milliseconds(20)) { true }
            #expect(took == true)
            nodeA.cancel()
            dyingRunner.cancel()
        }
    }
}
