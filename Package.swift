// swift-tools-version: 6.2
import PackageDescription

// Dependency arrows point one way (see docs/architecture.md):
//   kokon → {KokonServer, KokonDemo, KokonBench} → Reporting → Engine → {Templates, Postgres};  Templates → CYAML;  Postgres → CLibPQ.
// Each target imports exactly what it declares, and re-exports only what its public API shows.
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Kokon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kokon", targets: ["kokon"]),
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "Templates", targets: ["Templates"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "KokonDemo", targets: ["KokonDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Templates",
            dependencies: ["CYAML"]
        ),
        .target(
            name: "Engine",
            dependencies: [
                "Templates",
                "Postgres",
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedMigrations"]
        ),
        .target(
            name: "Reporting",
            dependencies: [
                "Engine",
                "Templates",
                "Postgres",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Pages"],
            plugins: ["EmbedPages"]
        ),
        // The demonstration: synthetic records and the whole job on them. Above everything
        // else, so production code ships no fake-data generator.
        .target(
            name: "KokonDemo",
            dependencies: ["KokonServer", "Reporting", "Engine", "Templates", "Postgres"]
        ),
        // The benchmarks' fixtures and measurements, so the command line holds no SQL.
        .target(
            name: "KokonBench",
            dependencies: [
                "KokonServer", "Reporting", "Engine", "Templates", "Postgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The server: accounts, sign-in, the authorization policy and the JSON API, on
        // Hummingbird. Beside the command line, above Reporting and Engine.
        .target(
            name: "KokonServer",
            dependencies: [
                "Reporting", "Engine", "Templates", "Postgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["openapi.json"],
            plugins: ["EmbedOpenAPI"]
        ),
        .executableTarget(
            name: "kokon",
            dependencies: [
                "KokonServer",
                "KokonDemo",
                "KokonBench",
                "Reporting",
                "Engine",
                "Postgres",
                "Templates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Build-time helper: turns migrations/**/*.sql and the page templates into Swift
        // string literals so the `kokon` binary carries them and runs from any directory.
        .executableTarget(name: "EmbedFiles"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"]
        ),
        .plugin(
            name: "EmbedPages",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"]
        ),
        .plugin(
            name: "EmbedOpenAPI",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"]
        ),
        // Shared by the test targets: a throwaway PostgreSQL cluster per test process.
        .target(
            name: "KokonTestSupport",
            dependencies: ["Postgres", "Engine", "Templates", .product(name: "Logging", package: "swift-log")],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "KokonTestSupport"]
        ),
        .testTarget(
            name: "TemplatesTests",
            dependencies: ["Templates"],
            exclude: ["Corpus"]
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "Postgres", "KokonTestSupport"]
        ),
        .testTarget(name: "LayeringTests"),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "KokonServer", "Engine", "Postgres", "Templates", "KokonTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ]
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "KokonDemo", "Engine", "Postgres", "Templates", "KokonTestSupport"]
        ),
    ]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + upcomingFeatures
}
