import ArgumentParser

/// `joinup`: a terminal browser for Joinup collections.
@main
struct Joinup: AsyncParsableCommand {
    // Every command names itself (`commandName`): a name derived from the type goes through
    // `String(describing:)`, a runtime conformance search per command, 3.6 ms of each start.
    static let configuration = CommandConfiguration(
        commandName: "joinup",
        abstract: "Browse Joinup collections in the terminal: content, topics, members and metadata.",
        discussion: """
            With no subcommand, opens the browser full screen. A first start with an empty cache \
            opens the embedded snapshot of the EC Open Source Programme Office collection.
            For scripts and pipes use the headless subcommands: items, topics, collections, members, about; `joinup sync` fetches from a remote. \
            `joinup login` signs in; `joinup join`/`leave` change a membership (exit 0 done, 3 queued, 4 refused, 5 read-only, 6 unknown collection); \
            `joinup outbox` lists what waits to be sent.
            """,
        version: "joinup 0.1.0",
        subcommands: [Browse.self, Items.self, Topics.self, Collections.self, Members.self, About.self, Sync.self,
                      Join.self, Leave.self, Outbox.self, Login.self, Logout.self, Whoami.self, Themes.self, Config.self,
                      Doctor.self, Complete.self, Digest.self],
        defaultSubcommand: Browse.self)

    /// ArgumentParser's text for a usage error without its "Error: " label.
    static func usageMessage(for error: any Error) -> String {
        let text = fullMessage(for: error)
        return text.hasPrefix("Error: ") ? String(text.dropFirst("Error: ".count)) : text
    }

    /// ArgumentParser's own `main`, with stdio's buffered output checked at exit first: a command
    /// that `print`s to a full disk must not exit 0.
    static func main() async {
        StandardStream.checkBufferedOutputAtExit()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // ArgumentParser's parse and validation errors exit 64; joinup's table says usage is 2,
            // and its messages have one style (the usage lines follow the sentence).
            if exitCode(for: error) == JoinupExit.argumentParserUsage {
                CLIMessage.error(usageMessage(for: error))
                exit(withError: JoinupExit.usage)
            }
            exit(withError: error)
        }
    }
}
