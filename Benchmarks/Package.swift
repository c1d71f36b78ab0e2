// swift-tools-version:6.1
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so read the root package's folder name.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let benchmark: [Target.Dependency] = [.product(name: "Benchmark", package: "benchmark")]

let package = Package(
    name: "InsightFlowBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "FlowModelBenchmarks",
            dependencies: benchmark + [.product(name: "FlowModel", package: root), .product(name: "FlowExpressions", package: root)],
            path: "Benchmarks/FlowModelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ExpressionBenchmarks",
            dependencies: benchmark + [.product(name: "FlowExpressions", package: root)],
            path: "Benchmarks/ExpressionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RunnerBenchmarks",
            dependencies: benchmark + [.product(name: "FlowRunner", package: root), .product(name: "FlowModel", package: root), .product(name: "FlowExpressions", package: root)],
            path: "Benchmarks/RunnerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "DesignerBenchmarks",
            dependencies: benchmark + [.product(name: "Designer", package: root), .product(name: "TerminalUI", package: root), .product(name: "FlowModel", package: root)],
            path: "Benchmarks/DesignerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "runner-throughput",
            dependencies: [.product(name: "FlowRunner", package: root), .product(name: "FlowModel", package: root), .product(name: "FlowExpressions", package: root)],
            path: "Sources/runner-throughput"
        ),
        .executableTarget(
            name: "executor-overhead",
            dependencies: [.product(name: "FlowRunner", package: root), .product(name: "FlowModel", package: root), .product(name: "FlowExpressions", package: root)],
            path: "Sources/executor-overhead"
        ),
        .executableTarget(
            name: "monitor-burst",
            dependencies: [.product(name: "Designer", package: root), .product(name: "FlowRunner", package: root), .product(name: "TerminalUI", package: root),
                           .product(name: "FlowModel", package: root), .product(name: "FlowExpressions", package: root)],
            path: "Sources/monitor-burst"
        ),
        .executableTarget(
            name: "make-flow-home",
            dependencies: [.product(name: "FlowModel", package: root), .product(name: "FlowExpressions", package: root)],
            path: "Sources/make-flow-home"
        ),
        .executableTarget(
            name: "store-queue",
            dependencies: [.product(name: "PostgresStore", package: root), .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Sources/store-queue"
        ),
        .executableTarget(
            name: "flow-history",
            dependencies: [.product(name: "FlowModel", package: root), .product(name: "FlowExpressions", package: root)],
            path: "Sources/flow-history"
        ),
    ],
    swiftLanguageModes: [.v6]
)
