import PostgresNIO
import PostgresStore
import Testing

/// Events, exactly-once runs per event, and threshold baselines on the shared store.
@Suite(.serialized) struct PostgresIntakeTests {
    private func event(_ id: String, subject: String? = nil) -> StoredEvent {
        StoredEvent(id: id, triggerType: "SegmentThresholdCrossed", subject: subject, payloadJSON: #"{"id":"\#(id)"}"#, receivedBy: "node-a")
    }

    @Test func anEventQueuesOneRunPerMatchingFlowAndARedeliveryNothingMore() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            let intake = PostgresIntake(client: client)
            let matches = [IntakeMatch(flowId: "teams", flowVersion: 3), IntakeMatch(flowId: "mail", flowVersion: 1)]
            let first = try await intake.accept(event("e1"), matches: matches)
            #expect(first.isNew)
            #expect(first.runIds.count == 2)
            let again = try await intake.accept(event("e1"), matches: matches)
            #expect(!again.isNew)
            #expect(again.runIds.sorted() == first.runIds.sorted())
            let queue = try PostgresRunQueue(client: client, owner: "node-a")
            #expect(try await queue.counts() == ["Queued": 2])
        }
    }

    /// The one-statement path (no threshold match): an event no flow matches is still stored once; the runs of a
    /// matching event name their flows and versions; a mix with a threshold match takes the locked path.
    @Test func eventsWithoutThresholdsAreStoredWithTheirRunsInOneStatement() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            let intake = PostgresIntake(client: client)
            let unmatched = try await intake.accept(event("none"), matches: [])
            #expect(unmatched.isNew && unmatched.runIds.isEmpty)
            #expect(try await intake.accept(event("none"), matches: []).isNew == false)
            let matched = try await intake.accept(event("two"), matches: [IntakeMatch(flowId: "teams", flowVersion: 7), IntakeMatch(flowId: "mail", flowVersion: 2)])
            var rows: [String] = []
            for try await (flow, version, status) in try await client.query(
                "SELECT flow_id, flow_version, status FROM insightflow_run WHERE event_id = 'two' ORDER BY flow_id"
            ).decode((String, Int, String).self) {
                rows.append("\(flow) v\(version) \(status)")
            }
            #expect(rows == ["mail v2 Queued", "teams v7 Queued"])
            #expect(matched.runIds.count == 2)
            var events = 0
            for try await count in try await client.query("SELECT count(*) FROM insightflow_event").decode(Int.self) { events = count }
            #expect(events == 2)
        }
    }

    /// The reference behaviour of the threshold triggers: the first value is a baseline; a flow fires when the
    /// value goes from at most the threshold to above it, upward only.
    @Test func thresholdCrossingsFireUpwardOnlyAfterABaseline() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            let intake = PostgresIntake(client: client)
            let values: [(Double, ThresholdObservation)] = [
                (150, .baseline),              // above already, but the first value never fires
                (90, .unchanged(previous: 150)), // downward
                (100, .unchanged(previous: 90)), // equal is not above
                (101, .crossed(previous: 100)),
                (180, .unchanged(previous: 101)), // still above
                (40, .unchanged(previous: 180)),
                (120, .crossed(previous: 40)),
            ]
            var fired = 0
            for (index, (value, expected)) in values.enumerated() {
                let match = IntakeMatch(flowId: "seg-flow", flowVersion: 1,
                                        threshold: ThresholdCheck(subject: "VIP", value: value, threshold: 100))
                let outcome = try await intake.accept(event("v\(index)", subject: "VIP"), matches: [match])
                #expect(outcome.observations["seg-flow"] == expected, "value \(value)")
                fired += outcome.runIds.count
            }
            #expect(fired == 2)
        }
    }

    /// Two nodes receive values above the threshold for the same segment at the same moment, fifty times over:
    /// every round exactly one of them fires (the row lock orders them), never both, never neither.
    @Test func twoNodesRacingOnOneCrossingFireExactlyOnce() async throws {
        try await TestPostgres.withDatabase { client, url in
            try await PostgresSchema.migrate(client)
            try await TestPostgres.withClient(url) { other in
                let nodeA = PostgresIntake(client: client)
                let nodeB = PostgresIntake(client: other)
                func match(_ value: Double) -> [IntakeMatch] {
                    [IntakeMatch(flowId: "f", flowVersion: 1, threshold: ThresholdCheck(subject: "S", value: value, threshold: 10))]
                }
                _ = try await nodeA.accept(event("base"), matches: match(5))
                for round in 0..<50 {
                    async let a = nodeA.accept(event("a\(round)"), matches: match(20))
                    async let b = nodeB.accept(event("b\(round)"), matches: match(30))
                    let (ra, rb) = try await (a, b)
                    #expect(ra.runIds.count + rb.runIds.count == 1, "round \(round)")
                    _ = try await nodeA.accept(event("down\(round)"), matches: match(1))
                }
                let queue = try PostgresRunQueue(client: client, owner: "n")
                #expect(try await queue.counts() == ["Queued": 50])
            }
        }
    }

    @Test func resettingAFlowsBaselinesMakesTheNextValueABaselineAgain() async throws {
        try await TestPostgres.withDatabase { client, _ in
            try await PostgresSchema.migrate(client)
            let intake = PostgresIntake(client: client)
            let low = IntakeMatch(flowId: "f", flowVersion: 1, threshold: ThresholdCheck(subject: "M", value: 1, threshold: 10))
            let high = IntakeMatch(flowId: "f", flowVersion: 1, threshold: ThresholdCheck(subject: "M", value: 50, threshold: 10))
            _ = try await intake.accept(event("1"), matches: [low])
            try await PostgresBaselines.reset(flowId: "f", client: client)
            let after = try await intake.accept(event("2"), matches: [high])
            #expect(after.observations["f"] == .baseline)
            #expect(after.runIds.isEmpty)
        }
    }
}
