// swift-tools-version:6.1
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so read the root package's folder name.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// One libFuzzer harness: an executable whose only entry point is `LLVMFuzzerTestOneInput` (libFuzzer supplies
/// `main`), so it links only when built the way `scripts/fuzz.sh` builds it (`-sanitize=fuzzer`).
func harness(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: root) },
        path: "Sources/\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "InsightFlowFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        harness("FuzzJSON", ["FlowExpressions"]),
        harness("FuzzExpressions", ["FlowExpressions"]),
        harness("FuzzFlowFile", ["FlowModel", "FlowExpressions"]),
        harness("FuzzCSV", ["Insights"]),
        harness("FuzzKeys", ["TerminalUI"]),
        harness("FuzzIntake", ["FlowRunner", "FlowExpressions"]),
    ],
    swiftLanguageModes: [.v6]
)
