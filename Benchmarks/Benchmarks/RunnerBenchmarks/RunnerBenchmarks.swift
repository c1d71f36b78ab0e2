import Benchmark
import FlowExpressions
import FlowModel
import FlowRunner

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))

    /// 1,000 enabled flows: one per data source, 100 "any source", and 100 segment threshold flows.
    var flows: [Flow] = []
    for i in 0..<800 {
        var flow = Flow(id: "source-\(i)", displayName: "Source \(i)", trigger: Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": .string("Source \(i)")]))
        flow.state = .on
        flows.append(flow)
    }
    for i in 0..<100 {
        var any = Flow(id: "any-\(i)", displayName: "Any \(i)", trigger: Trigger(kind: .dataSourceRefreshSucceeded))
        any.state = .on
        flows.append(any)
        var segment = Flow(id: "segment-\(i)", displayName: "Segment \(i)", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": .string("Segment \(i % 10)"), "threshold": 100]))
        segment.state = .on
        flows.append(segment)
    }
    let index = TriggerIndex(flows: flows)
    let matcher = TriggerMatcher()
    let failure = TriggerEvent(type: .dataSourceRefreshFailed, fields: ["dataSourceName": "Source 417", "errorMessage": "file missing"], origin: "bench")
    let segment = TriggerEvent(type: .segmentRefreshed, fields: ["segmentName": "Segment 3", "currentCount": 120], origin: "bench")

    Benchmark("Match a refresh failure against 1,000 flows") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try matcher.match(failure, index: index) { _, _ in nil })
        }
    }

    Benchmark("Match a segment value against 1,000 flows (10 threshold flows on it)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try matcher.match(segment, index: index) { _, _ in 90 })
        }
    }

    dataOperationBenchmarks()
}
