// swift-tools-version:6.1
import PackageDescription

// Layout and dependencies follow ../shared/DESIGN.md §2–§3: Core ← Store ← Web ← CLI ← executable.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Disclosure",
    platforms: [.macOS(.v14)],
    products: [.executable(name: "disclosure", targets: ["disclosure"])],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Already in the graph through postgres-nio and hummingbird-auth; used directly for SHA-256.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        // Already in the graph through Hummingbird and the database drivers; named because we import them.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        // Already in the graph through Hummingbird; its HTTP part types are used by the cached-page fast path.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        // XLSX (and later DOCX) are ZIP containers: power-list import/export, annual-report files (DESIGN §3).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Issue 24: SMTP over TLS (already in the graph through postgres-nio) and the SMS gateway's HTTPS POST.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Tests only: property tests of the statutory rules (issue 18).
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "DisclosureCore",
            exclude: ["README.md"],
            resources: [.copy("Calendar/holidays-cn.json")],
            swiftSettings: strict
        ),
        .target(
            name: "DisclosureSearch",
            dependencies: ["DisclosureCore"],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "DisclosureStore",
            dependencies: [
                "DisclosureCore",
                "DisclosureSearch",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "DisclosureWeb",
            dependencies: [
                "DisclosureCore",
                "DisclosureStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["README.md"],
            resources: [.copy("Resources/templates"), .copy("Resources/static"), .copy("Resources/openapi.json")],
            swiftSettings: strict
        ),
        .target(
            name: "DisclosureCLI",
            dependencies: [
                "DisclosureCore",
                "DisclosureStore",
                "DisclosureWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .executableTarget(name: "disclosure", dependencies: ["DisclosureCLI"], exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "DisclosureTestSupport",
            dependencies: [
                "DisclosureCore", "DisclosureStore", "DisclosureWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DisclosureCoreTests",
            dependencies: ["DisclosureCore", "DisclosureTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["README.md"],
            swiftSettings: strict),
        .testTarget(
            name: "DisclosureSearchTests",
            dependencies: ["DisclosureSearch", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["README.md"],
            swiftSettings: strict),
        .testTarget(
            name: "DisclosureStoreTests", dependencies: ["DisclosureStore", "DisclosureTestSupport"], exclude: ["README.md"], swiftSettings: strict),
        .testTarget(
            name: "DisclosureWebTests",
            dependencies: [
                "DisclosureWeb", "DisclosureTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["README.md", "Snapshots/__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DisclosureCLITests", dependencies: ["DisclosureCLI", "DisclosureTestSupport"], exclude: ["README.md"], swiftSettings: strict),
    ]
)
