import Foundation

/// Small builders for inline test documents.
enum Fixture {
    static let collectionURI = "http://data.europa.eu/w21/test-collection"

    /// An RSS 2.0 document with the namespaces Joinup's feed declares, around `channelBody`.
    static func feed(_ channelBody: String) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" \
        xmlns:fh="http://purl.org/syndication/history/1.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/" \
        xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
        <title>Test collection</title>
        <link>https://example.org/collection/test</link>
        \(channelBody)
        </channel>
        </rss>
        """.utf8)
    }

    /// One `<item>` with the required fields; `extra` is added inside it.
    static func item(title: String, guid: String = "1 at https://joinup.ec.europa.eu",
                     pubDate: String = "Mon, 26 Jun 2023 13:43:00 +0200", extra: String = "") -> String {
        """
        <item>
          <title>\(title)</title>
          <link>https://example.org/collection/test/news/x</link>
          <pubDate>\(pubDate)</pubDate>
          <dc:creator>Tester</dc:creator>
          <guid isPermaLink="false">\(guid)</guid>
          \(extra)
        </item>
        """
    }

    /// A reference date through Foundation's own ISO 8601 parser (an oracle independent of FeedDate).
    static func iso(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }
}
