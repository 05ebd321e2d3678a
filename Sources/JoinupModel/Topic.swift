/// A term of Joinup's two-level topic vocabulary, keyed by its URI.
public struct Topic: Hashable, Sendable, Codable {
    /// Whether a topic is a parent category or a child term; both can carry the same label.
    public enum Level: String, Hashable, Sendable, Codable {
        case category
        case term
    }

    public var uri: String
    public var label: String
    /// The category a child term belongs to (`skos:broaderTransitive`); nil for categories.
    public var parentURI: String?
    public var level: Level

    public init(uri: String, label: String, parentURI: String? = nil, level: Level? = nil) {
        self.uri = uri
        self.label = label
        self.parentURI = parentURI
        self.level = level ?? (parentURI == nil && uri.contains("/topic/category#") ? .category : .term)
    }

    public var isCategory: Bool { level == .category }
}
