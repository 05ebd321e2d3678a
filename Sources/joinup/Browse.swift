import ArgumentParser
import Foundation
import JoinupSettings
import JoinupStore
import JoinupSync
import JoinupViews

/// `joinup` / `joinup browse`: the full-screen browser.
struct Browse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the full-screen browser (the default).",
        discussion: "Keys: ↑/↓ or j/k move, Enter opens, Esc goes back, Tab or 1/2/3 switch tabs, r syncs, c picks a collection, J joins, L leaves, o opens a link, T switches theme, ? help, q quit. Keys can be remapped in config.toml ([keys]).")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    @Option(help: ArgumentHelp("Remote that r syncs from (default: $JOINUP_REMOTE, else remote in config.toml).",
                               valueName: "url"))
    var remote: String?

    @Option(help: ArgumentHelp("Theme by name (joinup themes lists them) or path to a .toml file (default: theme in config.toml; monochrome under NO_COLOR).",
                               valueName: "name|path"))
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Do not read the mouse (also mouse = false in config.toml).")
    var noMouse = false

    @OptionGroup var readonly: ReadonlyOption

    /// Seconds between outbox retries; JOINUP_RETRY_SECONDS shortens it for the end-to-end tests.
    private var retryInterval: Double {
        ProcessInfo.processInfo.environment["JOINUP_RETRY_SECONDS"].flatMap(Double.init).map { max(0.2, $0) } ?? 5
    }

    func run() async throws {
        let paths = options.paths
        let environment = ProcessInfo.processInfo.environment
        let (config, settingsIssues) = AppConfig.load(path: paths.configFile)
        let configIssues = settingsIssues + config.keyConflicts(file: paths.configFile)
        let opened: OpenedCache
        do {
            opened = try OpenedCache.open(options, collection: selection.collection, lastOpened: true)
        } catch {
            throw reported(error)
        }
        // After the cache: an unknown collection is "not found" (6) with or without a terminal.
        if let problem = TerminalCheck.problem() {
            CLIMessage.error("\(problem); without a terminal use `joinup items`, `joinup members` or `joinup about`")
            throw JoinupExit.usage
        }
        var initial = AppState()
        initial.remote = RemoteSetting.resolve(flag: remote, config: config, environment: environment, quiet: true)
        initial.syncInterval = config.syncInterval
        // Another user's cache: browse it, but send nothing whose outcome could not be stored.
        initial.account.isReadonly = readonly.isReadonly(config: config) || opened.cache.isReadOnly

        let catalog = ThemeCatalog(userFolder: ConfigFile.themeFolder(paths))
        let choice = ThemeChoice.choose(flag: theme, config: config.theme, environment: environment, catalog: catalog)
        var messages: [String] = []
        if let first = configIssues.first {
            let more = configIssues.count > 1 ? " (+\(configIssues.count - 1) more)" : ""
            messages.append("config: \(first.shortDescription)\(more); joinup config --check")
        }
        if let problem = choice.problem { messages.append(problem) }
        if RemoteSetting.hasUserinfo(flag: remote, config: config, environment: environment) {
            messages.append(RemoteSetting.userinfoWarning)
        }
        if opened.cache.isReadOnly {
            messages.append("Read-only cache (another user's): browsing only; --data-dir for your own")
        }

        let runner = EffectRunner(cache: opened.cache, credentials: CredentialStore(folder: paths.configDirectory),
                                  remote: initial.remote, retryInterval: retryInterval)
        let store = await Store(state: initial, runner: runner)
        var terminalOptions = TerminalOptions(
            themes: choice.themes, themeIndex: choice.index,
            startupMessage: messages.isEmpty ? nil : messages.joined(separator: " · "),
            mouse: !noMouse && (config.mouse ?? true), browser: config.browser, environment: environment)
        terminalOptions.clipboard = config.clipboard ?? .osc52
        let app = await TerminalApp(store: store, collectionURI: opened.collection.uri,
                                    keyMap: KeyMap.standard.remapped(config.keys), options: terminalOptions)
        try await app.run()
        if let message = await store.state.exitMessage {
            CLIMessage.error(message)
            throw JoinupExit.failure
        }
    }
}
