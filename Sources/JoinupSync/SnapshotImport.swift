import JoinupCache
import JoinupModel

/// Fills an empty cache from the snapshot shipped in the binary, through the same parsers and
/// cache writes a real sync uses.
public enum SnapshotImport {
    /// Returns true when it imported (the cache was empty), false when the cache already had data.
    @discardableResult
    public static func importEmbeddedSnapshotIfEmpty(into cache: CacheDatabase) throws -> Bool {
        guard try cache.isEmpty() else { return false }
        let snapshot = try EmbeddedSnapshot.load()
        try cache.apply(snapshot, origin: .embeddedSnapshot)
        // The shipped snapshot is where reading starts, not news: its items count as read, so a
        // first start shows the seed page as Joinup does and only what a sync brings is unread.
        try cache.markAllRead(collectionURI: snapshot.collection.uri, filter: .none)
        return true
    }
}
