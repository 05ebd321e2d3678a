import ArgumentParser
import Foundation
import JoinupRemote
import Synchronization

/// `joinup-remote`: serves Joinup collections over HTTP from a data folder or a generated set.
@main
struct JoinupRemoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "joinup-remote",
        abstract: "Serve Joinup collections over HTTP (for tests, demos and benchmarks), or generate a data folder.",
        discussion: """
            Serving: the first line on stdout is the base URL bound (e.g. http://127.0.0.1:43817); \
            SIGINT or SIGTERM stops the server (exit 0). Paths and formats: docs/REMOTE.md.
            Generating: --generate N --out DIR writes a data folder; --generate N without --out serves it from memory.
            """)

    @Option(help: ArgumentHelp("Data folder to serve (docs/REMOTE.md describes the layout).", valueName: "dir"))
    var data: String?

    @Option(help: "Address to bind.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to bind (0 picks a free one).")
    var port: UInt16 = 0

    @Option(name: .customLong("page-size"), help: "Items per feed page (0: one page with everything); a folder's feed.xml that fits on one page is served exactly as stored.")
    var pageSize: Int = RemoteServer.defaultPageSize

    @Option(help: ArgumentHelp("Append one line per request (method, target, status) to this file.", valueName: "file"))
    var log: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp(
        "Folder for mutable state (users.json, memberships); enables join/leave. Never the data folder.", valueName: "dir"))
    var stateDirectory: String?

    @Option(help: ArgumentHelp("Generate collections of this many items each.", valueName: "n"))
    var generate: Int?

    @Option(help: "Seed of the generator (the same seed gives the same data).")
    var seed: UInt64 = 1

    @Option(help: "Number of collections to generate.")
    var collections: Int = 1

    @Option(help: ArgumentHelp("Write the generated data folder here instead of serving it.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Inject a fault (repeatable), e.g. latency=2s, status=503,retry-after=2, reset, truncate=1000, "
                               + "drip=100B/s, redirect-loop, content-type=text/html, oversize=70MB, body=FILE; "
                               + "scope with path=TEXT and first=N (see Sources/JoinupRemote/Faults.swift).", valueName: "spec"))
    var fault: [String] = []

    @Option(name: .customLong("sparql-upstream"), help: ArgumentHelp(
        "Forward /sparql to this SPARQL endpoint (e.g. a Virtuoso's http://127.0.0.1:8890/sparql).", valueName: "url"))
    var sparqlUpstream: String?

    func validate() throws {
        if generate == nil && data == nil { throw ValidationError("Give --data DIR to serve, or --generate N.") }
        if generate != nil && data != nil { throw ValidationError("Give either --data or --generate, not both.") }
        if out != nil && generate == nil { throw ValidationError("--out needs --generate N.") }
        if let generate, generate < 0 { throw ValidationError("--generate needs a count of 0 or more.") }
        if collections < 1 { throw ValidationError("--collections needs 1 or more.") }
        if pageSize < 0 { throw ValidationError("--page-size needs 0 or more.") }
        _ = try faults()
        if let sparqlUpstream, upstreamURL == nil {
            throw ValidationError("--sparql-upstream needs an http(s) URL, not \"\(sparqlUpstream)\".")
        }
    }

    private var upstreamURL: URL? {
        sparqlUpstream.flatMap(URL.init(string:)).flatMap { url in
            ["http", "https"].contains(url.scheme?.lowercased() ?? "") && url.host != nil ? url : nil
        }
    }

    func run() async throws {
        if let generate {
            let set = CollectionGenerator.generate(itemsPerCollection: generate, collections: collections, seed: seed)
            if let out {
                try set.write(to: URL(fileURLWithPath: out))
                print("wrote \(collections) collection(s) × \(generate) items to \(out)")
                return
            }
            try await serve(RemoteServer(generated: set, pageSize: pageSize, log: try logSink(), faults: try faults()))
        } else if let data {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("No data folder at \(data).")
            }
            let server = RemoteServer(folder: URL(fileURLWithPath: data), pageSize: pageSize,
                                      stateDirectory: stateDirectory.map { URL(fileURLWithPath: $0) }, log: try logSink(),
                                      warn: { message in FileHandle.standardError.write(Data("joinup-remote: \(message)\n".utf8)) },
                                      faults: try faults(), sparqlUpstream: upstreamURL)
            try await serve(server)
        }
    }

    private func serve(_ server: RemoteServer) async throws {
        // Handlers first: a signal that arrives right after the URL is printed must stop us cleanly.
        let stop = StopSignal()
        let base = try await server.start(host: host, port: port)
        FileHandle.standardOutput.write(Data((base + "\n").utf8))
        await stop.wait()
        await server.stop()
    }

    private func faults() throws -> [Fault] {
        do {
            return try fault.map { spec throws(Fault.SpecError) in try Fault(spec: spec) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func logSink() throws -> (@Sendable (String) -> Void)? {
        guard let log else { return nil }
        if !FileManager.default.fileExists(atPath: log) {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: log) else { throw ValidationError("Cannot write the log \(log).") }
        handle.seekToEndOfFile()
        let lock = NSLock()
        return { line in lock.withLock { handle.write(Data((line + "\n").utf8)) } }
    }
}

/// Set by the SIGINT/SIGTERM handler. A signal handler can reach nothing but a global, and an
/// atomic store is async-signal-safe.
private let stopRequested = Atomic<Bool>(false)

/// Catches SIGINT and SIGTERM from its creation on; `wait` returns once one has arrived.
///
/// A plain `sigaction` handler, installed before the URL is printed, rather than a dispatch signal
/// source: libdispatch arms its sources asynchronously, and a signal that came before that (a test
/// stopping the server right after reading its URL, on a busy machine: 12 of 40 tries) was lost.
private struct StopSignal {
    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in stopRequested.store(true, ordering: .relaxed) }
        }
    }

    func wait() async {
        while !stopRequested.load(ordering: .relaxed) {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
