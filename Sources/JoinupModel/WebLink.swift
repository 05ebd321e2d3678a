/// Which links from the network joinup keeps as links: absolute `http` and `https` URLs only.
///
/// A feed can carry `javascript:`, `file:`, `data:` or relative links; stored, they could be opened
/// by a browser or fetched by the sync. They are dropped where they arrive (the parsers), so nothing
/// downstream has to ask again.
public enum WebLink {
    /// `text` sanitised to one line when it is an absolute http(s) URL with a host; nil otherwise.
    public static func http(_ text: String) -> String? {
        let line = TerminalText.line(text)
        // Over UTF-8 bytes: every item has a link, and Character and Foundation string searches
        // were a tenth of a feed's per-item parse work.
        let utf8 = line.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = utf8[..<colon].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) else { return nil }
        let rest = utf8[utf8.index(after: colon)...]
        guard rest.starts(with: "//".utf8), rest.count > 2, !rest.contains(UInt8(ascii: " ")) else { return nil }
        let host = rest.dropFirst(2).prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        return host.isEmpty ? nil : line
    }
}
