import Foundation
import PostgresNIO
import PostgresStore
import Synchronization
import Testing

/// Claims under leases: no run claimed twice, expired leases taken over from their checkpoint, stale owners fenced.
@Suite(.serialized) struct PostgresRunQueueTests {
    private func queueRuns(_ count: Int, client: PostgresClient) async throws {
        let intake = PostgresIntake(client: client)
        for index in 0..<count {
            let event = StoredEvent(id: "e\(index)", triggerType: "FullRefreshCompleted", subject: nil, payloadJSON: "{}", receivedBy: "n")
            _ = try await intake.accept(event, matches: [IntakeMatch(flowId: "f", flowVersion: 1)])
        }
    }

    @Test func twoNodesClaimingTogetherNeverGetTheSameRun() async throws {
        try await TestPostgres.withDatabase { client, url in
            try await PostgresSchema.migrate(client)
            try await queueRuns(300, client: client)
            try await TestPostgres.withClient(url) { other in
                let a = try PostgresRunQueue(client: client, owner: "a")
                let b = try PostgresRunQueue(client: other, owner: "b")
                @Sendable func drain(_ queue: PostgresRunQueue) async throws -> [String] {
                    var ids: [String] = []
                    while true {
                        let claims = try await queue.claim(limit: 7)
                        if claims.isEmpty { return ids }
                        for claim in claims {
                            #expect(try await queue.finish(claim, status: "Succeeded"))
                            ids.append(claim.runId)
                        }
                    }
                }
                async let fromA = drain(a)
                async let fromB = drain(b)
                let (idsA, idsB) = try await (fromA, fromB)
                #expect(Set(idsA).isDisjoint(with: Set(idsB)))
                #expect(Set(idsA + idsB).count == 300)
                #expect(idsA.count + idsB.count == 300)
                #expect(!idsA.isEmpty && !idsB.isEmpty, "both nodes should have worked: \(idsA.count) / \(idsB.count)")
                #expect(try await a.counts() == ["Succeeded": 300])
            }
        }
    }

    @Test func anExpiredLeaseIsTakenOverFromItsCheckpointAndTheOldOwnerIsFenced() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            try await queueRuns(1, client: client)
            let dying = try PostgresRunQueue(client: client, owner: "dying", leaseSeconds: 0.4)
            let survivor = try PostgresRunQueue(client: client, owner: "survivor", leaseSeconds: 5)
            let first = try #require(try await dying.claim(limit: 10).first)
            #expect(first.attempt == 1)
            #expect(try await dying.checkpoint(first, json: #"{"done":["Compose"]}"#))
            #expect(try await survivor.claim(limit: 10).isEmpty, "a live lease must not be taken")
            try await Task.sleep(for: .milliseconds(700))
            let taken = try #require(try await survivor.claim(limit: 10).first)
            #expect(taken.runId == first.runId)
            #expect(taken.attempt == 2)
            let checkpoint = try #require(taken.checkpoint)
            #expect(checkpoint.contains("Compose"))
            #expect(try await dying.finish(first, status: "Failed") == false, "the old owner's write must be refused")
            #expect(try await dying.checkpoint(first, json: "{}") == false)
            #expect(try await survivor.finish(taken, status: "Succeeded"))
            #expect(try await survivor.counts() == ["Succeeded": 1])
        }
    }

    @Test func heartbeatsKeepALeaseAlive() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            try await queueRuns(2, client: client)
            let holder = try PostgresRunQueue(client: client, owner: "holder", leaseSeconds: 0.5)
            let other = try PostgresRunQueue(client: client, owner: "other", leaseSeconds: 5)
            #expect(try await holder.claim(limit: 10).count == 2)
            for _ in 0..<6 {
                try await Task.sleep(for: .milliseconds(200))
                #expect(try await holder.heartbeat() == 2)
            }
            #expect(try await other.claim(limit: 10).isEmpty)
        }
    }

    @Test func leaseTimesOutOfRangeAreRefused() async throws {
        try await TestPostgres.withDatabase { client, _ in
            #expect(throws: PostgresStoreError.self) { try PostgresRunQueue(client: client, owner: "x", leaseSeconds: 0) }
            #expect(throws: PostgresStoreError.self) { try PostgresRunQueue(client: client, owner: "x", leaseSeconds: .infinity) }
            #expect(throws: PostgresStoreError.self) { try PostgresRunQueue(client: client, owner: "x", leaseSeconds: 86_400) }
        }
    }

    @Test func aQueuedRunWakesAListeningWorker() async throws {
        try await TestPostgres.withDatabase { client, url in
            try await PostgresSchema.migrate(client)
            try await TestPostgres.withClient(url) { listenerClient in
                let wakeups = PostgresWakeups.listen(client: listenerClient)
                let (began, beganSignal) = AsyncStream<Void>.makeStream()
                let waiter = Task {
                    var iterator = wakeups.makeAsyncIterator()
                    guard await iterator.next() != nil else { return false }
                    beganSignal.yield()
                    return await iterator.next() != nil
                }
                var beganIterator = began.makeAsyncIterator()
                await beganIterator.next()
                try await queueRuns(1, client: client)
                let timeout = Task { try await Task.sleep(for: .seconds(10)); waiter.cancel() }
                let woke = await waiter.value
                timeout.cancel()
                #expect(woke)
            }
        }
    }
}
