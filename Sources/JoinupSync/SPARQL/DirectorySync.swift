import Foundation
import JoinupCache
import JoinupModel

/// How far a discovery sync has come: reading the directory, then syncing collections.
public struct DiscoveryProgress: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        /// Rows read so far from one SPARQL query.
        case reading(query: String, rows: Int)
        /// Collections finished out of the total; `current` is one still running.
        case syncing(done: Int, total: Int, current: String?)
    }

    public var phase: Phase

    /// One line for a terminal's status line (stderr).
    public var line: String {
        switch phase {
        case let .reading(query, rows): "reading the directory: \(query), \(rows) rows"
        case let .syncing(done, total, current):
            "syncing collections: \(done)/\(total)" + (current.map { ", \(TerminalText.line($0))" } ?? "")
        }
    }
}

/// The result of `DirectorySync.run`.
public struct DiscoveryReport: Sendable, Equatable {
    /// Where the directory came from; nil when the remote has neither SPARQL nor `/collections.xml`
    /// (then the cached collections were synced) or when reading it failed (see `sync.directoryError`).
    public var source: DirectorySource?
    /// Collections the directory lists (archived ones included).
    public var listed: Int
    /// The directory was unchanged since the last read (a 304) and the stored one was used.
    public var unchanged: Bool
    public var sync: SyncReport
}

/// `joinup sync` without `--collection` names: discovers the published collections (SPARQL, else
/// `/collections.xml`, else the cached ones), stores the directory, then syncs each collection
/// (feed and metadata by `/rdf_entity/<encoded-uri>/…`) a few at a time.
///
/// The directory is read whole before anything is written: an endpoint that fails mid-way (a
/// page, a later query) leaves the cache as it was.
public final class DirectorySync: Sendable {
    public let engine: SyncEngine
    /// Nil: no SPARQL endpoint configured (go straight to `/collections.xml`).
    public let sparql: SPARQLClient?
    /// Collections synced at once.
    public let parallelism: Int

    public init(engine: SyncEngine, sparql: SPARQLClient?, parallelism: Int = 4) {
        self.engine = engine
        self.sparql = sparql
        self.parallelism = max(1, parallelism)
    }

    /// Reads and stores the directory, then syncs its published, not archived collections (or only
    /// those named in `only`, by alias or URI; a name the directory lacks is synced as given).
    public func run(only: [String] = [], progress: (@Sendable (DiscoveryProgress) -> Void)? = nil) async -> DiscoveryReport {
        let remote = engine.layout.base
        let found: (source: DirectorySource, listed: Int, unchanged: Bool)?
        do {
            found = try await readAndStore(progress: progress)
        } catch {
            return DiscoveryReport(source: nil, listed: 0, unchanged: false,
                                   sync: SyncReport(remote: remote, directoryError: error, results: [], requests: 0))
        }
        guard let found else {
            // Neither SPARQL nor a directory document: the engine syncs what is named, or what is cached.
            let report = await engine.sync(aliases: only)
            return DiscoveryReport(source: nil, listed: 0, unchanged: false, sync: report)
        }
        let directory: [DirectoryCollection]
        do {
            directory = try engine.cache.directorySyncTargets(remote: remote)
        } catch {
            return DiscoveryReport(source: found.source, listed: found.listed, unchanged: found.unchanged,
                                   sync: SyncReport(remote: remote, directoryError: .cache(CacheError.oneLine(error, path: engine.cache.path)),
                                                    results: [], requests: 0))
        }
        let targets = Self.targets(directory: directory, only: only, byURI: found.source == .sparql).map { target in
            // A collection already cached keeps the name it is stored under.
            (alias: target.uri.flatMap { try? engine.cache.collection(named: $0) }?.alias ?? target.alias, address: target.address)
        }
        let results = await syncAll(targets, progress: progress)
        return DiscoveryReport(source: found.source, listed: found.listed, unchanged: found.unchanged,
                               sync: SyncReport(remote: remote, directoryError: nil, results: results,
                                                requests: results.reduce(0) { $0 + $1.requests }))
    }

    /// `joinup sync --collection NAME…`: without reading the directory again. After a SPARQL
    /// discovery, a name (alias or URI) the stored directory lists is fetched by URI and stored
    /// under its alias; any other name, or a remote whose directory did not come from SPARQL, is
    /// synced as the engine does.
    public func syncNamed(_ names: [String], progress: (@Sendable (SyncProgress) -> Void)? = nil) async -> SyncReport {
        let remote = engine.layout.base
        guard (try? engine.cache.directorySource(remote: remote)) == .sparql,
              let directory = try? engine.cache.directorySyncTargets(remote: remote, includeArchived: true) else {
            return await engine.sync(aliases: names, progress: progress)
        }
        var results: [CollectionSyncResult] = []
        for target in Self.targets(directory: directory, only: names, byURI: true) {
            if let uri = target.uri {
                let alias = (try? engine.cache.collection(named: uri))?.alias ?? target.alias
                results.append(await engine.syncCollection(alias: alias, at: target.address, progress: progress))
            } else {
                results.append(await engine.syncCollection(target.alias, progress: progress))
            }
        }
        return SyncReport(remote: remote, directoryError: nil, results: results, requests: results.reduce(0) { $0 + $1.requests })
    }

    /// Reads and stores the directory only (`joinup sync --directory-only`).
    public func readOnly(progress: (@Sendable (DiscoveryProgress) -> Void)? = nil) async -> DiscoveryReport {
        let remote = engine.layout.base
        do {
            let found = try await readAndStore(progress: progress)
            let error: SyncError? = found == nil ? .noDirectory(url: engine.layout.directory) : nil
            return DiscoveryReport(source: found?.source, listed: found?.listed ?? 0, unchanged: found?.unchanged ?? false,
                                   sync: SyncReport(remote: remote, directoryError: error, results: [], requests: 0))
        } catch {
            return DiscoveryReport(source: nil, listed: 0, unchanged: false,
                                   sync: SyncReport(remote: remote, directoryError: error, results: [], requests: 0))
        }
    }

    /// What to sync: every listed collection, or those `only` names (by alias or URI); a name the
    /// directory does not list is synced as it is given. `byURI`: fetched at `/rdf_entity/<encoded-uri>/…`
    /// (Joinup's SPARQL gives URIs; an alias is a path only `/collections.xml` promises).
    static func targets(directory: [DirectoryCollection], only: [String],
                        byURI: Bool) -> [(alias: String, uri: String?, address: CollectionAddress)] {
        func target(_ c: DirectoryCollection) -> (alias: String, uri: String?, address: CollectionAddress) {
            let alias = c.alias ?? c.uri
            let useURI = (byURI || c.alias == nil) && CollectionAddress(argument: c.uri).uri != nil
            return (alias, c.uri, useURI ? .uri(c.uri) : .alias(alias))
        }
        guard !only.isEmpty else { return directory.map(target) }
        return only.map { name in
            if let listed = directory.first(where: { $0.uri == name || $0.alias == name }) { return target(listed) }
            return (name, nil, CollectionAddress(argument: name))
        }
    }

    /// Reads the whole directory (SPARQL, else `/collections.xml`) and stores it in one transaction.
    /// Nil when the remote publishes neither.
    public func readAndStore(progress: (@Sendable (DiscoveryProgress) -> Void)? = nil) async throws(SyncError)
        -> (source: DirectorySource, listed: Int, unchanged: Bool)? {
        let cache = engine.cache
        if let sparql {
            let key = sparql.validatorKey(.collections)
            let known = try cacheCall { try cache.validators(for: [key])[key] }
            let report: @Sendable (String) -> (@Sendable (Int) -> Void) = { name in { rows in progress?(DiscoveryProgress(phase: .reading(query: name, rows: rows))) } }
            switch try await sparql.select(.collections, validator: known, pageRead: report("collections")) {
            case .noEndpoint:
                break
            case .rows(let rows, _) where rows.isEmpty:
                // An endpoint without Joinup's collection graph (a bare Virtuoso): not a directory.
                // Storing it would mark every collection listed before as unpublished.
                break
            case .notModified:
                let listed = try cacheCall { try cache.directory(matching: DirectoryQuery(includeUnpublished: false)).collections.count }
                return (.sparql, listed, true)
            case .rows(let rows, let validator):
                var snapshot = CollectionDirectorySnapshot(collections: SPARQLDirectory.collections(rows))
                // The other queries only name things; an endpoint lacking one (404) leaves it empty.
                snapshot.topics = SPARQLDirectory.topics(try await optionalRows(.topics, sparql, report("topics")))
                snapshot.owners = SPARQLDirectory.owners(try await optionalRows(.owners, sparql, report("owners")))
                snapshot.contacts = SPARQLDirectory.contacts(try await optionalRows(.contacts, sparql, report("contacts")))
                snapshot.countryNames = SPARQLDirectory.countryNames(try await optionalRows(.countries, sparql, report("countries")))
                try cacheCall {
                    try cache.storeDirectory(snapshot, remote: engine.layout.base, source: .sparql, validators: [validator])
                }
                return (.sparql, snapshot.collections.count, false)
            }
        }
        let entries: [DirectoryEntry]
        do {
            entries = try await engine.directory()
        } catch .noDirectory {
            return nil
        }
        let snapshot = CollectionDirectorySnapshot(collections: entries.map { entry in
            DirectoryCollection(uri: entry.uri ?? entry.pageURL, alias: entry.alias, title: entry.title, isClosed: entry.isClosed)
        })
        try cacheCall { try cache.storeDirectory(snapshot, remote: engine.layout.base, source: .collectionsXML) }
        return (.collectionsXML, entries.count, false)
    }

    private func optionalRows(_ query: SPARQLQuery, _ sparql: SPARQLClient,
                              _ pageRead: @escaping @Sendable (Int) -> Void) async throws(SyncError) -> [SPARQLRow] {
        if case .rows(let rows, _) = try await sparql.select(query, pageRead: pageRead) { return rows }
        return []
    }

    /// Syncs `targets`, `parallelism` at a time, in their order.
    private func syncAll(_ targets: [(alias: String, address: CollectionAddress)],
                         progress: (@Sendable (DiscoveryProgress) -> Void)?) async -> [CollectionSyncResult] {
        var results = [CollectionSyncResult?](repeating: nil, count: targets.count)
        var done = 0
        progress?(DiscoveryProgress(phase: .syncing(done: 0, total: targets.count, current: nil)))
        await withTaskGroup(of: (Int, CollectionSyncResult).self) { group in
            var next = 0
            func start() {
                guard next < targets.count else { return }
                let index = next, target = targets[index]
                next += 1
                group.addTask { [engine] in (index, await engine.syncCollection(alias: target.alias, at: target.address)) }
            }
            for _ in 0..<parallelism { start() }
            for await (index, result) in group {
                results[index] = result
                done += 1
                progress?(DiscoveryProgress(phase: .syncing(done: done, total: targets.count, current: result.alias)))
                start()
            }
        }
        return results.compactMap { $0 }
    }

    private func cacheCall<T>(_ body: () throws -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw .cache(CacheError.oneLine(error, path: engine.cache.path))
        }
    }
}
