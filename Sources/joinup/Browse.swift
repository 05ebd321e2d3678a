import ArgumentParser
import Foundation
import JoinupStore
import JoinupViews

/// `joinup` / `joinup browse`: the full-screen browser.
struct Browse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen browser (the default).",
        discussion: "Keys: ↑/↓ or j/k move, Enter opens, Esc goes back, Tab or 1/2/3 switch tabs, r syncs, c picks a collection, ? help, q quit.")

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption

    @Option(help: ArgumentHelp("Remote that r syncs from (default: $JOINUP_REMOTE, else remote in config.toml).",
                               valueName: "url"))
    var remote: String?

    func run() async throws {
        if let problem = TerminalCheck.problem() {
            FileHandle.standardError.write(Data("joinup: \(problem). Without a terminal use `joinup items`, `joinup members` or `joinup about`.\n".utf8))
            throw ExitCode(2)
        }
        let opened: OpenedCache
        do {
            opened = try OpenedCache.open(options, collection: selection.collection)
        } catch {
            FileHandle.standardError.write(Data("joinup: \(error)\n".utf8))
            throw ExitCode(1)
        }
        var initial = AppState()
        initial.remote = RemoteSetting.resolve(flag: remote, configFile: options.paths.configFile)
        let store = await Store(state: initial, runner: EffectRunner(cache: opened.cache))
        let app = await TerminalApp(store: store, collectionURI: opened.collection.uri)
        try await app.run()
    }
}
