import Foundation
import JoinupModel

/// One collection listed in a remote's directory (`/collections.xml`).
public struct DirectoryEntry: Hashable, Sendable {
    /// The short name in the remote's paths.
    public var alias: String
    public var title: String
    /// The collection page (the item's `link`).
    public var pageURL: String
    /// The collection URI (the item's `guid`), when given.
    public var uri: String?
    public var isClosed: Bool

    public init(alias: String, title: String, pageURL: String, uri: String?, isClosed: Bool) {
        self.alias = alias
        self.title = title
        self.pageURL = pageURL
        self.uri = uri
        self.isClosed = isClosed
    }
}

/// Reads the collection directory: an RSS 2.0 channel with one item per collection.
public enum CollectionDirectoryParser {
    /// Each item gives `title`, `link` (the collection page), `guid` (the collection URI) and the
    /// categories `<category domain="alias">` and `<category domain="closed">true|false</category>`.
    /// Without an alias category the alias is the link's last path segment; an item with neither is an error.
    public static func parse(_ data: Data, resource: String = "collections.xml") throws(FeedParseError) -> [DirectoryEntry] {
        let handler = Handler()
        try XMLEventReader.read(data, resource: resource, into: handler)
        guard handler.sawChannel else {
            throw FeedParseError(resource: resource, reason: .unexpectedDocument(expected: "an RSS 2.0 collection directory (rss/channel)"))
        }
        return handler.entries
    }

    private final class Handler: XMLEventHandler {
        var failure: FeedParseError.Reason?
        var sawChannel = false
        var entries: [DirectoryEntry] = []
        var inItem = false
        var text = ""
        var domain: String?
        var title = "", link = "", guid: String?, alias: String?, closed = false

        func didStart(_ name: XMLName, attributes: [XMLName: String]) {
            text = ""
            if name == XMLName("", "channel") { sawChannel = true }
            if name == XMLName("", "item") {
                inItem = true
                title = ""; link = ""; guid = nil; alias = nil; closed = false
            }
            if name == XMLName("", "category") { domain = attributes[XMLName("", "domain")] }
        }

        func didFindText(_ text: String) { self.text += text }

        func didEnd(_ name: XMLName) {
            defer { text = "" }
            guard inItem, name.namespace.isEmpty else { return }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name.local {
            case "title": title = TerminalText.line(value)
            case "link": link = WebLink.http(value) ?? ""
            case "guid": guid = value.isEmpty ? nil : TerminalText.line(value)
            case "category":
                switch domain?.lowercased() {
                case "alias": alias = TerminalText.line(value)
                case "closed": closed = ["true", "1", "yes"].contains(value.lowercased())
                default: break
                }
            case "item":
                inItem = false
                let name = alias.flatMap { $0.isEmpty ? nil : $0 }
                    ?? URL(string: link)?.lastPathComponent.removingPercentEncoding.flatMap { $0.isEmpty || $0 == "/" ? nil : $0 }
                guard let name else {
                    failure = .missingField(field: "alias category or link", context: "item \(entries.count + 1)")
                    return
                }
                entries.append(DirectoryEntry(alias: name, title: title.isEmpty ? name : title, pageURL: link,
                                              uri: guid, isClosed: closed))
            default: break
            }
        }
    }
}
