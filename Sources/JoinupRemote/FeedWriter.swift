import Foundation
import JoinupModel
import JoinupSync

/// What a feed document says about itself: the channel and its place in a paged listing.
public struct FeedChannel: Hashable, Sendable {
    public var title: String
    /// The collection page.
    public var link: String
    public var description: String
    /// `<atom:link rel="self">`.
    public var selfURL: String?
    /// `<atom:link rel="next">` (RFC 5005), nil on the last page.
    public var nextURL: String?
    /// `<fh:complete/>`: the listing this document belongs to holds every item.
    public var isComplete: Bool

    public init(title: String, link: String, description: String = "", selfURL: String? = nil,
                nextURL: String? = nil, isComplete: Bool) {
        self.title = title
        self.link = link
        self.description = description
        self.selfURL = selfURL
        self.nextURL = nextURL
        self.isComplete = isComplete
    }
}

/// Writes Joinup's RSS 2.0 collection feed, the format `RSSFeedParser` reads:
/// `RSSFeedParser.parse(FeedWriter.write(…))` gives back the items written (for items whose text is
/// already normalised the way the parser leaves it).
public enum FeedWriter {
    /// One feed document. `topicLabels` names each topic URI in its `<category>`; unknown URIs are
    /// labelled with themselves.
    public static func write(channel: FeedChannel, items: some Sequence<Item>, topicLabels: [String: String]) -> Data {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" \
            xmlns:fh="http://purl.org/syndication/history/1.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/" \
            xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>\(WireFormat.xml(channel.title))</title>
                <link>\(WireFormat.xml(channel.link))</link>
                <description>\(WireFormat.xml(channel.description))</description>

            """
        if let url = channel.selfURL {
            out += "    <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"\(WireFormat.xml(url))\"/>\n"
        }
        if let url = channel.nextURL {
            out += "    <atom:link rel=\"next\" type=\"application/rss+xml\" href=\"\(WireFormat.xml(url))\"/>\n"
        }
        if channel.isComplete { out += "    <fh:complete/>\n" }
        for item in items { append(item, topicLabels: topicLabels, to: &out) }
        out += "  </channel>\n</rss>\n"
        return Data(out.utf8)
    }

    private static func append(_ item: Item, topicLabels: [String: String], to out: inout String) {
        out += "    <item>\n"
        out += "      <title>\(WireFormat.xml(item.kind.label + ": " + item.title))</title>\n"
        out += "      <link>\(WireFormat.xml(item.link))</link>\n"
        // Joinup's description (plain text, cut at 200 characters); the whole body as HTML is our extension.
        out += "      <description>\(WireFormat.xml(FeedSummary.joinupDescription(of: item.body)))</description>\n"
        out += "      <content:encoded>\(WireFormat.xml(html(item.body)))</content:encoded>\n"
        out += "      <pubDate>\(WireFormat.rfc822(item.published))</pubDate>\n"
        out += "      <dc:creator>\(WireFormat.xml(item.author))</dc:creator>\n"
        out += "      <guid isPermaLink=\"false\">\(WireFormat.xml(item.id))</guid>\n"
        if let start = item.eventStart { out += "      <ev:startdate>\(WireFormat.iso8601(start))</ev:startdate>\n" }
        if let end = item.eventEnd { out += "      <ev:enddate>\(WireFormat.iso8601(end))</ev:enddate>\n" }
        if let location = item.eventLocation { out += "      <ev:location>\(WireFormat.xml(location))</ev:location>\n" }
        for uri in item.topicURIs {
            out += "      <category domain=\"\(WireFormat.xml(uri))\">\(WireFormat.xml(topicLabels[uri] ?? uri))</category>\n"
        }
        out += "      <category domain=\"type\">\(item.kind.label)</category>\n"
        out += "    </item>\n"
    }

    /// Plain text (blank-line paragraphs, single line breaks) as the HTML Joinup puts in a description.
    /// One pass over the scalars: this runs for every item a benchmark generates.
    static func html(_ body: String) -> String {
        guard !body.isEmpty else { return "" }
        var out = "<p>"
        out.reserveCapacity(body.utf8.count + 16)
        var newlines = 0
        for c in body.unicodeScalars {
            if c == "\n" {
                newlines += 1
                continue
            }
            if newlines > 0 {
                out += newlines >= 2 ? "</p><p>" : "<br>"
                newlines = 0
            }
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        out += "</p>"
        return out
    }
}
