import Foundation
import JoinupCache
import JoinupModel

extension EffectRunner {
    /// The read-state effects: each writes or reads the cache and answers with one action.
    func runReadState(_ effect: Effect, send: @Sendable (Action) async -> Void) async throws {
        switch effect {
        case .recordOpening(let uri):
            // Another user's cache is not written: nothing is new there, and the last collection
            // it opened stays its own.
            guard !cache.isReadOnly else { return }
            // A first opening counts what arrives from now on as new; the latest opening is the
            // collection the next start opens.
            let now = Date()
            let previous = try cache.recordOpening(collectionURI: uri, now: now)
            await send(.collectionOpened(uri: uri, previous: previous ?? now))
        case .setRead(let uri, let ids, let read):
            try cache.setRead(read, collectionURI: uri, ids: ids)
            await send(.readStateSaved(uri: uri, unreadCount: try cache.unreadCount(collectionURI: uri)))
        case .findUnread(let uri, let filter, let sort, let revision, let from, let backward):
            let offset = try cache.unreadOffset(collectionURI: uri, filter: filter, sort: sort, from: from, backward: backward)
            await send(.unreadFound(revision: revision, offset: offset))
        case .markAllRead(let uri, let filter):
            let marked = try cache.markAllRead(collectionURI: uri, filter: filter)
            await send(.allMarkedRead(uri: uri, marked: marked, unreadCount: try cache.unreadCount(collectionURI: uri)))
        default:
            return
        }
    }
}
