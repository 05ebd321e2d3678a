/// Everything one sync (or the embedded snapshot) learnt about a collection, ready for the cache.
public struct CollectionSnapshot: Hashable, Sendable {
    public var collection: Collection
    /// The topic vocabulary the collection's items and metadata refer to.
    public var topics: [Topic]
    public var items: [Item]
    /// More of the listing, after `items`: a sync keeps the items of its feed pages packed
    /// until the one write that stores them (PackedItems.swift).
    public var packedItems: PackedItems
    /// Nil when the remote does not publish members (the cache then keeps what it had).
    public var members: [Member]?
    /// True when `items` (with `packedItems`) is the complete listing: cached items missing from it are deleted.
    public var isCompleteListing: Bool
    /// Ids the listing names but whose items could not be read: their cached copies stay, even
    /// in a complete listing (an item is never deleted because one of its values went bad).
    public var keptItemIDs: Set<String> = []

    public init(collection: Collection, topics: [Topic], items: [Item], members: [Member]?,
                isCompleteListing: Bool, packedItems: PackedItems = PackedItems()) {
        self.collection = collection
        self.topics = topics
        self.items = items
        self.packedItems = packedItems
        self.members = members
        self.isCompleteListing = isCompleteListing
    }
}
