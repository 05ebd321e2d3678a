import Foundation

/// One line of the collection directory.
struct DirectoryListing: Hashable, Sendable {
    var alias: String
    var title: String
    var uri: String?
    var abstract: String
    var isClosed: Bool
    var modified: Date
}

/// Writes `/collections.xml`: an RSS 2.0 channel with one item per collection, the format
/// `CollectionDirectoryParser` reads (alias and closed flag as domain-tagged categories).
enum DirectoryWriter {
    static func write(_ listings: [DirectoryListing], base: String) -> Data {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>Collections</title>
                <link>\(WireFormat.xml(base))/collections.xml</link>
                <description>Every collection this remote publishes.</description>

            """
        for entry in listings {
            let page = base + "/collection/" + entry.alias
            out += "    <item>\n"
            out += "      <title>\(WireFormat.xml(entry.title))</title>\n"
            out += "      <link>\(WireFormat.xml(page))</link>\n"
            out += "      <description>\(WireFormat.xml(entry.abstract))</description>\n"
            out += "      <pubDate>\(WireFormat.rfc822(entry.modified))</pubDate>\n"
            out += "      <guid isPermaLink=\"false\">\(WireFormat.xml(entry.uri ?? page))</guid>\n"
            out += "      <category domain=\"alias\">\(WireFormat.xml(entry.alias))</category>\n"
            out += "      <category domain=\"closed\">\(entry.isClosed)</category>\n"
            out += "    </item>\n"
        }
        out += "  </channel>\n</rss>\n"
        return Data(out.utf8)
    }
}
