import ArgumentParser
import Foundation
import JoinupStore
import JoinupSync
import JoinupViews

/// `joinup` / `joinup browse`: the full-screen browser.
struct Browse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen browser (the default).",
        discussion: "Keys: ↑/↓ or j/k move, Enter opens, Esc goes back, Tab or 1/2/3 switch tabs, r syncs, c picks a collection, J joins, L leaves, ? help, q quit.")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    @Option(help: ArgumentHelp("Remote that r syncs from (default: $JOINUP_REMOTE, else remote in config.toml).",
                               valueName: "url"))
    var remote: String?

    @OptionGroup var readonly: ReadonlyOption

    /// Seconds between outbox retries; JOINUP_RETRY_SECONDS shortens it for the end-to-end tests.
    private var retryInterval: Double {
        ProcessInfo.processInfo.environment["JOINUP_RETRY_SECONDS"].flatMap(Double.init).map { max(0.2, $0) } ?? 5
    }

    func run() async throws {
        if let problem = TerminalCheck.problem() {
            FileHandle.standardError.write(Data("joinup: \(problem). Without a terminal use `joinup items`, `joinup members` or `joinup about`.\n".utf8))
            throw ExitCode(2)
        }
        let opened = try OpenedCache.open(options, collection: selection.collection)
        var initial = AppState()
        initial.remote = RemoteSetting.resolve(flag: remote, configFile: options.paths.configFile)
        initial.account.isReadonly = readonly.isReadonly(configFile: options.paths.configFile)
        let runner = EffectRunner(cache: opened.cache, credentials: CredentialStore(folder: options.paths.configDirectory),
                                  retryInterval: retryInterval)
        let store = await Store(state: initial, runner: runner)
        let app = await TerminalApp(store: store, collectionURI: opened.collection.uri)
        try await app.run()
    }
}
