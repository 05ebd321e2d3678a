import Foundation
import JoinupCache
import JoinupSync

/// The cache ready to read, with the collection to show chosen.
struct OpenedCache {
    var cache: CacheDatabase
    var collection: CachedCollection
    /// True when this start imported the embedded snapshot into an empty cache.
    var importedSnapshot: Bool

    /// Opens (or creates) the cache; an empty one is filled from the embedded snapshot first.
    /// A file this user cannot write (another user's) is opened read-only: reading works.
    /// Without a name the first collection is chosen, or with `lastOpened` the one the browser
    /// showed last (while it is still cached).
    static func open(_ options: PathOptions, collection name: String?, lastOpened: Bool = false) throws -> OpenedCache {
        let paths = options.paths
        try paths.createDataDirectory()
        let cache = try CacheDatabase.openForReading(path: paths.cacheFile)
        let imported: Bool
        let collection: CachedCollection?
        do {
            imported = cache.isReadOnly ? false : try SnapshotImport.importEmbeddedSnapshotIfEmpty(into: cache)
            if let name {
                collection = try cache.collection(named: name)
                guard collection != nil else { throw CacheError.unknownCollection(name) }
            } else {
                collection = try (lastOpened ? cache.lastOpenedCollection() : nil) ?? cache.collections().first
            }
        } catch {
            // A damaged file can open and fail only on its first real read.
            throw CacheError.explaining(error, path: paths.cacheFile)
        }
        guard let collection else { throw CacheError.unknownCollection("(none)") }
        return OpenedCache(cache: cache, collection: collection, importedSnapshot: imported)
    }
}
