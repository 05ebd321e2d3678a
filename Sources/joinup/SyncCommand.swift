import ArgumentParser
import Foundation
import JoinupCache
import JoinupSync

/// `joinup sync`: brings collections from a remote into the cache.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sync collections from a remote into the local cache.",
        discussion: """
            The remote is --remote, else $JOINUP_REMOTE, else `remote = "URL"` in config.toml. \
            Without --collection every collection of the remote's directory is synced. Prints one line \
            per collection; exits 0 only when every collection synced.
            """)

    @Option(help: ArgumentHelp("Base URL of the remote (e.g. http://127.0.0.1:8080).", valueName: "url"))
    var remote: String?

    @Option(name: .customLong("collection"), help: ArgumentHelp(
        "Sync only this collection (repeatable); needed when the remote has no directory.", valueName: "alias"))
    var collections: [String] = []

    @Option(help: "Seconds to wait for an answer before giving up.")
    var timeout: Int = 15

    @OptionGroup var options: PathOptions

    func run() async throws {
        let paths = options.paths
        guard let remoteText = RemoteSetting.resolve(flag: remote, configFile: paths.configFile) else {
            fail("no remote configured: pass --remote URL, set JOINUP_REMOTE, or put remote = \"URL\" in \(paths.configFile)")
        }
        guard let layout = RemoteLayout(base: remoteText) else {
            fail("\"\(remoteText)\" is not an http(s) URL; give the remote's base URL, e.g. http://127.0.0.1:8080")
        }
        try FileManager.default.createDirectory(atPath: paths.dataDirectory, withIntermediateDirectories: true)
        let cache: CacheDatabase
        do {
            cache = try CacheDatabase(path: paths.cacheFile)
        } catch {
            fail("\(error)")
        }
        let engine = SyncEngine(layout: layout, cache: cache,
                                client: HTTPClient(limits: HTTPClientLimits(requestTimeout: timeout)))
        let showProgress = isatty(STDERR_FILENO) == 1
        let report = await engine.sync(aliases: collections, progress: showProgress ? Self.showProgress : nil)
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

        if let error = report.directoryError {
            fail(error.message)
        }
        for result in report.results {
            print(result.summary)
            if case .failed(let error) = result.outcome {
                FileHandle.standardError.write(Data("joinup sync: \(result.alias): \(error.message)\n".utf8))
            }
        }
        if !report.succeeded { throw ExitCode(1) }
    }

    private static let showProgress: @Sendable (SyncProgress) -> Void = { progress in
        let line = "\r\u{1B}[Ksyncing \(progress.alias ?? "directory"): \(progress.resourcesDone)/\(progress.resourcesTotal) documents, \(progress.itemsSoFar) items"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("joinup sync: \(message)\n".utf8))
        Sync.exit(withError: ExitCode(1))
    }
}

/// Where the remote's URL comes from: flag, then `JOINUP_REMOTE`, then `remote = "…"` in config.toml.
enum RemoteSetting {
    static func resolve(flag: String?, configFile: String,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let value = environment["JOINUP_REMOTE"], !value.isEmpty { return value }
        guard let text = try? String(contentsOfFile: configFile, encoding: .utf8) else { return nil }
        return fromConfig(text)
    }

    /// Reads a top-level `remote = "…"` (or `'…'`) line; enough TOML until the config grows a parser.
    static func fromConfig(_ text: String) -> String? {
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { return nil }  // tables start: `remote` is a top-level key
            guard line.hasPrefix("remote") else { continue }
            let rest = line.dropFirst("remote".count).trimmingCharacters(in: .whitespaces)
            guard rest.hasPrefix("=") else { continue }
            let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
            guard let quote = value.first, quote == "\"" || quote == "'",
                  let end = value.dropFirst().firstIndex(of: quote) else { continue }
            let url = String(value[value.index(after: value.startIndex)..<end])
            return url.isEmpty ? nil : url
        }
        return nil
    }
}
