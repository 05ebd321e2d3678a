// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "joinup",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "joinup", targets: ["joinup"]),
        .executable(name: "joinup-remote", targets: ["joinup-remote"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
    ],
    targets: [
        // The C module map for the system ncursesw (wide-character API) and small shims for macros.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The system zlib (gzip for joinup-remote); Foundation on Linux has no compression API.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // Plain value types shared by every layer; no I/O.
        .target(name: "JoinupModel"),
        // The local SQLite cache (GRDB): schema, migrations, upserts, queries.
        .target(name: "JoinupCache", dependencies: [
            "JoinupModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Remote-feed parsers, the sync engine and the embedded snapshot it can import from.
        // HTTP through AsyncHTTPClient (SwiftNIO): bodies are limited as they arrive and as they
        // inflate, proxies are used only when joinup chooses to (URLSession on Linux inflates
        // without a bound and sends every request through $http_proxy).
        .target(name: "JoinupSync", dependencies: [
            "JoinupModel", "JoinupCache",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
        ],
                resources: [
                    .embedInCode("Snapshot/ec-ospo/feed.xml"),
                    .embedInCode("Snapshot/ec-ospo/collection.rdf"),
                    .embedInCode("Snapshot/ec-ospo/members.json"),
                    .embedInCode("Snapshot/topics.rdf"),
                    .embedInCode("Vocabulary/countries.tsv"),
                    .embedInCode("SPARQL/Queries/collections.rq"),
                    .embedInCode("SPARQL/Queries/topics.rq"),
                    .embedInCode("SPARQL/Queries/owners.rq"),
                    .embedInCode("SPARQL/Queries/contacts.rq"),
                    .embedInCode("SPARQL/Queries/countries.rq"),
                ]),
        // App state, actions, the pure reducer, and the runtime that runs effects.
        .target(name: "JoinupStore", dependencies: ["JoinupModel", "JoinupCache", "JoinupSync"]),
        // config.toml and the TOML reading it shares with themes: settings values, key names, the
        // problems found with their lines. The command line reads config here, not in JoinupViews.
        .target(name: "JoinupSettings", dependencies: [
            "JoinupStore",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Surfaces, widgets, panes, key map and the ncurses terminal loop.
        // Themes/ (top level) is a symlink to Theme/Shipped: one copy, embedded so an installed
        // binary needs no files beside it.
        .target(name: "JoinupViews", dependencies: [
            "JoinupModel", "JoinupStore", "JoinupSettings", "CNcurses", "CTerminalRestore",
        ], exclude: ["Theme/Shipped/REFERENCE.toml"],
        resources: [
            .embedInCode("Theme/Shipped/default.toml"),
            .embedInCode("Theme/Shipped/light.toml"),
            .embedInCode("Theme/Shipped/high-contrast.toml"),
            .embedInCode("Theme/Shipped/monochrome.toml"),
        ]),
        // The async-signal-safe crash handler that restores the terminal (C: a signal handler may
        // call only async-signal-safe functions).
        .target(name: "CTerminalRestore"),
        // The command-line entry point: argument parsing, paths, wiring.
        .executableTarget(name: "joinup", dependencies: [
            "JoinupModel", "JoinupCache", "JoinupSync", "JoinupStore", "JoinupSettings", "JoinupViews",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // A Joinup-compatible HTTP server over a data folder, and the collection generator.
        .target(name: "JoinupRemote", dependencies: [
            "JoinupModel", "JoinupSync", "CZlib",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .executableTarget(name: "joinup-remote", dependencies: [
            "JoinupRemote",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Times the cache's filter and search reads on a generated 100,000-item collection
        // (docs/BENCHMARKS.md); run in release. Not a test.
        .executableTarget(name: "joinup-bench", dependencies: ["JoinupCache", "JoinupModel", "JoinupRemote", "JoinupStore"]),

        .testTarget(name: "JoinupModelTests", dependencies: ["JoinupModel", "JoinupTestSupport"]),
        .testTarget(name: "JoinupCacheTests", dependencies: ["JoinupCache", "JoinupModel", "JoinupTestSupport"]),
        .testTarget(name: "JoinupSyncTests", dependencies: ["JoinupSync", "JoinupCache", "JoinupModel", "JoinupTestSupport"]),
        .testTarget(name: "JoinupStoreTests", dependencies: ["JoinupStore", "JoinupCache", "JoinupSync", "JoinupModel", "JoinupTestSupport"]),
        .testTarget(name: "JoinupViewsTests", dependencies: ["JoinupViews", "JoinupSettings", "JoinupStore", "JoinupModel", "JoinupCache", "JoinupSync",
                                                         "JoinupTestSupport"]),
        .testTarget(name: "JoinupRemoteTests", dependencies: ["JoinupRemote", "JoinupSync", "JoinupCache", "JoinupModel",
                                                          "JoinupTestSupport"]),
        // Syncs against a real `joinup-remote` process (and `joinup sync`); depends on both
        // executables so `swift test` builds them first.
        .testTarget(name: "SyncIntegrationTests",
                    dependencies: ["joinup", "joinup-remote", "JoinupSync", "JoinupCache", "JoinupModel",
                                   "JoinupTestSupport"]),
        // Runs the built `joinup` binary inside tmux; depends on it so `swift test` builds it first.
        .testTarget(name: "EndToEndTests", dependencies: ["joinup", "joinup-remote", "JoinupTestSupport"]),
        // Hostile and broken remote documents and injected faults, served by a real joinup-remote;
        // checks the cache (every table, via GRDB) and renders what was stored (memory surface, tmux).
        .testTarget(name: "HostileInputTests",
                    dependencies: ["joinup", "joinup-remote", "JoinupSync", "JoinupCache", "JoinupModel", "JoinupStore",
                                   "JoinupViews", "JoinupRemote", "JoinupTestSupport",
                                   .product(name: "GRDB", package: "GRDB.swift")]),
        // Helpers the tests share: temporary folders, model fixtures, child processes, tmux, the
        // exhaustive reducer test store and the store driven until quiet.
        .target(name: "JoinupTestSupport", dependencies: ["JoinupModel", "JoinupStore"], path: "Tests/JoinupTestSupport"),
    ]
)
