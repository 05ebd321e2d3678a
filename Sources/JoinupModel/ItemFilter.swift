/// What narrows a collection's content list. Topics combine with OR, kinds with OR, the two with AND.
public struct ItemFilter: Hashable, Sendable, Codable {
    public var topicURIs: Set<String>
    public var kinds: Set<ItemKind>
    public var text: String

    public init(topicURIs: Set<String> = [], kinds: Set<ItemKind> = [], text: String = "") {
        self.topicURIs = topicURIs
        self.kinds = kinds
        self.text = text
    }

    public static let none = ItemFilter()

    public var isEmpty: Bool { topicURIs.isEmpty && kinds.isEmpty && text.isEmpty }
}
