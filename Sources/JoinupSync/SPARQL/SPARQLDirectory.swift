import Foundation
import JoinupModel

/// Turns the rows of the `.rq` queries into directory values (pure; every text cleaned for the terminal).
public enum SPARQLDirectory {
    /// `collections.rq` rows → collections in the rows' order. A collection with several owners or
    /// contact points comes in several rows (adjacent, or split across pages): merged by URI, the
    /// first owner and contact kept, topics and countries united.
    public static func collections(_ rows: [SPARQLRow]) -> [DirectoryCollection] {
        var order: [String] = []
        var byURI: [String: DirectoryCollection] = [:]
        for row in rows {
            guard let uri = row["collection"]?.value, !uri.isEmpty else { continue }
            let topics = words(row["topics"]), countries = words(row["countries"])
            if var known = byURI[uri] {
                known.ownerURI = known.ownerURI ?? row["owner"]?.value
                known.contactURI = known.contactURI ?? row["contact"]?.value
                known.topicURIs += topics.filter { !known.topicURIs.contains($0) }
                known.countryURIs += countries.filter { !known.countryURIs.contains($0) }
                byURI[uri] = known
                continue
            }
            order.append(uri)
            let alias = row["alias"].map { TerminalText.line($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
            byURI[uri] = DirectoryCollection(
                uri: uri, alias: alias, title: TerminalText.line(row["title"]?.value ?? uri),
                abstract: TerminalText.line(HTMLText.plainText(row["abstract"]?.value ?? "")),
                modified: row["modified"]?.date, isClosed: row["closed"]?.bool ?? false,
                state: TerminalText.line(row["state"]?.value ?? "validated"),
                ownerURI: row["owner"]?.value, contactURI: row["contact"]?.value,
                topicURIs: topics, countryURIs: countries)
        }
        return order.compactMap { byURI[$0] }
    }

    /// `topics.rq` rows → the vocabulary; a topic without a parent is a category.
    public static func topics(_ rows: [SPARQLRow]) -> [Topic] {
        var seen: Set<String> = []
        return rows.compactMap { row in
            guard let uri = row["topic"]?.value, let label = row["label"]?.value, seen.insert(uri).inserted else { return nil }
            let parent = row["parent"]?.value
            return Topic(uri: uri, label: TerminalText.line(label), parentURI: parent, level: parent == nil ? .category : .term)
        }
    }

    /// `owners.rq` rows → owners (the first name and type of each).
    public static func owners(_ rows: [SPARQLRow]) -> [DirectoryOwner] {
        var seen: Set<String> = []
        return rows.compactMap { row in
            guard let uri = row["owner"]?.value, let name = row["name"]?.value, seen.insert(uri).inserted else { return nil }
            return DirectoryOwner(uri: uri, name: TerminalText.line(name), typeURI: row["type"]?.value)
        }
    }

    /// `contacts.rq` rows → contact points; the e-mail loses its `mailto:`, the page must be http(s).
    public static func contacts(_ rows: [SPARQLRow]) -> [DirectoryContact] {
        var seen: Set<String> = []
        return rows.compactMap { row in
            guard let uri = row["contact"]?.value, let name = row["name"]?.value, seen.insert(uri).inserted else { return nil }
            var email = row["email"]?.value
            if let text = email, text.lowercased().hasPrefix("mailto:") { email = String(text.dropFirst("mailto:".count)) }
            return DirectoryContact(uri: uri, name: TerminalText.line(name),
                                    email: email.map(TerminalText.line).flatMap { $0.isEmpty ? nil : $0 },
                                    webPage: row["page"].flatMap { WebLink.http($0.value) })
        }
    }

    /// `countries.rq` rows → country URI → name.
    public static func countryNames(_ rows: [SPARQLRow]) -> [String: String] {
        var names: [String: String] = [:]
        for row in rows {
            guard let uri = row["country"]?.value, let label = row["label"]?.value, names[uri] == nil else { continue }
            names[uri] = TerminalText.line(label)
        }
        return names
    }

    private static func words(_ term: SPARQLTerm?) -> [String] {
        guard let term else { return [] }
        return term.value.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
