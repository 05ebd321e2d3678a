import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel
import JoinupSettings
import JoinupSync

/// `joinup sync`: brings collections from a remote into the cache.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync collections from a remote into the local cache.",
        discussion: """
            The remote is --remote, else $JOINUP_REMOTE, else `remote = "URL"` in config.toml. \
            Without --collection the published collections are discovered through the remote's SPARQL \
            endpoint (--sparql, else $JOINUP_SPARQL, else `sparql = "URL"` in config.toml, else \
            <remote>/sparql), else its /collections.xml, else the collections cached from it; the \
            directory is stored (see `joinup collections`) and each collection synced. Prints one line \
            per collection; exits 0 only when every collection synced.
            """)

    @Option(help: ArgumentHelp("Base URL of the remote (e.g. http://127.0.0.1:8080).", valueName: "url"))
    var remote: String?

    @Option(name: .customLong("collection"), help: ArgumentHelp(
        "Sync only this collection, by alias or by URI (http://data.europa.eu/w21/…); repeatable, needed when the remote has no directory.",
        valueName: "alias-or-uri"))
    var collections: [String] = []

    @Option(help: ArgumentHelp("The SPARQL endpoint that lists the collections (default: <remote>/sparql).", valueName: "url"))
    var sparql: String?

    @Option(help: "Seconds to wait for an answer before giving up.")
    var timeout: Int = 15

    @Option(help: "Collections synced at once when discovering.")
    var parallel: Int = 4

    @Flag(name: .customLong("directory-only"), help: "Only read and store the collection directory; sync no collection.")
    var directoryOnly = false

    @OptionGroup var options: PathOptions

    func validate() throws {
        guard (1...Self.parallelLimit).contains(parallel) else {
            throw ValidationError("Give --parallel a number from 1 to \(Self.parallelLimit).")
        }
    }

    /// More than this many collections at once only queues requests at the remote.
    static let parallelLimit = 16

    func run() async throws {
        let paths = options.paths
        let config = ConfigFile.load(paths)
        guard let remoteText = RemoteSetting.resolve(flag: remote, config: config) else {
            fail("no remote configured: pass --remote URL, set JOINUP_REMOTE, or put remote = \"URL\" in \(paths.configFile)")
        }
        guard let layout = RemoteLayout(base: remoteText) else {
            fail("\"\(remoteText)\" is not an http(s) URL; give the remote's base URL, e.g. http://127.0.0.1:8080")
        }
        let cache: CacheDatabase
        do {
            try paths.createDataDirectory()
            cache = try CacheDatabase(path: paths.cacheFile)
        } catch {
            fail("\(error)")
        }
        let client = HTTPClient(limits: HTTPClientLimits(requestTimeout: timeout))
        let engine = SyncEngine(layout: layout, cache: cache, client: client)
        if !ReadonlySetting.resolve(flag: false, config: config), try !cache.pendingActions().isEmpty {
            // Waiting join/leave requests go first, on every sync.
            let delivery = OutboxDelivery(cache: cache, remote: remoteText,
                                          credentials: try? CredentialStore(folder: paths.configDirectory).load(for: remoteText))
            for result in await delivery.deliver() {
                CLIMessage.error("outbox: \(result.message)")
            }
        }
        let showProgress = isatty(STDERR_FILENO) == 1
        let report: SyncReport
        if directoryOnly && !collections.isEmpty { fail("--directory-only syncs no collection: leave out --collection") }
        if collections.isEmpty {
            guard let endpoint = SPARQLSetting.resolve(flag: sparql, config: config, layout: layout) else {
                fail("the SPARQL endpoint is not an http(s) URL; check --sparql, JOINUP_SPARQL or sparql in \(paths.configFile)")
            }
            let discovery = DirectorySync(engine: engine, sparql: SPARQLClient(endpoint: endpoint, transport: client),
                                          parallelism: parallel)
            let found = directoryOnly ? await discovery.readOnly(progress: showProgress ? Self.showDiscovery : nil)
                : await discovery.run(progress: showProgress ? Self.showDiscovery : nil)
            if showProgress { try? StandardStream.write(Data("\r\u{1B}[K".utf8), to: STDERR_FILENO) }
            // Like the progress line: only for a person watching (scripts see one line per collection).
            if showProgress, let source = found.source {
                CLIMessage.error("\(found.listed) collection\(found.listed == 1 ? "" : "s") listed by \(source == .sparql ? URLText.printable(endpoint.absoluteString) : layout.directory)\(found.unchanged ? " (unchanged)" : "")")
            }
            report = found.sync
        } else {
            // No SPARQL client needed: the stored directory (if any) addresses the named collections.
            report = await DirectorySync(engine: engine, sparql: nil)
                .syncNamed(collections, progress: showProgress ? Self.showProgress : nil)
            if showProgress { try? StandardStream.write(Data("\r\u{1B}[K".utf8), to: STDERR_FILENO) }
        }

        if let error = report.directoryError {
            fail(error.message)
        }
        if report.withoutDirectory {
            CLIMessage.warning("\(report.remote) publishes no collection directory (Joinup has none); synced the \(report.results.count) collection\(report.results.count == 1 ? "" : "s") cached from it. Add one with --collection ALIAS.")
        }
        // stdout keeps only results; a failure is said once, on stderr.
        for result in report.results {
            if let error = result.failure {
                CLIMessage.error("\(result.alias): \(error.message)")
            } else {
                printLine(result.summary)
            }
        }
        if !report.succeeded { throw Self.exitCode(failures: report.results.compactMap(\.failure)) }
    }

    /// Not found (6) when every failed collection is one the remote does not have (404), like an
    /// unknown alias in the other subcommands; otherwise a failure (1).
    static func exitCode(failures: [SyncError]) -> ExitCode {
        let allMissing = !failures.isEmpty && failures.allSatisfy {
            if case .httpStatus(_, 404) = $0 { true } else { false }
        }
        return allMissing ? JoinupExit.notFound : JoinupExit.failure
    }

    private static let showProgress: @Sendable (SyncProgress) -> Void = { progress in
        let line = "\r\u{1B}[Ksyncing \(progress.alias ?? "directory"): \(progress.resourcesDone)/\(progress.resourcesTotal) documents, \(progress.itemsSoFar) items"
        try? StandardStream.write(Data(line.utf8), to: STDERR_FILENO)
    }

    private static let showDiscovery: @Sendable (DiscoveryProgress) -> Void = { progress in
        try? StandardStream.write(Data(("\r\u{1B}[K" + progress.line).utf8), to: STDERR_FILENO)
    }

    private func fail(_ message: String) -> Never {
        CLIMessage.error(message)
        Sync.exit(withError: JoinupExit.failure)
    }

    /// One summary line on stdout, written at once so it interleaves with the errors on stderr;
    /// a stdout that cannot be written ends the command like `reportingFailures` does.
    private func printLine(_ text: String) {
        var out = OutputBuffer()
        do {
            try out.line(text)
            try out.flush()
        } catch {
            if error.isClosedPipe { Sync.exit(withError: ExitCode(OutputFailure.closedPipeStatus)) }
            fail("\(error)")
        }
    }
}

private extension CollectionSyncResult {
    /// Why the collection failed to sync; nil when it synced.
    var failure: SyncError? {
        if case .failed(let error) = outcome { error } else { nil }
    }
}

/// Where the remote's URL comes from: flag, then `JOINUP_REMOTE`, then `remote` in config.toml.
enum RemoteSetting {
    /// The remote from the flag, JOINUP_REMOTE or config.toml, without any user name and password
    /// in it: those are never sent, stored or printed (joinup signs in with a token); a warning
    /// says so on stderr unless `quiet`.
    static func resolve(flag: String?, config: AppConfig,
                        environment: [String: String] = ProcessInfo.processInfo.environment, quiet: Bool = false) -> String? {
        guard let chosen = configured(flag: flag, config: config, environment: environment) else { return nil }
        if URLText.hasUserinfo(chosen) && !quiet {
            CLIMessage.warning(userinfoWarning)
        }
        return URLText.withoutUserinfo(chosen)
    }

    /// Whether the chosen remote carries a user name or password (the browser says so in its status line).
    static func hasUserinfo(flag: String?, config: AppConfig, environment: [String: String]) -> Bool {
        configured(flag: flag, config: config, environment: environment).map(URLText.hasUserinfo) ?? false
    }

    static let userinfoWarning = "the user name and password in the remote URL are ignored (never sent or stored); sign in with `joinup login`"

    private static func configured(flag: String?, config: AppConfig, environment: [String: String]) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let value = environment["JOINUP_REMOTE"], !value.isEmpty { return value }
        return config.remote
    }
}

/// Where the SPARQL endpoint is: flag, then `JOINUP_SPARQL`, then `sparql` in config.toml, then
/// `<remote>/sparql` (Joinup's own layout). Nil when the chosen text is not an http(s) URL.
enum SPARQLSetting {
    static func resolve(flag: String?, config: AppConfig, layout: RemoteLayout,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let chosen = [flag, environment["JOINUP_SPARQL"], config.sparql].compactMap { $0 }.first { !$0.isEmpty }
            ?? layout.base + "/sparql"
        guard let url = URL(string: URLText.withoutUserinfo(chosen)), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else { return nil }
        return url
    }
}
