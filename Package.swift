// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "InsightFlow",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "insightflow", targets: ["insightflow"]),
        .library(name: "TextFormats", targets: ["TextFormats"]),
        .library(name: "FlowExpressions", targets: ["FlowExpressions"]),
        .library(name: "FlowModel", targets: ["FlowModel"]),
        .library(name: "Insights", targets: ["Insights"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "Designer", targets: ["Designer"]),
        .library(name: "FlowRunner", targets: ["FlowRunner"]),
        .library(name: "PostgresStore", targets: ["PostgresStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        .target(name: "TextFormats"),
        .target(
            name: "FlowExpressions",
            dependencies: ["TextFormats", "CLibXML2", .product(name: "OrderedCollections", package: "swift-collections")]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "FlowModel",
            dependencies: [
                "FlowExpressions",
                "TextFormats",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "Insights",
            dependencies: ["TextFormats", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .systemLibrary(
            name: "CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TerminalUI", dependencies: ["CNCurses"]),
        .target(name: "Designer", dependencies: ["TerminalUI", "FlowModel", "FlowExpressions", "FlowRunner", "Insights", "TextFormats", .product(name: "OrderedCollections", package: "swift-collections")]),
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "FlowRunner",
            dependencies: [
                "FlowModel", "FlowExpressions", "Insights", "TextFormats", "CCurl",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "PostgresStore",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "insightflow",
            dependencies: [
                "Designer",
                "TextFormats",
                "FlowModel",
                "FlowExpressions",
                "Insights",
                "FlowRunner",
                "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "FlowExpressionsTests",
            dependencies: [
                "FlowExpressions",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "FlowModelTests", dependencies: ["FlowModel"], exclude: ["Fixtures"]),
        .testTarget(name: "InsightsTests", dependencies: ["Insights"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats"]),
        .testTarget(name: "CLITests", dependencies: ["FlowModel"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], exclude: ["Snapshots"]),
        .testTarget(name: "DesignerTests", dependencies: ["Designer", "TerminalUI", "FlowModel", "FlowExpressions", "FlowRunner", "Insights"], exclude: ["Snapshots"]),
        .testTarget(name: "PostgresStoreTests", dependencies: [
            "PostgresStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "FlowRunnerTests", dependencies: [
            "FlowRunner", "FlowModel", "FlowExpressions", "Insights",
            .product(name: "Logging", package: "swift-log"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
