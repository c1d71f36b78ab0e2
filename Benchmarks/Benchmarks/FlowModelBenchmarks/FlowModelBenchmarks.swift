import Benchmark
import FlowExpressions
import FlowModel
import Foundation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3))

    let flow = SampleFlows.long(id: "bench", steps: 200)
    let bytes = FlowCodec.encode(flow)

    Benchmark("Encode+decode a 200-step flow") { benchmark in
        for _ in benchmark.scaledIterations {
            let encoded = FlowCodec.encode(flow)
            blackHole(try FlowCodec.decode(encoded))
        }
    }

    Benchmark("Decode a 200-step flow") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FlowCodec.decode(bytes))
        }
    }

    Benchmark("Check a 200-step flow") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(FlowChecker.check(flow))
        }
    }
}
