import JoinupCache
import JoinupModel

/// Fills an empty cache from the snapshot shipped in the binary, through the same parsers and
/// cache writes a real sync uses.
public enum SnapshotImport {
    /// Returns true when it imported (the cache was empty), false when the cache already had data.
    @discardableResult
    public static func importEmbeddedSnapshotIfEmpty(into cache: CacheDatabase) throws -> Bool {
        guard try cache.isEmpty() else { return false }
        try cache.apply(try EmbeddedSnapshot.load(), origin: .embeddedSnapshot)
        return true
    }
}
