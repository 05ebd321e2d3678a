/// Which links from the network joinup keeps as links: absolute `http` and `https` URLs only.
///
/// A feed can carry `javascript:`, `file:`, `data:` or relative links; stored, they could be opened
/// by a browser or fetched by the sync. They are dropped where they arrive (the parsers), so nothing
/// downstream has to ask again.
public enum WebLink {
    /// `text` sanitised to one line when it is an absolute http(s) URL with a host; nil otherwise.
    public static func http(_ text: String) -> String? {
        let line = TerminalText.line(text)
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let scheme = line[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = line[line.index(after: colon)...]
        guard rest.hasPrefix("//"), rest.count > 2, !rest.contains(" ") else { return nil }
        let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : line
    }
}
