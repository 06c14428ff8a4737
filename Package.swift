// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CoinPipe",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "coinpipe", targets: ["coinpipe"]),
        .library(name: "CMCModels", targets: ["CMCModels"]),
        .library(name: "CMCClient", targets: ["CMCClient"]),
        .library(name: "CMCEmulator", targets: ["CMCEmulator"]),
        .library(name: "Collector", targets: ["Collector"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "Scheduler", targets: ["Scheduler"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
        .library(name: "ServerLimits", targets: ["ServerLimits"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.3.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // Codable response types, the CMC status block, raw-JSON helpers. No I/O.
        .target(name: "CMCModels"),
        // The CMC Pro API client: transport seam, retries, rate and credit budgets, paging, batching.
        .target(
            name: "CMCClient",
            dependencies: [
                "CMCModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // The timeouts and connection limit shared by the three HTTP servers (emulator, dashboard, metrics).
        .target(
            name: "ServerLimits",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // A faithful offline CoinMarketCap emulator (Hummingbird). Deliberately does not use CMCModels,
        // so a decoding mistake in the client cannot be mirrored by the server.
        .target(
            name: "CMCEmulator",
            dependencies: [
                "ServerLimits",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The collection pipeline: run folders, logos, manifests, resume and verify.
        .target(
            name: "Collector",
            dependencies: [
                "CMCModels",
                "CMCClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        // The store: run folders loaded into SQLite (GRDB) or PostgreSQL (postgres-nio), and the queries over them.
        .target(
            name: "Store",
            dependencies: [
                "CMCModels",
                // The run-folder contract: a folder is verified against its manifest before it is loaded.
                "Collector",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // One collection, then its storage: the path `collect`, `demo`, the scheduler and the benchmark share.
        .target(
            name: "Pipeline",
            dependencies: [
                "CMCModels",
                "CMCClient",
                "Collector",
                "Store",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Collection on a schedule: aligned ticks, the credit governor, graceful stop, Prometheus metrics.
        .target(
            name: "Scheduler",
            dependencies: [
                "ServerLimits",
                "CMCModels",
                "CMCClient",
                "Collector",
                "Pipeline",
                "Store",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The read-only web dashboard over the store (Hummingbird): HTML pages, SVG charts, a JSON API, logos.
        .target(
            name: "Dashboard",
            dependencies: [
                "ServerLimits",
                "CMCModels",
                "Collector",
                "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // `coinpipe bench`: the collection measured against its floor, beside the original script's way.
        .target(
            name: "CoinPipeBench",
            dependencies: [
                "CMCModels",
                "CMCClient",
                "CMCEmulator",
                "Collector",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        // glibc's malloc arena cap (mallopt is not in Swift's Glibc module).
        .target(name: "CMallocTuning"),
        // The command-line tool: parses options and wires the libraries together.
        .executableTarget(
            name: "coinpipe",
            dependencies: [
                "CMCModels",
                "CMCClient",
                "CMCEmulator",
                "Collector",
                "Dashboard",
                "Pipeline",
                "Store",
                "Scheduler",
                "CoinPipeBench",
                "CMallocTuning",
                "ServerLimits",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Helpers shared by the test targets (test targets cannot share sources).
        .target(
            name: "CoinPipeTestSupport",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/CoinPipeTestSupport"
        ),
        .testTarget(
            name: "CMCModelsTests",
            dependencies: ["CMCModels"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CMCEmulatorTests",
            dependencies: [
                "CoinPipeTestSupport",
                "ServerLimits",
                "CMCEmulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        .testTarget(
            name: "CMCClientTests",
            dependencies: [
                "CMCModels",
                "CMCClient",
                "CMCEmulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CollectorTests",
            dependencies: [
                "CoinPipeTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                "CMCModels",
                "CMCClient",
                "CMCEmulator",
                "Collector",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SchedulerTests",
            dependencies: [
                "CoinPipeTestSupport",
                "ServerLimits",
                "CMCModels",
                "CMCClient",
                "CMCEmulator",
                "Collector",
                "Store",
                "Scheduler",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "CoinPipeTestSupport",
                "CMCModels",
                "CMCClient",
                "CMCEmulator",
                "Collector",
                "Store",
                "coinpipe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "DashboardTests",
            dependencies: [
                "ServerLimits",
                "CoinPipeTestSupport",
                "CMCClient",
                "CMCEmulator",
                "CMCModels",
                "Collector",
                "Dashboard",
                "Store",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "CoinPipeCLITests",
            dependencies: [
                "CoinPipeTestSupport",
                "coinpipe",
                "CMCEmulator",
                "Store",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

// House style: the same upcoming features on every target (as swift-openapi-generator does).
for target in package.targets where target.name != "CMallocTuning" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
