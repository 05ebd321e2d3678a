import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel
import JoinupViews

/// `joinup complete KIND [-- WORDS…]`: the values the shell completion scripts offer that only
/// the user's files know (hidden; scripts call it). One value per line, cleaned for the terminal.
struct Complete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Print completion values: cached collection aliases, theme names, topic labels; or the key table.",
        discussion: """
            The words after -- are the command line being completed: its --data-dir and --config-dir \
            choose the files, as they would for that command. Prints nothing when the cache does not exist yet.
            """,
        shouldDisplay: false)

    @Argument(help: "collections, themes, topics, or keys (the browser's key table, for the manual page).")
    var kind: CompletionValues

    @OptionGroup var options: PathOptions

    @Argument(parsing: .postTerminator, help: "The command line being completed.")
    var words: [String] = []

    func run() throws {
        let paths = CompletionContext.paths(options, words: words)
        var out = OutputBuffer()
        for value in try kind.values(paths) { try out.line(value) }
        try out.flush()
    }
}

/// What `joinup complete` can list.
enum CompletionValues: String, ExpressibleByArgument, CaseIterable {
    case collections, themes, topics, keys

    func values(_ paths: AppPaths) throws -> [String] {
        switch self {
        case .collections:
            return try Self.readingCache(paths) { try $0.collections().map(\.alias) }.map(cell)
        case .topics:
            return try Self.readingCache(paths) { CompletionContext.topicWords(try $0.allTopics()) }.map(cell)
        case .themes:
            return ThemeCatalog(userFolder: ConfigFile.themeFolder(paths)).all().map { cell($0.name) }
        case .keys:
            return KeyMap.standard.helpSections().flatMap { section in
                section.bindings.map { [section.title, $0.keyLabel, $0.description].joined(separator: "\t") }
            }
        }
    }

    /// Completing must not create a data folder or import the snapshot: no cache, no values.
    private static func readingCache(_ paths: AppPaths, _ read: (CacheDatabase) throws -> [String]) throws -> [String] {
        guard FileManager.default.fileExists(atPath: paths.cacheFile) else { return [] }
        return try read(try CacheDatabase.openForReading(path: paths.cacheFile))
    }
}

/// Pure helpers of `joinup complete`.
enum CompletionContext {
    /// The folders the completed command line would use: its own --data-dir/--config-dir (as
    /// "--data-dir DIR" or "--data-dir=DIR"; the last one wins, as for the parser), else the
    /// options given to `complete` itself, else the environment and XDG defaults.
    static func paths(_ options: PathOptions, words: [String],
                      environment: [String: String] = ProcessInfo.processInfo.environment) -> AppPaths {
        func value(of flag: String) -> String? {
            var found: String?
            for (index, word) in words.enumerated() {
                if word == flag, index + 1 < words.count {
                    found = words[index + 1]
                } else if word.hasPrefix(flag + "=") {
                    found = String(word.dropFirst(flag.count + 1))
                }
            }
            return found
        }
        return AppPaths.resolve(dataFlag: value(of: "--data-dir") ?? options.dataDirectory,
                                configFlag: value(of: "--config-dir") ?? options.configDirectory,
                                environment: environment)
    }

    /// What `--topic` accepts for each topic: its label, or its URI when the label is shared
    /// (a category and its term: the label alone would be an error). Each value once, in vocabulary order.
    static func topicWords(_ vocabulary: [Topic]) -> [String] {
        var sharing: [String: Int] = [:]
        for topic in vocabulary { sharing[TopicLookup.key(topic.label), default: 0] += 1 }
        var seen = Set<String>()
        return vocabulary.compactMap { topic in
            let word = sharing[TopicLookup.key(topic.label)] == 1 ? topic.label : topic.uri
            return seen.insert(word).inserted ? word : nil
        }
    }
}
