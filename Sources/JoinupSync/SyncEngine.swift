import Foundation
import JoinupCache
import JoinupModel

/// How far a sync has come, reported after every request.
public struct SyncProgress: Hashable, Sendable {
    /// The collection being synced (nil while reading the directory).
    public var alias: String?
    public var resourcesDone: Int
    /// Grows as feed pages are discovered.
    public var resourcesTotal: Int
    /// Feed items read so far in this run.
    public var itemsSoFar: Int

    public init(alias: String?, resourcesDone: Int, resourcesTotal: Int, itemsSoFar: Int) {
        self.alias = alias
        self.resourcesDone = resourcesDone
        self.resourcesTotal = resourcesTotal
        self.itemsSoFar = itemsSoFar
    }
}

/// One of the four documents a collection is synced from.
public enum SyncedResource: String, Hashable, Sendable, CaseIterable {
    case metadata, topics, feed, members
}

/// What syncing one collection did.
public enum SyncOutcome: Equatable, Sendable {
    /// Something changed and was stored; `changed` names the documents that were new.
    case updated(ApplyResult, changed: [SyncedResource])
    /// Every document answered 304 (or is not published): nothing but the status stamp was written.
    case unchanged
    /// Nothing was stored; the cache keeps its previous copy of the collection.
    case failed(SyncError)
}

/// The result of syncing one collection.
public struct CollectionSyncResult: Equatable, Sendable {
    public var alias: String
    public var outcome: SyncOutcome
    /// HTTP requests made for this collection (feed pages and retries included).
    public var requests: Int
    /// Feed items left out because a value they need could not be read (empty unless stored).
    public var skipped = SkippedItems()

    public var succeeded: Bool {
        if case .failed = outcome { return false }
        return true
    }

    /// "alias: 3 new, 1 updated, 0 deleted[, 2 items skipped (invalid date)]", "alias: unchanged"
    /// or "alias: failed: …".
    public var summary: String {
        switch outcome {
        case let .updated(result, changed):
            var line = "\(alias): \(result.newItems) new, \(result.updatedItems) updated, \(result.deletedItems) deleted"
            let others = changed.filter { $0 != .feed }.map(\.rawValue)
            if result.isUnchanged, !others.isEmpty { line += " (\(others.joined(separator: ", ")) changed)" }
            if !skipped.isEmpty { line += ", \(skipped.summary)" }
            return line
        case .unchanged:
            return "\(alias): unchanged"
        case let .failed(error):
            return "\(alias): failed: \(error.message)"
        }
    }
}

/// The result of one sync run.
public struct SyncReport: Equatable, Sendable {
    public var remote: String
    /// Set when the collection directory could not be read (then `results` is empty).
    public var directoryError: SyncError?
    public var results: [CollectionSyncResult]
    /// All HTTP requests of the run, the directory's included.
    public var requests: Int
    /// Set when the remote publishes no directory and the collections cached from it were synced
    /// instead (Joinup itself has no directory document).
    public var withoutDirectory = false

    /// True only when the directory (if needed) and every collection synced.
    public var succeeded: Bool { directoryError == nil && results.allSatisfy(\.succeeded) }
}

/// Brings collections from a remote into the cache: one transaction per collection, conditional
/// GETs so an unchanged remote costs one request per document and no writes.
///
/// Wiring of conditional answers: each document is used on its own. A 304 on the feed means "no
/// item changed" (the snapshot then carries no items and is not a complete listing, so the cache
/// keeps every item); a 304 on the metadata reuses the cached `Collection`; a 304 (or 404) on the
/// topics reuses the cached vocabulary; a 304 (or 404) on members keeps the cached members. The
/// first feed page validates the whole listing: a paging remote must change page 1 whenever any
/// page changes (joinup-remote puts a listing version in its next links).
public final class SyncEngine: Sendable {
    public let layout: RemoteLayout
    public let cache: CacheDatabase
    /// Where documents come from: the HTTP client, or a scripted one in tests.
    public let transport: any DocumentTransport
    /// How often a paged feed is restarted when it changes while being read (HTTP 412 on a page).
    public static let feedAttempts = 3
    /// The most pages one feed may have.
    public static let maximumPages = 100_000

    public convenience init(layout: RemoteLayout, cache: CacheDatabase, client: HTTPClient = HTTPClient()) {
        self.init(layout: layout, cache: cache, transport: client)
    }

    public init(layout: RemoteLayout, cache: CacheDatabase, transport: any DocumentTransport) {
        self.layout = layout
        self.cache = cache
        self.transport = transport
    }

    /// Reads the remote's collection directory.
    public func directory() async throws(SyncError) -> [DirectoryEntry] {
        let tracker = Tracker(progress: nil)
        return try await directory(tracker)
    }

    /// Syncs the named collections, or every collection of the remote's directory when `aliases`
    /// is empty. A name is an alias or a collection URI (see `address(of:)`). A remote without a
    /// directory (Joinup publishes none: 404, 406 or a web page) has the collections cached from it
    /// synced again. A collection that fails leaves its cached copy as it was; the others still sync.
    public func sync(aliases: [String] = [], progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> SyncReport {
        let tracker = Tracker(progress: progress)
        var names = aliases
        var withoutDirectory = false
        if names.isEmpty {
            tracker.total = 1
            do {
                names = try await directory(tracker).map(\.alias)
            } catch .noDirectory(let url) {
                names = cachedAliases()
                withoutDirectory = true
                if names.isEmpty {
                    return SyncReport(remote: layout.base, directoryError: .noDirectory(url: url), results: [], requests: tracker.requests)
                }
            } catch {
                return SyncReport(remote: layout.base, directoryError: error, results: [], requests: tracker.requests)
            }
        }
        tracker.total += SyncedResource.allCases.count * names.count
        var results: [CollectionSyncResult] = []
        for alias in names {
            results.append(await syncCollection(alias, tracker: tracker))
        }
        return SyncReport(remote: layout.base, directoryError: nil, results: results, requests: tracker.requests,
                          withoutDirectory: withoutDirectory)
    }

    /// The aliases of the cached collections synced from this remote's origin.
    private func cachedAliases() -> [String] {
        let here = Origin(layout.base)
        return ((try? cache.collectionSources()) ?? []).filter { $0.source.flatMap(Origin.init) == here }.map(\.alias)
    }

    /// Syncs one collection by alias or URI.
    public func syncCollection(_ alias: String, progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> CollectionSyncResult {
        let tracker = Tracker(progress: progress)
        tracker.total = SyncedResource.allCases.count
        return await syncCollection(alias, tracker: tracker)
    }

    /// Syncs one collection stored under `alias` but fetched at `address` (a directory names each
    /// collection by URI and gives its alias: `/rdf_entity/<encoded-uri>/…` needs no alias known
    /// to the remote's paths).
    public func syncCollection(alias: String, at address: CollectionAddress,
                               progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> CollectionSyncResult {
        let tracker = Tracker(progress: progress)
        tracker.total = SyncedResource.allCases.count
        return await syncCollection(alias, at: address, tracker: tracker)
    }

    // MARK: - One collection

    private func syncCollection(_ name: String, tracker: Tracker) async -> CollectionSyncResult {
        let (alias, address) = address(of: name)
        return await syncCollection(alias, at: address, tracker: tracker)
    }

    private func syncCollection(_ alias: String, at address: CollectionAddress, tracker: Tracker) async -> CollectionSyncResult {
        tracker.alias = alias
        let before = tracker.requests
        let started = Date()
        let outcome: SyncOutcome
        var skipped = SkippedItems()
        do {
            (outcome, skipped) = try await fetchAndApply(alias, at: address, tracker: tracker, now: started)
        } catch {
            try? cache.recordSyncFailure(alias: alias, remote: layout.base, message: error.message, at: started)
            outcome = .failed(error)
        }
        return CollectionSyncResult(alias: alias, outcome: outcome, requests: tracker.requests - before, skipped: skipped)
    }

    /// The name a collection is stored under and the paths it is fetched from. An alias is used
    /// as it is. A URI is looked up in the cache: a collection cached under an alias keeps that
    /// alias and its paths (the alias is Joinup's canonical address); otherwise the URI is both
    /// the name and the address (`/rdf_entity/<encoded-uri>/…`). A cache that cannot be read
    /// leaves the URI as it is; `fetchAndApply` reports the cache's error.
    func address(of name: String) -> (alias: String, address: CollectionAddress) {
        let address = CollectionAddress(argument: name)
        guard case .uri = address else { return (name, address) }
        if let cached = try? cache.collection(named: name), cached.alias != name,
           case .alias = CollectionAddress(argument: cached.alias) {
            return (cached.alias, .alias(cached.alias))
        }
        return (name, address)
    }

    private func fetchAndApply(_ alias: String, at address: CollectionAddress, tracker: Tracker,
                               now: Date) async throws(SyncError) -> (SyncOutcome, SkippedItems) {
        let metadataURL = layout.metadata(address), topicsURL = layout.topics
        let feedURL = layout.feed(address), membersURL = layout.members(address)
        let cached = try cacheCall { try cache.collection(named: alias) }
        // Validators are sent only for data the cache holds: the shared vocabulary always, a
        // collection's own documents only while the collection is cached.
        let known = try cacheCall {
            try cache.validators(for: cached == nil ? [topicsURL] : [metadataURL, topicsURL, feedURL, membersURL])
        }

        // Metadata, topics and members are optional (the real Joinup publishes only feed and metadata).
        let metadata = try await fetch(metadataURL, known[metadataURL], tracker, optional: true)
        let topics = try await fetch(topicsURL, known[topicsURL], tracker, optional: true)
        var feed = try await fetch(feedURL, known[feedURL], tracker)
        let members = try await fetch(membersURL, known[membersURL], tracker, optional: true)

        let fetches: [(SyncedResource, HTTPFetch)] = [(.metadata, metadata), (.topics, topics), (.feed, feed), (.members, members)]
        for (resource, fetch) in fetches where fetch == .preconditionFailed {
            throw .httpStatus(url: url(of: resource, address), status: 412)
        }
        if feed == .notFound { throw .httpStatus(url: feedURL, status: 404) }
        let changed = fetches.compactMap { resource, fetch -> SyncedResource? in
            if case .ok = fetch { return resource }
            return nil
        }
        if changed.isEmpty, cached != nil {
            try cacheCall { try cache.recordUnchangedSync(alias: alias, remote: layout.base, at: now) }
            return (.unchanged, SkippedItems())
        }

        // The feed, all pages (restarted when it changes under us).
        var pages: [FeedPage] = []
        var packed = PackedItems()
        var skipped = SkippedItems()
        if case .ok = feed {
            (pages, packed, feed) = try await readFeed(feedURL, first: feed, tracker: tracker)
            for page in pages { skipped.merge(page.skippedItems) }
        }

        var collection: Collection
        var metadataIsReal = true
        switch metadata {
        case .ok(let body, _, _):
            collection = try parse { () throws(FeedParseError) in try CollectionRDFParser.parse(body, resource: metadataURL) }
        default:
            if let cached {
                collection = try cacheCall { try cache.about(collectionURI: cached.uri) }
                metadataIsReal = metadata == .notModified
            } else {
                collection = synthesizedCollection(alias: alias, address: address, feed: pages.first, oldest: packed.oldestPublished)
                metadataIsReal = false
            }
        }
        // The cache finds collections by the alias they were synced under; the page, feed and
        // metadata are where this remote publishes them (Joinup's metadata names none of them).
        collection.alias = alias
        collection.pageURL = layout.collectionPage(alias)
        collection.feedURL = feedURL
        collection.metadataURL = metadataURL
        if collection.uri.isEmpty { collection.uri = collection.pageURL }

        let vocabulary: [Topic]
        if case .ok(let body, _, _) = topics {
            vocabulary = try parse { () throws(FeedParseError) in try SKOSTopicParser.parse(body, resource: topicsURL) }
        } else {
            vocabulary = try cacheCall { try cache.allTopics() }
        }

        var memberList: [Member]?
        if case .ok(let body, _, _) = members {
            let owner = metadataIsReal ? collection.uri : nil
            memberList = try parse { () throws(FeedParseError) in
                try MembersJSONParser.parse(body, collectionURI: owner, resource: membersURL)
            }
        }

        var snapshot = SnapshotAssembler.assemble(collection: collection, vocabulary: vocabulary,
                                                  feedPages: pages, members: memberList)
        snapshot.packedItems = packed
        snapshot.keptItemIDs = skipped.ids
        packed = PackedItems()  // the snapshot holds them now; don't keep a second copy through the write
        var validators: [ResourceValidator] = []
        for (resource, fetch) in [(SyncedResource.metadata, metadata), (.topics, topics), (.feed, feed), (.members, members)] {
            switch fetch {
            case let .ok(_, etag, lastModified):
                validators.append(ResourceValidator(url: url(of: resource, address), etag: etag, lastModified: lastModified))
            case .notFound:
                validators.append(ResourceValidator(url: url(of: resource, address), etag: nil, lastModified: nil))
            default: break
            }
        }
        let result = try cacheCall {
            try cache.apply(snapshot, remote: layout.base, validators: validators, alias: alias,
                            membersPublished: Self.membersPublished(members), at: now)
        }
        return (.updated(result, changed: changed), skipped)
    }

    /// A members document that arrived says the remote publishes them; a 404 (or an HTML page)
    /// says it does not; a 304 or nothing known changes nothing.
    static func membersPublished(_ fetch: HTTPFetch) -> Bool? {
        switch fetch {
        case .ok: true
        case .notFound: false
        default: nil
        }
    }

    /// Reads every page of a feed whose first page arrived as `first`; returns the pages and the
    /// first page's fetch (whose validators stand for the whole listing).
    /// The pages come back with their items moved into the packed list (in page order): a large
    /// feed's items would otherwise be most of a sync's memory.
    ///
    /// Pipelined: while a page is parsed (off this task), the next `pagesAhead` pages, found by a
    /// byte scan of each body's header (`NextPageHint`), are already requested and parsing. A page
    /// read ahead is used only when the full parse of the page before it names the same link, and
    /// its fetch's outcome (a 412, an error) counts only then; otherwise it is dropped and the
    /// confirmed link is fetched as before. Pages are consumed strictly in order.
    private func readFeed(_ feedURL: String, first: HTTPFetch,
                          tracker: Tracker) async throws(SyncError) -> ([FeedPage], PackedItems, HTTPFetch) {
        var firstFetch = first
        for attempt in 1...Self.feedAttempts {
            if attempt > 1 {
                tracker.total += 1
                firstFetch = try await fetch(feedURL, nil, tracker)
            }
            guard case .ok(let body, _, _) = firstFetch else {
                throw .httpStatus(url: feedURL, status: firstFetch == .notFound ? 404 : 412)
            }
            // Each page repeats the topics it uses; only the first mention is kept (the one the
            // assembler would keep), so 200 pages don't hold 200 copies of the vocabulary.
            var learnt: Set<String> = []
            var packed = PackedItems()
            var pages: [FeedPage] = []
            var seen: Set<String> = [feedURL]
            var pageURL = feedURL
            var current = Self.startParse(body, url: feedURL)
            var currentHint = NextPageHint.scan(body)
            var ahead: [PageReadAhead] = []
            defer { for page in ahead { page.parse?.cancel() } }
            var restart = false
            while true {
                // Keep the next pages requested and parsing while the current one is parsed.
                var link = ahead.isEmpty ? currentHint : ahead[ahead.count - 1].hint
                var base = ahead.last?.url ?? pageURL
                while ahead.count < Self.pagesAhead, let hint = link,
                      let resolved = URL(string: hint, relativeTo: URL(string: base))?.absoluteString,
                      !seen.contains(resolved), !ahead.contains(where: { $0.url == resolved }),
                      pages.count + ahead.count + 1 < Self.maximumPages,
                      URL(string: resolved).map({ Self.sameOrigin($0, URL(string: feedURL)) }) == true {
                    tracker.total += 1
                    let fetched: Result<HTTPFetch, SyncError>
                    do {
                        fetched = .success(try await fetch(resolved, nil, tracker))
                    } catch {
                        fetched = .failure(error)
                    }
                    var next = PageReadAhead(link: hint, url: resolved, fetched: fetched)
                    if case .success(.ok(let body, _, _)) = fetched {
                        next.parse = Self.startParse(body, url: resolved)
                        next.hint = NextPageHint.scan(body)
                    }
                    ahead.append(next)
                    link = next.hint
                    base = resolved
                }

                var page = try await current.value.get()
                page.categoryTopics.removeAll { !learnt.insert($0.uri).inserted }
                tracker.items += page.items.count
                packed.append(contentsOf: page.items)
                page.items = []
                pages.append(page)
                guard let next = page.nextPageURL else { break }
                guard let resolved = URL(string: next, relativeTo: URL(string: pageURL))?.absoluteString,
                      seen.insert(resolved).inserted, pages.count < Self.maximumPages else {
                    throw .pagingLoop(url: feedURL)
                }
                // Next pages come from the feed's own server over http(s): a document may not send
                // the sync to a local file or another host.
                guard URL(string: resolved).map({ Self.sameOrigin($0, URL(string: feedURL)) }) == true else {
                    throw .transport(url: feedURL, detail: "the feed's next-page link leaves the remote (\(String(TerminalText.line(resolved).prefix(80)))); not followed")
                }
                let confirmed: PageReadAhead
                if let read = ahead.first, read.link == next, read.url == resolved {
                    confirmed = ahead.removeFirst()
                } else {
                    for page in ahead { page.parse?.cancel() }
                    ahead = []
                    tracker.total += 1
                    var fetched = PageReadAhead(link: next, url: resolved, fetched: .success(try await fetch(resolved, nil, tracker)))
                    if case .success(.ok(let body, _, _)) = fetched.fetched {
                        fetched.parse = Self.startParse(body, url: resolved)
                        fetched.hint = NextPageHint.scan(body)
                    }
                    confirmed = fetched
                }
                let fetched = try confirmed.fetched.get()
                switch fetched {
                case .ok:
                    guard let parse = confirmed.parse else { throw .pagingLoop(url: feedURL) }
                    current = parse
                    currentHint = confirmed.hint
                    pageURL = resolved
                case .preconditionFailed:
                    restart = true
                case .notFound, .notModified:
                    throw .httpStatus(url: resolved, status: fetched == .notFound ? 404 : 304)
                }
                if restart { break }
            }
            if !restart { return (pages, packed, firstFetch) }
        }
        throw .listingKeptChanging(url: feedURL, attempts: Self.feedAttempts)
    }

    /// How many feed pages are requested and parsed ahead of the one being consumed (bounded: each
    /// holds one page's body and items).
    static let pagesAhead = 2

    /// Parses one feed page on another thread of the pool.
    private static func startParse(_ body: Data, url: String) -> Task<Result<FeedPage, SyncError>, Never> {
        Task {
            do throws(FeedParseError) {
                return .success(try RSSFeedParser.parse(body, collectionURI: "", resource: url))
            } catch {
                return .failure(.invalidDocument(error))
            }
        }
    }

    static func sameOrigin(_ url: URL, _ other: URL?) -> Bool {
        guard let other, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return scheme == other.scheme?.lowercased() && url.host?.lowercased() == other.host?.lowercased() && url.port == other.port
    }

    /// A minimal `Collection` for a remote that publishes a feed but no metadata: title and page
    /// from the feed's channel, the page URL as URI (unless addressed by URI), dates from the
    /// oldest item (stable across syncs).
    private func synthesizedCollection(alias: String, address: CollectionAddress, feed: FeedPage?, oldest: Date?) -> Collection {
        let channelLink = feed?.link ?? ""
        let page = URL(string: channelLink)?.scheme?.hasPrefix("http") == true ? channelLink : layout.collectionPage(address)
        let title = (feed?.title).map(Self.collectionLabel(channelTitle:)).flatMap { $0.isEmpty ? nil : $0 } ?? alias
        let oldest = oldest ?? Date(timeIntervalSince1970: 0)
        return Collection(
            uri: address.uri ?? page, alias: alias, title: title, abstract: "", description: "", owner: "", contacts: [],
            topicURIs: [], spatial: [], keywords: [], isClosed: false, contentCreation: .onlyMembers,
            isModerated: false, workflowState: "validated", created: oldest, modified: oldest,
            pageURL: page, feedURL: layout.feed(address), metadataURL: layout.metadata(address))
    }

    /// The collection's label in Joinup's channel title "Latest updates from the <label> collection"
    /// (`views.view.group_feed.yml`); any other title as it is.
    static func collectionLabel(channelTitle title: String) -> String {
        let prefix = "Latest updates from the ", suffix = " collection"
        guard title.hasPrefix(prefix), title.hasSuffix(suffix), title.count > prefix.count + suffix.count else { return title }
        return String(title.dropFirst(prefix.count).dropLast(suffix.count))
    }

    // MARK: - Plumbing

    private func directory(_ tracker: Tracker) async throws(SyncError) -> [DirectoryEntry] {
        let url = layout.directory
        switch try await fetch(url, nil, tracker, optional: true) {
        case .ok(let body, _, _):
            return try parse { () throws(FeedParseError) in try CollectionDirectoryParser.parse(body, resource: url) }
        case .notFound:
            throw .noDirectory(url: url)
        case .notModified:
            throw .httpStatus(url: url, status: 304)
        case .preconditionFailed:
            throw .httpStatus(url: url, status: 412)
        }
    }

    private func fetch(_ text: String, _ validator: ResourceValidator?, _ tracker: Tracker,
                       optional: Bool = false) async throws(SyncError) -> HTTPFetch {
        guard let url = URL(string: text) else { throw .transport(url: text, detail: "not a valid URL") }
        tracker.requests += 1
        defer {
            tracker.done += 1
            tracker.report()
        }
        return try await transport.get(url, validator: validator, htmlMeansAbsent: optional)
    }

    private func url(of resource: SyncedResource, _ address: CollectionAddress) -> String {
        switch resource {
        case .metadata: layout.metadata(address)
        case .topics: layout.topics
        case .feed: layout.feed(address)
        case .members: layout.members(address)
        }
    }

    private func cacheCall<T>(_ body: () throws -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw .cache(CacheError.oneLine(error, path: cache.path))
        }
    }

    private func parse<T>(_ body: () throws(FeedParseError) -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw .invalidDocument(error)
        }
    }
}

/// A feed page requested before the page that links to it has been fully parsed.
private struct PageReadAhead {
    /// The next-page link as the previous page gives it, and that link resolved.
    var link: String
    var url: String
    var fetched: Result<HTTPFetch, SyncError>
    /// The parse of the body, started as soon as it arrived (nil unless the fetch was a 200).
    var parse: Task<Result<FeedPage, SyncError>, Never>?
    /// This page's own next-page link, from the byte scan.
    var hint: String?
}

/// Counts requests and items of one run and reports progress; used by one task at a time.
private final class Tracker {
    let progress: (@Sendable (SyncProgress) -> Void)?
    var alias: String?
    var done = 0
    var total = 0
    var items = 0
    var requests = 0

    init(progress: (@Sendable (SyncProgress) -> Void)?) {
        self.progress = progress
    }

    func report() {
        progress?(SyncProgress(alias: alias, resourcesDone: done, resourcesTotal: max(total, done), itemsSoFar: items))
    }
}
