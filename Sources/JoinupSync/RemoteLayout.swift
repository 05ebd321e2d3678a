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

    /// Joinup itself.
    public static let joinup = RemoteLayout(base: "https://joinup.ec.europa.eu")!

    /// Joinup itself (by host, either scheme), which has no join or leave for terminals (EU Login
    /// in a web browser only): nothing is queued for it.
    public var isJoinupItself: Bool {
        Origin(base)?.host == Origin(Self.joinup.base)?.host
    }

    public var directory: String { base + "/collections.xml" }
    public var topics: String { base + "/ontology/topic?_format=rdfxml" }
    public func collectionPage(_ alias: String) -> String { collectionPage(.alias(alias)) }
    public func feed(_ alias: String) -> String { feed(.alias(alias)) }
    public func metadata(_ alias: String) -> String { metadata(.alias(alias)) }
    public func members(_ alias: String) -> String { members(.alias(alias)) }

    /// The collection's page: `/collection/<alias>`, or Joinup's entity path
    /// `/rdf_entity/<encoded-uri>` (which Joinup redirects to the alias; joinup-remote answers both).
    public func collectionPage(_ address: CollectionAddress) -> String {
        switch address {
        case .alias(let alias): base + "/collection/" + Self.segment(alias)
        case .uri(let uri): base + "/rdf_entity/" + Self.segment(JoinupURIEncoding.encode(uri))
        }
    }

    /// Joinup's group feed (RSS 2.0) at either path form.
    public func feed(_ address: CollectionAddress) -> String { collectionPage(address) + "/feed.xml" }
    /// The RDF/XML metadata, by content negotiation on the entity's page.
    public func metadata(_ address: CollectionAddress) -> String { collectionPage(address) + "?_format=rdfxml" }
    /// The members list (joinup-remote's extension; Joinup shows members only as HTML).
    public func members(_ address: CollectionAddress) -> String { collectionPage(address) + "/members?_format=json" }

    /// An alias as one path segment (aliases are slugs, but a name from the command line may not be).
    static func segment(_ alias: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;")
        return alias.addingPercentEncoding(withAllowedCharacters: allowed) ?? alias
    }
}
