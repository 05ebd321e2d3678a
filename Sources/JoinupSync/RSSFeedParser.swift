import Foundation
import JoinupModel

/// Reads Joinup's RSS 2.0 collection feed (with topic categories, RFC 5005 paging and the event module).
public enum RSSFeedParser {
    /// Parses one feed document into a `FeedPage` whose items belong to `collectionURI`.
    ///
    /// Throws `FeedParseError` for ill-formed XML (with line and column), a document that is not RSS,
    /// or one past a `FeedLimits` bound: a broken document fails whole, so a sync keeps its cache.
    /// An item whose required values (guid or link, a readable pubDate or event date) are missing
    /// or unreadable is left out and counted in the page's `skippedItems`; the others are kept.
    public static func parse(_ data: Data, collectionURI: String, resource: String = "feed.xml") throws(FeedParseError) -> FeedPage {
        let handler = Handler(collectionURI: collectionURI, resource: resource)
        try XMLEventReader.read(data, resource: resource, into: handler)
        guard handler.sawChannel else {
            throw FeedParseError(resource: resource, reason: .unexpectedDocument(expected: "an RSS 2.0 feed (rss/channel)"))
        }
        return FeedPage(title: TerminalText.line(handler.channelTitle), link: WebLink.http(handler.channelLink) ?? "",
                        selfURL: handler.selfURL, nextPageURL: handler.nextURL, isComplete: handler.isComplete,
                        items: handler.items, categoryTopics: handler.topics, skippedItems: handler.skipped)
    }

    /// Splits a Joinup title prefix ("News: …") into the kind it names and the bare title.
    public static func splitTitlePrefix(_ title: String) -> (kind: ItemKind?, title: String) {
        for kind in ItemKind.allCases {
            let prefix = kind.label + ": "
            if title.hasPrefix(prefix) {
                return (kind, String(title.dropFirst(prefix.count)).trimmedWhitespace)
            }
        }
        return (nil, title)
    }

    /// An item's text. `content:encoded` (the whole body as HTML: joinup-remote's extension, and
    /// the RSS content module elsewhere) is read as HTML. Joinup's `description` is plain text
    /// (HTML already stripped, entities decoded once by the XML parser: `&lt;cac:Party&gt;` is the
    /// text `<cac:Party>`), cut at 200 characters; a cut one ends with `FeedSummary.mark`.
    static func body(encoded: String?, description: String?) -> String {
        if let encoded, !encoded.trimmedWhitespace.isEmpty {
            return TerminalText.block(HTMLText.plainText(encoded))
        }
        let text = TerminalText.block((description ?? "").trimmedWhitespace)
        return FeedSummary.looksCut(text) ? text + FeedSummary.mark : text
    }

    /// The values of one `<item>` as read, before validation.
    private struct Draft {
        var title = ""
        var link = ""
        var description: String?
        var encoded: String?
        var pubDate: String?
        var dcDate: String?
        var creator: String?
        var author: String?
        var guid: String?
        var typeLabel: String?
        var topicURIs: [String] = []
        var start: String?
        var end: String?
        var location: String?
    }

    private final class Handler: XMLEventHandler {
        let collectionURI: String
        let resource: String
        var failure: FeedParseError.Reason?
        var skipped = SkippedItems()
        /// The `<item>`s read so far, skipped ones included, for "item 3" in messages.
        var itemsRead = 0

        var sawChannel = false
        var channelTitle = ""
        var channelLink = ""
        var selfURL: String?
        var nextURL: String?
        var isComplete = false
        var items: [Item] = []
        var topics: [Topic] = []
        var topicIndex: Set<String> = []
        /// One shared copy of each repeated value (topic URIs, authors): a 100,000-item sync
        /// held ~400,000 separate copies of a few hundred URIs (tens of MB).
        var interned: [String: String] = [:]

        func intern(_ text: String) -> String {
            if let known = interned[text] { return known }
            interned[text] = text
            return text
        }
        /// The topic URIs of the item being read, for O(1) duplicate checks.
        var draftTopics: Set<String> = []

        var stack: [XMLName] = []
        var text = ""
        var draft: Draft?
        var categoryDomain: String?

        init(collectionURI: String, resource: String) {
            self.collectionURI = collectionURI
            self.resource = resource
        }

        private static let rss = XMLName("", "rss")
        private static let channel = XMLName("", "channel")
        private static let item = XMLName("", "item")

        func didStart(_ name: XMLName, attributes: [XMLName: String]) {
            stack.append(name)
            text = ""
            if name == Self.channel {
                sawChannel = true
            } else if name == Self.item, draft == nil {
                draft = Draft()
                draftTopics = []
                itemsRead += 1
            } else if name == XMLName("", "category") {
                categoryDomain = attributes[XMLName("", "domain")]
            } else if name == XMLName(XMLNamespace.atom, "link"), draft == nil {
                let rel = attributes[XMLName("", "rel")] ?? "alternate"
                let href = attributes[XMLName("", "href")].map { TerminalText.line($0) }
                if rel == "next" { nextURL = href } else if rel == "self" { selfURL = href }
            } else if name == XMLName(XMLNamespace.fh, "complete") {
                isComplete = true
            }
        }

        func didFindText(_ text: String) {
            self.text += text
        }

        func didEnd(_ name: XMLName) {
            defer {
                stack.removeLast()
                text = ""
            }
            let parent = stack.count >= 2 ? stack[stack.count - 2] : nil
            if name == Self.item {
                if let draft { finish(draft) }
                draft = nil
                return
            }
            if parent == Self.item, draft != nil {
                read(name, into: &draft!)
            } else if parent == Self.channel {
                if name == XMLName("", "title") { channelTitle = text }
                if name == XMLName("", "link") { channelLink = text.trimmedWhitespace }
            }
        }

        private func read(_ name: XMLName, into draft: inout Draft) {
            let value = text
            let trimmed = value.trimmedWhitespace
            switch (name.namespace, name.local) {
            case ("", "title"): draft.title = value
            case ("", "link"): draft.link = trimmed
            case ("", "description"): draft.description = value
            case ("", "pubDate"): draft.pubDate = trimmed
            case ("", "guid"): draft.guid = trimmed
            case ("", "author"): draft.author = value
            case ("", "category"): category(trimmed, domain: categoryDomain, into: &draft)
            case (XMLNamespace.dc, "creator"): draft.creator = value
            case (XMLNamespace.dc, "date"): draft.dcDate = trimmed
            case (XMLNamespace.content, "encoded"): draft.encoded = value
            case (XMLNamespace.ev, "startdate"): draft.start = trimmed
            case (XMLNamespace.ev, "enddate"): draft.end = trimmed
            case (XMLNamespace.ev, "location"): draft.location = value
            default: break
            }
        }

        /// A category is the content type (`domain="type"`), a topic URI with its label, or a bare label.
        private func category(_ label: String, domain: String?, into draft: inout Draft) {
            let domain = domain?.trimmedWhitespace
            if domain?.lowercased() == "type" {
                draft.typeLabel = label
                return
            }
            let cleanLabel = TerminalText.line(label)
            // Without a domain the label is the only identity there is, so it doubles as the key.
            let uri = intern(TerminalText.line(domain?.isEmpty == false ? domain! : cleanLabel))
            guard !uri.isEmpty else { return }
            if draftTopics.insert(uri).inserted {
                guard draft.topicURIs.count < FeedLimits.topicsPerItem else {
                    failure = .overLimit(what: "topic categories in item \(itemsRead)", limit: FeedLimits.topicsPerItem)
                    return
                }
                draft.topicURIs.append(uri)
            }
            if topicIndex.insert(uri).inserted {
                topics.append(Topic(uri: uri, label: cleanLabel.isEmpty ? uri : cleanLabel))
            }
        }

        private func finish(_ draft: Draft) {
            let context = "item \(itemsRead)"
            let (prefixKind, bareTitle) = RSSFeedParser.splitTitlePrefix(TerminalText.line(draft.title))
            let kind = draft.typeLabel.flatMap { ItemKind(label: $0) } ?? prefixKind ?? .news
            // Only http(s) links are kept: a javascript:, file: or data: link is dropped, not stored.
            let link = WebLink.http(draft.link) ?? ""
            // Joinup's guid is "<node id> at <site>", not a URL; fall back to the link only when absent.
            guard let id = draft.guid.map({ TerminalText.line($0) }).flatMap({ $0.isEmpty ? nil : $0 })
                    ?? (link.isEmpty ? nil : link) else {
                return skip(.missingField(field: "guid or link", context: context), id: nil)
            }
            let published: Date
            if let text = draft.pubDate {
                guard let date = FeedDate.rfc822(text) ?? FeedDate.iso8601(text) else {
                    return skip(.invalidValue(field: "pubDate", value: text, context: context), id: id)
                }
                published = date
            } else if let text = draft.dcDate {
                guard let date = FeedDate.iso8601(text) ?? FeedDate.rfc822(text) else {
                    return skip(.invalidValue(field: "dc:date", value: text, context: context), id: id)
                }
                published = date
            } else {
                return skip(.missingField(field: "pubDate", context: context), id: id)
            }
            var start: Date?
            var end: Date?
            for (field, text) in [("ev:startdate", draft.start), ("ev:enddate", draft.end)] {
                guard let text, !text.isEmpty else { continue }
                guard let date = FeedDate.iso8601(text) ?? FeedDate.rfc822(text) else {
                    return skip(.invalidValue(field: field, value: text, context: context), id: id)
                }
                if field == "ev:startdate" { start = date } else { end = date }
            }
            let location = draft.location.map { TerminalText.line($0) }.flatMap { $0.isEmpty ? nil : $0 }
            items.append(Item(
                id: id, collectionURI: collectionURI, kind: kind, title: bareTitle, link: link,
                body: RSSFeedParser.body(encoded: draft.encoded, description: draft.description),
                author: intern(TerminalText.line(draft.creator ?? draft.author ?? "")),
                published: published, eventStart: start, eventEnd: end, eventLocation: location,
                topicURIs: draft.topicURIs))
        }

        /// Leaves an item out, counted: one unreadable item must not refuse the whole collection.
        private func skip(_ reason: FeedParseError.Reason, id: String?) {
            skipped.record(FeedParseError(resource: resource, reason: reason), id: id)
        }
    }
}
