import Foundation

/// How the client names a collection at a remote: by its alias (`/collection/<alias>/…`), or by its
/// URI (`/rdf_entity/<encoded-uri>/…`) when the URI is all it knows (docs/REMOTE.md, "Addressing").
public enum CollectionAddress: Hashable, Sendable {
    case alias(String)
    case uri(String)

    /// A `--collection` argument: an absolute http(s) URL is a URI (Joinup's are
    /// `http://data.europa.eu/w21/<uuid>`), anything else an alias (aliases never hold a colon).
    public init(argument: String) {
        self = Self.isURI(argument) ? .uri(argument) : .alias(argument)
    }

    /// The URI, when that is how the collection is addressed.
    public var uri: String? {
        if case .uri(let uri) = self { return uri }
        return nil
    }

    static func isURI(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host?.isEmpty == false
    }
}
