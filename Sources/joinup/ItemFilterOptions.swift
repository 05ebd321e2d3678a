import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// The filter options `items` and `topics` share; they build an `ItemFilter`.
struct ItemFilterOptions: ParsableArguments {
    @Option(name: .customLong("topic"), help: ArgumentHelp(
        "Only items with this topic, by URI or label (repeatable: any of them). A label two topics share (a category and its term, e.g. ICT) is an error naming both URIs.",
        valueName: "uri|label"))
    var topics: [String] = []

    @Option(name: .customLong("type"), help: ArgumentHelp(
        "Only items of this type: news, event, document, discussion, solution (repeatable: any of them).",
        valueName: "type"))
    var types: [String] = []

    @Option(name: .customLong("search"), help: ArgumentHelp(
        "Words to find in title, body or author (each word a prefix; case and accents ignored).", valueName: "text"))
    var search: String?

    @Option(help: ArgumentHelp("Only items listed on or after this day, month or year (Europe/Brussels).", valueName: "YYYY[-MM[-DD]]"))
    var since: String?

    @Option(help: ArgumentHelp("Only items listed on or before this day, month or year (Europe/Brussels; inclusive).", valueName: "YYYY[-MM[-DD]]"))
    var until: String?

    @Option(help: ArgumentHelp("A query in joinup's query language (combined with the other options).", valueName: "query"))
    var query: String?

    @Flag(help: "Only items you have not read (as is:unread).")
    var unread = false

    /// The filter these options describe, topics resolved against the cache's vocabulary.
    func filter(cache: CacheDatabase) throws -> ItemFilter {
        var filter = ItemFilter()
        if !topics.isEmpty {
            let vocabulary = try cache.allTopics()
            for text in topics {
                filter.topicURIs.insert(try Self.resolveTopic(text, in: vocabulary).uri)
            }
        }
        for text in types {
            guard let kind = ItemKind(label: text) else {
                throw CommandFailure(message: "unknown type \"\(text)\"; use one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.kinds.insert(kind)
        }
        if let search { filter.text = search }
        filter.since = try since.map { try Self.date($0, option: "--since", bound: QueryDate.start(of:)) }
        filter.until = try until.map { try Self.date($0, option: "--until", bound: QueryDate.end(of:)) }
        if let since, let until, let start = filter.since, let end = filter.until, start >= end {
            throw CommandFailure(message: "--since \(since) is after --until \(until): no item can match")
        }
        if unread { filter.readState = .unread }
        if let query {
            filter = try QueryHook.apply(query, to: filter, vocabulary: try cache.allTopics())
        }
        return filter
    }

    static func resolveTopic(_ text: String, in vocabulary: [Topic]) throws -> Topic {
        switch TopicLookup.resolve(text, in: vocabulary) {
        case .found(let topic):
            return topic
        case .ambiguous(let candidates):
            let list = candidates.map { "\($0.uri) (\($0.level.rawValue))" }.joined(separator: ", ")
            throw CommandFailure(message: "topic \"\(text)\" is ambiguous: \(list); pass the URI")
        case .unknown(let suggestions):
            let hint = suggestions.isEmpty ? "; `joinup topics` lists them"
                : "; did you mean " + suggestions.map { "\"\($0.label)\" (\($0.level.rawValue), \($0.uri))" }.joined(separator: ", ") + "?"
            throw CommandFailure.notFound("no topic \"\(text)\"\(hint)")
        }
    }

    /// A `YYYY[-MM[-DD]]` option as the instant `bound` makes of it, like the query's `after:`/`before:`.
    static func date(_ text: String, option: String, bound: (String) -> Date?) throws -> Date {
        guard let date = bound(text) else {
            throw CommandFailure(message: "\(option) wants a date as YYYY-MM-DD, YYYY-MM or YYYY, not \"\(text)\"")
        }
        return date
    }
}
