import JoinupCache
import JoinupModel
import JoinupSync

/// Something that happened: a user command, a measurement, or a result coming back from an effect.
public enum Action: Hashable, Sendable {
    case started(collectionURI: String)
    case commandIssued(Command)
    case viewportChanged(Viewport)
    case collectionLoaded(header: CollectionHeader, about: Collection, aboutTopics: [Topic], members: [Member])
    case overviewLoaded(facets: [FacetCount], itemCount: Int, window: ItemWindow)
    case itemWindowLoaded(ItemWindow)
    case itemLoaded(ItemDetail)
    case loadFailed(String)
    /// A sync run reported how far it has come.
    case syncProgressed(SyncProgress)
    case syncFinished(SyncSummary)
    /// A sync committed new data to the cache (the store observes the cache, sync never calls it).
    case cacheChanged
    case collectionsListed([CachedCollection])
}

/// Work the runtime does on the reducer's behalf; results come back as actions.
public enum Effect: Hashable, Sendable {
    /// Header, About, members and the first screen of the Overview.
    case loadCollection(uri: String, filter: ItemFilter, windowSize: Int)
    /// A window of the content list around `offset`.
    case loadItemWindow(collectionURI: String, filter: ItemFilter, offset: Int, limit: Int)
    case loadItem(collectionURI: String, id: String)
    /// Sync every collection of the remote's directory into the cache.
    case sync(remote: String)
    /// Watch the cache for commits and report each as `.cacheChanged`, for as long as the app runs.
    case observeCache
    case listCollections
}
