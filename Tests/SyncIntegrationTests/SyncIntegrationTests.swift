import Foundation
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing

/// Syncs into a fresh cache from a real `joinup-remote` process (or python's http.server).
@Suite struct SyncIntegrationTests {
    let ospo = "ec-open-source-programme-office"
    let osor = "open-source-observatory"
    let cyber = "cybersecurity-working-group"

    private func cache(in folder: TemporaryFolder) throws -> CacheDatabase {
        try CacheDatabase(path: folder.path("cache.sqlite"))
    }

    /// Every row of every table of the test's cache but the sync status (where each attempt is
    /// recorded by design): what "nothing was written" compares.
    private func dataDump(_ folder: TemporaryFolder) throws -> [String] {
        try TableDump.lines(of: folder.path("cache.sqlite"), keeping: ["sync_status": []])
    }

    private func engine(_ base: String, _ cache: CacheDatabase) throws -> SyncEngine {
        SyncEngine(layout: try #require(RemoteLayout(base: base)), cache: cache,
                   client: HTTPClient(limits: HTTPClientLimits(requestTimeout: 5)))
    }

    /// The fixture collections served by a real `joinup-remote` (an editable copy when asked) and
    /// an engine syncing them into a fresh cache: what most tests here start from.
    private struct Setup {
        let folder: TemporaryFolder
        /// The served data folder; a private copy the test may edit when `editable`.
        let data: URL
        let remote: RemoteProcess
        let cache: CacheDatabase
        let sync: SyncEngine
    }

    private func setup(editable: Bool = false, extra: [String] = []) throws -> Setup {
        let folder = try TemporaryFolder()
        let data = editable ? try folder.copyOfFixtures() : fixtureFolder
        let remote = try RemoteProcess(data: data, extra: extra, folder: folder)
        let cache = try cache(in: folder)
        return Setup(folder: folder, data: data, remote: remote, cache: cache, sync: try engine(remote.base, cache))
    }

    private func uri(_ alias: String, _ cache: CacheDatabase) throws -> String {
        try #require(try cache.collection(named: alias)).uri
    }

    private func outcome(_ alias: String, _ report: SyncReport) -> SyncOutcome? {
        report.results.first { $0.alias == alias }?.outcome
    }

    private func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        precondition(changed != text, "the edit changed nothing")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Removes the last `<item>…</item>` of a feed.
    private func droppingLastItem(_ text: String) -> String {
        guard let start = text.range(of: "<item>", options: .backwards),
              let end = text.range(of: "</item>", range: start.upperBound..<text.endIndex) else { return text }
        return text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
    }

    @Test func firstSyncStoresEveryFixtureCollection() async throws {
        let folder = try TemporaryFolder()
        let remote = try RemoteProcess(data: fixtureFolder, folder: folder)
        let cache = try cache(in: folder)
        let report = try await engine(remote.base, cache).sync()

        #expect(report.succeeded)
        #expect(report.results.map(\.alias) == [cyber, ospo, osor])
        #expect(report.results.map(\.summary) == [
            "\(cyber): 12 new, 0 updated, 0 deleted", "\(ospo): 8 new, 0 updated, 0 deleted", "\(osor): 12 new, 0 updated, 0 deleted",
        ])
        let ospoHeader = try cache.header(collectionURI: try uri(ospo, cache))
        #expect(ospoHeader.memberCount == 59)
        #expect(ospoHeader.membersPublished)
        #expect(ospoHeader.count(of: .news) == 7 && ospoHeader.count(of: .event) == 1)
        #expect(ospoHeader.origin == .synced(remote: remote.base, at: ospoHeader.origin.syncedAt!))
        #expect(try cache.header(collectionURI: try uri(osor, cache)).memberCount == 8)
        #expect(try cache.itemCount(collectionURI: try uri(cyber, cache), filter: .none) == 12)
        #expect(try cache.about(collectionURI: try uri(cyber, cache)).isClosed)
        #expect(try !cache.about(collectionURI: try uri(osor, cache)).isClosed)
        // The facet counts of the seed page come out of a real sync too.
        let facets = try cache.facetCounts(collectionURI: try uri(ospo, cache), filter: .none)
        #expect(facets.first.map { "\($0.topic.label) (\($0.count))" } == "ICT (8)")
        let status = try #require(try cache.syncStatus(alias: osor))
        #expect(status.lastError == nil && status.lastSuccess != nil)
        let requests = remote.requests()
        #expect(requests.count == 1 + 3 * 4)
        // The vocabulary is shared: fetched with the first collection, a 304 for the next ones.
        let topics = requests.filter { $0.contains("/ontology/topic") }
        #expect(topics == ["GET /ontology/topic?_format=rdfxml 200 gzip"] + Array(repeating: "GET /ontology/topic?_format=rdfxml 304", count: 2))
        #expect(requests.filter { !$0.contains("/ontology/topic") }.allSatisfy { $0.hasSuffix(" 200 gzip") }, "\(requests)")
        #expect(report.requests == requests.count)
    }

    @Test func unchangedResyncIsAll304AndWritesNothing() async throws {
        let s = try setup()
        let (remote, sync) = (s.remote, s.sync)  // s keeps the cache open
        #expect(await sync.sync().succeeded)
        let before = try dataDump(s.folder)
        let firstRun = remote.requests().count

        let report = await sync.sync()
        #expect(report.results.map(\.outcome) == [.unchanged, .unchanged, .unchanged])
        #expect(report.results.map(\.summary) == ["\(cyber): unchanged", "\(ospo): unchanged", "\(osor): unchanged"])
        let second = Array(remote.requests().dropFirst(firstRun))
        #expect(second.count == 1 + 3 * 4, "one request per document")
        #expect(second.first == "GET /collections.xml 200 gzip")
        #expect(second.dropFirst().allSatisfy { $0.hasSuffix(" 304") })
        let after = try dataDump(s.folder)
        #expect(after == before, "collection data was written: \(Set(after).symmetricDifference(before).prefix(5))")
    }

    @Test func anEditedItemIsUpdatedAndNothingElseChanges() async throws {
        let s = try setup(editable: true)
        let (data, cache, sync) = (s.data, s.cache, s.sync)  // s keeps the server running
        #expect(await sync.sync().succeeded)

        try edit(data.appendingPathComponent("\(ospo)/feed.xml")) {
            $0.replacingOccurrences(of: "Accepting open source contributions from third-party developers",
                                    with: "Welcoming open source contributions from outside developers")
        }
        let report = await sync.sync()
        #expect(report.results.map(\.summary) == [
            "\(cyber): unchanged", "\(ospo): 0 new, 1 updated, 0 deleted", "\(osor): unchanged",
        ])
        let item = try #require(try cache.item(collectionURI: try uri(ospo, cache), id: "18432 at https://joinup.ec.europa.eu"))
        #expect(item.item.title == "Welcoming open source contributions from outside developers")
        #expect(try cache.header(collectionURI: try uri(ospo, cache)).memberCount == 59, "members kept on a 304")
    }

    @Test func aMetadataOrMembersChangeAloneKeepsTheItemsFromThe304Feed() async throws {
        let s = try setup(editable: true)
        let (data, remote, cache, sync) = (s.data, s.remote, s.cache, s.sync)
        #expect(await sync.sync(aliases: [osor]).succeeded)
        let id = try uri(osor, cache)
        let facets = try cache.facetCounts(collectionURI: id, filter: .none)

        try edit(data.appendingPathComponent("\(osor)/collection.rdf")) {
            $0.replacingOccurrences(of: "<dc:title xml:lang=\"en\">Open Source Observatory (OSOR)", with: "<dc:title xml:lang=\"en\">OSOR")
        }
        try edit(data.appendingPathComponent("\(osor)/members.json")) {
            $0.replacingOccurrences(of: "\"state\": \"pending\"", with: "\"state\": \"active\"")
        }
        let count = remote.requests().count
        let report = await sync.sync(aliases: [osor])
        #expect(report.results.map(\.summary) == ["\(osor): 0 new, 0 updated, 0 deleted (metadata, members changed)"])
        #expect(remote.requests().dropFirst(count).contains { $0.contains("feed.xml") && $0.hasSuffix(" 304") })
        #expect(try cache.collection(named: osor)?.title == "OSOR")
        #expect(try cache.itemCount(collectionURI: id, filter: .none) == 12)
        #expect(try cache.header(collectionURI: id).memberCount == 9)
        #expect(try cache.facetCounts(collectionURI: id, filter: .none) == facets)
    }

    @Test func aRemovedItemIsDeletedFromACompleteListingButKeptFromAPartialOne() async throws {
        let s = try setup(editable: true)
        let (data, cache, sync) = (s.data, s.cache, s.sync)  // s keeps the server running
        #expect(await sync.sync().succeeded)

        try edit(data.appendingPathComponent("\(osor)/feed.xml"), droppingLastItem)
        try edit(data.appendingPathComponent("\(cyber)/feed.xml")) {
            droppingLastItem($0.replacingOccurrences(of: "<fh:complete/>", with: ""))
        }
        let report = await sync.sync()
        #expect(outcome(osor, report).map { if case let .updated(r, _) = $0 { r.deletedItems } else { -1 } } == 1)
        #expect(outcome(cyber, report).map { if case let .updated(r, _) = $0 { r.deletedItems } else { -1 } } == 0)
        #expect(try cache.itemCount(collectionURI: try uri(osor, cache), filter: .none) == 11)
        #expect(try cache.itemCount(collectionURI: try uri(cyber, cache), filter: .none) == 12)
    }

    @Test func aFeedOfManyPagesIsReadToTheEndAndRevalidatedByItsFirstPage() async throws {
        let s = try setup(extra: ["--page-size", "3"])
        let (remote, cache, sync) = (s.remote, s.cache, s.sync)
        let report = await sync.sync()
        #expect(report.succeeded)
        #expect(try cache.itemCount(collectionURI: try uri(ospo, cache), filter: .none) == 8)
        #expect(try cache.itemCount(collectionURI: try uri(osor, cache), filter: .none) == 12)
        let pages = remote.requests().filter { $0.contains("/feed.xml?page=") }
        #expect(pages.count == 2 + 3 + 3, "8 items make 3 pages, 12 make 4")
        #expect(report.requests == 1 + 3 * 4 + pages.count)
        let count = remote.requests().count

        let again = await sync.sync()
        #expect(again.results.map(\.outcome) == [.unchanged, .unchanged, .unchanged])
        #expect(!remote.requests().dropFirst(count).contains { $0.contains("page=") })
    }

    @Test func aServerKilledMidSyncLeavesTheCacheAsItWasAndSaysWhy() async throws {
        let folder = try TemporaryFolder()
        let data = folder.url.appendingPathComponent("generated")
        let made = try runCommand(builtBinary("joinup-remote"), ["--generate", "1500", "--seed", "3", "--out", data.path])
        #expect(made.status == 0, "\(made.stderr)")
        let remote = try RemoteProcess(data: data, extra: ["--page-size", "50"], folder: folder)
        let cache = try cache(in: folder)
        let sync = try engine(remote.base, cache)
        #expect(await sync.sync().succeeded)
        let before = try dataDump(folder)

        try edit(data.appendingPathComponent("generated-1/feed.xml")) {
            $0.replacingOccurrences(of: "</title>", with: " (edited)</title>")
        }
        let killed = Flag()
        let report = await sync.sync(aliases: ["generated-1"]) { progress in
            // Pages 2 and 3 have arrived: the server dies with 27 pages to go.
            if progress.resourcesDone >= 6, killed.setOnce() { remote.server.kill() }
        }
        let result = try #require(report.results.first)
        guard case .failed(let error) = result.outcome else {
            Issue.record("expected a failure, got \(result.outcome)")
            return
        }
        switch error {
        case .cannotConnect, .connectionLost: break
        default: Issue.record("expected a connection error, got \(error)")
        }
        #expect(error.message.contains(remote.base))
        let after = try dataDump(folder)
        #expect(after == before, "the earlier copy changed: \(Set(after).symmetricDifference(before).prefix(5))")
        let titles = try cache.itemSummaries(collectionURI: try uri("generated-1", cache), filter: .none, offset: 0, limit: 5_000)
        #expect(titles.count == 1_500 && !titles.contains { $0.title.contains("(edited)") })
        #expect(try cache.syncStatus(alias: "generated-1")?.lastError == error.message)
    }

    @Test func garbageFromOneCollectionLeavesTheOthersSyncedAndTheCommandSaysSo() async throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        let remote = try RemoteProcess(data: data, folder: folder)
        let joinup = builtBinary("joinup")
        let paths = ["--data-dir", folder.path("home-data"), "--config-dir", folder.path("home-config")]
        let first = try runCommand(joinup, ["sync", "--remote", remote.base] + paths)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count == 3)
        #expect(first.stderr.isEmpty, "no progress when stderr is not a terminal")

        try Data("<html><body>Service unavailable".utf8).write(to: data.appendingPathComponent("\(osor)/feed.xml"))
        try edit(data.appendingPathComponent("\(ospo)/feed.xml")) {
            $0.replacingOccurrences(of: "Accepting open source", with: "Welcoming open source")
        }
        let second = try runCommand(joinup, ["sync", "--remote", remote.base] + paths)
        #expect(second.status == 1)
        // stdout keeps only results: the failure is said once, on stderr.
        let lines = second.stdout.split(separator: "\n").map(String.init)
        #expect(lines == ["\(cyber): unchanged", "\(ospo): 0 new, 1 updated, 0 deleted"])
        let errors = second.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("joinup: \(osor): \(remote.base)/collection/\(osor)/feed.xml: malformed XML") == true)

        let items = try runCommand(joinup, ["items", "--no-header", "--collection", osor] + paths)
        #expect(items.stdout.split(separator: "\n").count == 12, "the failed collection keeps its items")
    }

    @Test func theRemoteComesFromTheFlagTheEnvironmentOrConfigToml() async throws {
        let folder = try TemporaryFolder()
        let remote = try RemoteProcess(data: fixtureFolder, folder: folder)
        let joinup = builtBinary("joinup")
        let config = folder.path("config")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        let paths = ["--data-dir", folder.path("data"), "--config-dir", config, "--collection", ospo]

        let none = try runCommand(joinup, ["sync"] + paths)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no remote configured"))

        let fromEnvironment = try runCommand(joinup, ["sync"] + paths, environment: ["JOINUP_REMOTE": remote.base])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(fromEnvironment.stdout == "\(ospo): 8 new, 0 updated, 0 deleted\n")

        try "# joinup\nremote = \"\(remote.base)\"  # the test server\n[theme]\nname = \"x\"\n"
            .write(toFile: (config as NSString).appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let fromConfig = try runCommand(joinup, ["sync"] + paths)
        #expect(fromConfig.status == 0, "\(fromConfig.stderr)")
        #expect(fromConfig.stdout == "\(ospo): unchanged\n")

        let refused = try runCommand(joinup, ["sync", "--remote", "http://127.0.0.1:1", "--timeout", "2"] + paths)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot connect"))
    }

    @Test func aPlainRSSFeedFromPythonsHTTPServerSyncs() async throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appendingPathComponent("site")
        let feedFolder = site.appendingPathComponent("collection/\(osor)")
        try FileManager.default.createDirectory(at: feedFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtureFolder.appendingPathComponent("\(osor)/feed.xml"),
                                         to: feedFolder.appendingPathComponent("feed.xml"))
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let python = try ServerProcess(
            executable: "/usr/bin/env",
            arguments: ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site.path],
            folder: folder,
            baseURL: { line in
                guard let open = line.range(of: "(http://"), let close = line.range(of: "/)", range: open.upperBound..<line.endIndex) else { return nil }
                return String(line[line.index(after: open.lowerBound)..<close.lowerBound])
            })
        defer { python.kill() }
        let cache = try cache(in: folder)
        let sync = try engine(python.base, cache)

        let noDirectory = await sync.sync()
        #expect(noDirectory.directoryError == .noDirectory(url: python.base + "/collections.xml"))
        #expect(!noDirectory.succeeded)

        let report = await sync.sync(aliases: [osor])
        #expect(report.results.map(\.summary) == ["\(osor): 12 new, 0 updated, 0 deleted"])
        let collection = try #require(try cache.collection(named: osor))
        #expect(collection.title == "Open Source Observatory (OSOR)", "from the channel title")
        #expect(collection.uri == "https://joinup.ec.europa.eu/collection/\(osor)", "from the channel link")
        let header = try cache.header(collectionURI: collection.uri)
        #expect(header.memberCount == 0)
        #expect(!header.membersPublished, "python serves no members document")
        let facets = try cache.facetCounts(collectionURI: collection.uri, filter: .none)
        #expect(facets.first.map { "\($0.topic.label) (\($0.count))" } == "Open Source Software (10)", "topics learnt from categories")

        // http.server answers If-Modified-Since: the feed is a 304, the rest is still not published.
        let again = await sync.sync(aliases: [osor])
        #expect(again.results.map(\.outcome) == [.unchanged])
    }

    @Test func joinupRemoteStopsCleanlyOnSIGTERMAndSIGINT() throws {
        let folder = try TemporaryFolder()
        let first = try RemoteProcess(data: fixtureFolder, folder: folder)
        #expect(first.base.range(of: #"^http://127\.0\.0\.1:[0-9]+$"#, options: .regularExpression) != nil)
        #expect(first.server.stop() == 0)
        let second = try RemoteProcess(extra: ["--generate", "10"], folder: folder)
        #expect(second.server.stop(signal: SIGINT) == 0)
        #expect(second.server.process.terminationReason == .exit)
    }
}

/// A flag that is set once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false

    /// True for the first caller only.
    func setOnce() -> Bool {
        lock.withLock {
            defer { set = true }
            return !set
        }
    }
}

extension DataOrigin {
    var syncedAt: Date? {
        if case let .synced(_, at) = self { return at }
        return nil
    }
}
