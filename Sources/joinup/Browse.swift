import ArgumentParser
import Foundation
import JoinupStore
import JoinupViews

/// `joinup` / `joinup browse`: the full-screen browser.
struct Browse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen browser (the default).",
        discussion: "Keys: ↑/↓ or j/k move, Enter opens, Esc goes back, Tab or 1/2/3 switch tabs, ? help, q quit.")

    @OptionGroup var options: PathOptions

    func run() async throws {
        if let problem = TerminalCheck.problem() {
            FileHandle.standardError.write(Data("joinup: \(problem). Without a terminal use `joinup items`, `joinup members` or `joinup about`.\n".utf8))
            throw ExitCode(2)
        }
        let opened = try OpenedCache.open(options)
        let store = await Store(runner: EffectRunner(cache: opened.cache))
        let app = await TerminalApp(store: store, collectionURI: opened.collection.uri)
        try await app.run()
    }
}
