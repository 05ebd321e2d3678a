import JoinupModel

/// Combines the parsed remote documents of one collection into the `CollectionSnapshot` the cache takes.
public enum SnapshotAssembler {
    /// Builds a snapshot from the collection metadata, the topic vocabulary, the feed pages in order
    /// (first page first) and the members list (nil when the remote publishes none).
    ///
    /// - Topics: the vocabulary, plus every topic learnt from feed categories whose URI the vocabulary
    ///   lacks (so items never refer to an unknown topic); the vocabulary's label wins on conflict.
    /// - Items: all pages' items, the first occurrence of an id winning (pages can overlap while the
    ///   remote changes), each stamped with the collection's URI.
    /// - Complete listing: only when a page carries `fh:complete` and the last page has no next link;
    ///   a feed we could not read to its end must never delete cached items.
    public static func assemble(collection: Collection, vocabulary: [Topic], feedPages: [FeedPage],
                                members: [Member]?) -> CollectionSnapshot {
        var topics = vocabulary
        var known = Set(vocabulary.map(\.uri))
        for page in feedPages {
            for topic in page.categoryTopics where known.insert(topic.uri).inserted {
                topics.append(topic)
            }
        }
        var items: [Item] = []
        var seen: Set<String> = []
        for page in feedPages {
            for var item in page.items where seen.insert(item.id).inserted {
                item.collectionURI = collection.uri
                items.append(item)
            }
        }
        let isComplete = feedPages.contains(where: \.isComplete) && feedPages.last?.nextPageURL == nil
        return CollectionSnapshot(collection: collection, topics: topics, items: items, members: members,
                                  isCompleteListing: isComplete)
    }
}
