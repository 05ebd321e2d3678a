import Foundation

/// Where a remote publishes each resource (DESIGN.md's remote-feed table), relative to its base URL.
public struct RemoteLayout: Hashable, Sendable {
    /// The base URL without a trailing slash, e.g. `http://127.0.0.1:43817`.
    public let base: String

    /// Nil when `base` is not an absolute http(s) URL. A user name and password in it are dropped:
    /// they would be stored with every URL and printed in messages (joinup signs in with a token).
    public init?(base text: String) {
        var base = URLText.withoutUserinfo(text.trimmingCharacters(in: .whitespacesAndNewlines))
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else { return nil }
        self.base = base
    }

    /// Joinup itself, which has no join or leave for terminals (EU Login in a web browser only):
    /// nothing is queued for it.
    public var isJoinupItself: Bool {
        Origin(base)?.host == "joinup.ec.europa.eu"
    }

    public var directory: String { base + "/collections.xml" }
    public var topics: String { base + "/ontology/topic?_format=rdfxml" }
    public func collectionPage(_ alias: String) -> String { base + "/collection/" + Self.segment(alias) }
    public func feed(_ alias: String) -> String { collectionPage(alias) + "/feed.xml" }
    public func metadata(_ alias: String) -> String { collectionPage(alias) + "?_format=rdfxml" }
    public func members(_ alias: String) -> String { collectionPage(alias) + "/members?_format=json" }

    /// An alias as one path segment (aliases are slugs, but a name from the command line may not be).
    static func segment(_ alias: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;")
        return alias.addingPercentEncoding(withAllowedCharacters: allowed) ?? alias
    }
}
