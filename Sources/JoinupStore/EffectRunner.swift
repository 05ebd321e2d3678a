import JoinupCache
import JoinupModel

/// Runs the reducer's effects against the cache and turns each outcome into an action.
public struct EffectRunner: Sendable {
    let cache: CacheDatabase

    public init(cache: CacheDatabase) {
        self.cache = cache
    }

    /// Performs one effect; errors come back as `.loadFailed` with a message for the status line.
    public func run(_ effect: Effect) async -> [Action] {
        do {
            switch effect {
            case .loadCollection(let uri, let filter, let windowSize):
                let header = try cache.header(collectionURI: uri)
                let about = try cache.about(collectionURI: uri)
                let aboutTopics = try cache.topics(uris: about.topicURIs)
                let members = try cache.members(collectionURI: uri)
                let facets = try cache.facetCounts(collectionURI: uri, filter: filter)
                let count = try cache.itemCount(collectionURI: uri, filter: filter)
                let rows = try cache.itemSummaries(collectionURI: uri, filter: filter, offset: 0, limit: windowSize)
                return [
                    .collectionLoaded(header: header, about: about, aboutTopics: aboutTopics, members: members),
                    .overviewLoaded(facets: facets, itemCount: count, window: ItemWindow(offset: 0, rows: rows)),
                ]
            case .loadItemWindow(let uri, let filter, let offset, let limit):
                let rows = try cache.itemSummaries(collectionURI: uri, filter: filter, offset: offset, limit: limit)
                return [.itemWindowLoaded(ItemWindow(offset: offset, rows: rows))]
            case .loadItem(let uri, let id):
                guard let detail = try cache.item(collectionURI: uri, id: id) else {
                    return [.loadFailed("That item is no longer in the cache.")]
                }
                return [.itemLoaded(detail)]
            }
        } catch {
            return [.loadFailed("Cache error: \(error)")]
        }
    }
}
