import Foundation
import JoinupCache
import JoinupModel
import JoinupSync

/// Runs the reducer's effects against the cache and the remote, and turns what happens into actions.
public struct EffectRunner: Sendable {
    let cache: CacheDatabase
    let client: HTTPClient
    /// Where the sign-in token lives; nil: never signed in (tests of the browsing alone).
    let credentials: CredentialStore?
    /// The configured remote: whose account the header shows (a token is tied to one remote).
    let remote: String?
    /// Seconds between outbox retry ticks.
    let retryInterval: Double

    public init(cache: CacheDatabase, client: HTTPClient = HTTPClient(), credentials: CredentialStore? = nil,
                remote: String? = nil, retryInterval: Double = 5) {
        self.cache = cache
        self.client = client
        self.credentials = credentials
        self.remote = remote
        self.retryInterval = retryInterval
    }

    /// Performs one effect, sending actions as they happen (a sync reports progress on the way).
    /// Cache errors come back as `.loadFailed` with a message for the status line.
    public func run(_ effect: Effect, send: @Sendable (Action) async -> Void) async {
        do {
            switch effect {
            case .restoreView(let uri):
                let saved = try cache.savedView(collectionURI: uri)
                await send(.viewRestored(saved?.0, saved?.1))
            case .loadCollection(let uri):
                let header = try cache.header(collectionURI: uri)
                let about = try cache.about(collectionURI: uri)
                let aboutTopics = try cache.topics(uris: about.topicURIs)
                await send(.collectionLoaded(header: header, about: about, aboutTopics: aboutTopics))
                // Metadata often only references its countries: the directory names them.
                let countryURIs = about.spatial.filter { $0.hasPrefix("http") }
                await send(.directoryAboutLoaded(uri: uri, try cache.directoryAbout(collectionURI: uri, countryURIs: countryURIs)))
            case .loadOverview(let uri, let filter, let sort, let revision, let windowSize):
                // One read: counts, facets and rows agree even while a sync commits.
                let result = try cache.filteredItems(collectionURI: uri, filter: filter, sort: sort, limit: windowSize)
                await send(.overviewLoaded(revision: revision, facets: result.facets, kindCounts: result.kindCounts,
                                           itemCount: result.count, window: ItemWindow(offset: 0, rows: result.rows)))
                if !result.eventTimingCounts.isEmpty {
                    await send(.eventTimingCounted(revision: revision, result.eventTimingCounts))
                }
                await send(.unreadCounted(revision: revision, count: result.unreadCount))
            case .loadItemWindow(let uri, let filter, let sort, let revision, let offset, let limit):
                let rows = try cache.itemSummaries(collectionURI: uri, filter: filter, sort: sort, offset: offset,
                                                   limit: limit, now: Date())
                await send(.itemWindowLoaded(revision: revision, ItemWindow(offset: offset, rows: rows)))
            case .loadMembers(let uri, let role, let nameQuery):
                let members = try cache.members(collectionURI: uri, state: .active, roles: role.map { [$0] } ?? [],
                                                nameQuery: nameQuery)
                let counts = try cache.roleCounts(collectionURI: uri, nameQuery: nameQuery)
                await send(.membersLoaded(role: role, nameQuery: nameQuery, members: members, roleCounts: counts))
            case .saveView(let uri, let filter, let sort):
                try cache.saveView(collectionURI: uri, filter: filter, sort: sort)
            case .parseSearch(_, let text, let base):
                await send(.searchParsed(text: text, result: try parse(text, base: base)))
            case .findLink(let uri, let id), .findLinkToCopy(let uri, let id), .loadItem(let uri, let id):
                guard let detail = try cache.item(collectionURI: uri, id: id) else {
                    await send(.loadFailed("That item is no longer in the cache."))
                    return
                }
                switch effect {
                case .findLink: await send(.linkFound(detail.item.link))
                case .findLinkToCopy: await send(.linkToCopyFound(detail.item.link))
                default: await send(.itemLoaded(detail))
                }
            case .sync(let remote):
                await send(.syncFinished(await sync(from: remote, send: send)))
            case .loadAccount, .prepareMembershipDialog, .queueMembership, .deliverOutbox, .outboxTimer,
                 .loadOutbox, .cancelOutboxAction, .retryOutbox:
                try await runMembership(effect, send: send)
            case .observeCache:
                // The first value is the state the initial load already shows.
                for try await _ in cache.collectionChanges().dropFirst() {
                    await send(.cacheChanged)
                }
            case .listCollections:
                await send(.collectionsListed(try catalog()))
            case .syncCollection(let collection, let remote):
                await send(.collectionSynced(collection, failure: await sync(collection, from: remote)))
            case .syncTimer(let seconds):
                try await Task.sleep(for: .seconds(seconds))
                await send(.syncDue)
            case .recordOpening, .setRead, .findUnread, .markAllRead:
                try await runReadState(effect, send: send)
            case .terminal:
                // The terminal runtime's: the store hands these over and never starts them here.
                return
            }
        } catch is CancellationError {
            return
        } catch let error as CacheAccessError {
            await send(.cacheReplaced(error.description))
        } catch {
            await send(.loadFailed("Cache error: \(error)"))
        }
    }

    /// Runs a finite effect to the end and returns every action it sent (tests, scripts).
    public func run(_ effect: Effect) async -> [Action] {
        let collected = ActionLog()
        await run(effect) { await collected.append($0) }
        return await collected.actions
    }

    private func sync(from remote: String, send: @Sendable (Action) async -> Void) async -> SyncSummary {
        let finishedAt = { Self.clockTime(Date()) }
        guard let layout = RemoteLayout(base: remote) else {
            return SyncSummary(finishedAt: finishedAt(), failures: ["\"\(remote)\" is not an http(s) URL"])
        }
        let engine = SyncEngine(layout: layout, cache: cache, client: client)
        // Progress arrives on the engine's threads; forward it in order through a stream.
        let (progress, continuation) = AsyncStream<SyncProgress>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let report = await withTaskGroup(of: SyncReport?.self) { group in
            group.addTask {
                let report = await engine.sync(progress: { continuation.yield($0) })
                continuation.finish()
                return report
            }
            for await step in progress { await send(.syncProgressed(step)) }
            return await group.next()!!
        }
        var summary = SyncSummary(finishedAt: finishedAt())
        if let error = report.directoryError { summary.failures.append("directory: \(error.message)") }
        if report.withoutDirectory { summary.syncedWithoutDirectory = report.results.map(\.alias) }
        for result in report.results {
            switch result.outcome {
            case .updated(let applied, _):
                summary.newItems += applied.newItems
                summary.updatedItems += applied.updatedItems
                summary.deletedItems += applied.deletedItems
                summary.skipped.merge(result.skipped)
            case .unchanged:
                break
            case .failed(let error):
                summary.failures.append("\(result.alias): \(error.message)")
            }
        }
        return summary
    }

    /// The directory with what the cache holds of it, or the cached collections without one.
    private func catalog() throws -> CollectionCatalog {
        let cached = CollectionCatalog.cached(try cache.collections(), memberships: try cache.myMemberships())
        guard try cache.hasDirectory() else { return cached }
        // Collections the directory dropped stay listed while their content is in the cache.
        let listings = try cache.directory(matching: DirectoryQuery(includeUnpublished: true)).collections
            .filter { $0.isPublished || $0.isSynced }
        return CollectionCatalog(listings: listings, topics: try cache.directoryTopics(), itemCounts: cached.itemCounts,
                                 isDirectory: true, unreadCounts: cached.unreadCounts)
    }

    /// Syncs one collection of the directory by URI, kept under its alias; nil when it worked.
    private func sync(_ collection: DirectoryCollection, from remote: String) async -> String? {
        guard let layout = RemoteLayout(base: remote) else { return "\"\(remote)\" is not an http(s) URL" }
        let engine = SyncEngine(layout: layout, cache: cache, client: client)
        let result = await engine.syncCollection(alias: collection.alias ?? collection.uri, at: .uri(collection.uri))
        if case .failed(let error) = result.outcome { return error.message }
        return nil
    }

    /// The search line's query language, resolved against the topics the cache knows.
    private func parse(_ text: String, base: ItemFilter) throws -> SearchParse {
        do {
            let query = try QueryParser.parse(text)
            return .filter(try query.filter(base: base, vocabulary: try cache.allTopics()))
        } catch let error as QueryError {
            return .error("col \(error.column): \(error.message)")
        }
    }

    /// "14:02" in the user's own time zone (the same clock as the status line's "synced" stamp).
    static func clockTime(_ date: Date, in zone: TimeZone = .current) -> String {
        JoinupDate.clock(date, in: zone)
    }
}

/// Collects actions across suspension points.
private actor ActionLog {
    var actions: [Action] = []
    func append(_ action: Action) { actions.append(action) }
}
