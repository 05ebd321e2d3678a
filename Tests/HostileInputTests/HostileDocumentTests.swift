import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import JoinupCache
import JoinupModel
import JoinupSync
import JoinupTestSupport
import JoinupViews
import Testing

/// Every document of `HostileCorpus`, served by a real `joinup-remote` (`--fault body=FILE`, so the
/// bytes arrive exactly as written) to a sync over a cache that already holds the good collection.
///
/// A hang fails the test (the suite's time limit; the client's own timeouts are 10 s idle, 60 s whole).
/// Serialized: the big documents are generated in memory, one at a time.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct HostileDocumentTests {
    static func engine(_ base: String, _ cache: CacheDatabase) throws -> SyncEngine {
        SyncEngine(layout: try #require(RemoteLayout(base: base)), cache: cache,
                   client: HTTPClient(limits: HTTPClientLimits(requestTimeout: 10, resourceTimeout: 60)))
    }

    /// What the error message must name so the user knows which document failed.
    static func place(of resource: HostileResource) -> String {
        switch resource {
        case .feed: "feed.xml"
        case .directory: "collections.xml"
        case .metadata: "?_format=rdfxml"
        case .topics: "/ontology/topic"
        case .members: "/members"
        }
    }

    @Test func theCorpusHasFortyDocumentsOverEveryFormat() {
        #expect(HostileCorpus.all.count >= 40)
        let formats = Set(HostileCorpus.all.map(\.resource.rawValue))
        #expect(formats == ["feed", "directory", "metadata", "topics", "members"])
        #expect(Set(HostileCorpus.all.map(\.name)).count == HostileCorpus.all.count, "names are unique")
    }

    @Test(arguments: HostileCorpus.all)
    func aHostileDocumentIsRejectedWithACacheUnchangedOrStoredSanitised(_ document: HostileDocument) async throws {
        let folder = try TemporaryFolder()
        let cachePath = folder.path("cache.sqlite")
        let aliases = document.resource == .directory ? [] : [HostileCorpus.alias]

        // The cache holds the good collection first: a copy of one synced from an honest remote.
        try await GoodCaches.shared.copy(syncing: aliases, to: cachePath)
        let cache = try CacheDatabase(path: cachePath)
        let uri = try #require(try cache.collection(named: HostileCorpus.alias)).uri

        let bodyFile = folder.path("hostile.body")
        let hostile = try await RemoteProcess.start(data: fixtureFolder, extra: ["--fault", "body=\(bodyFile),path=\(document.resource.pathPattern)"],
                                                    folder: folder)
        try document.make(hostile.base + "/xxe-probe").write(to: URL(fileURLWithPath: bodyFile))

        let inspection = CacheInspection(path: cachePath)
        let before = try inspection.dump()
        let report = try await Self.engine(hostile.base, cache).sync(aliases: aliases)
        let requests = hostile.requests()
        await hostile.stop()
        let failure = report.directoryError ?? report.results.lazy.compactMap { result -> SyncError? in
            if case .failed(let error) = result.outcome { error } else { nil }
        }.first

        switch document.outcome {
        case .rejected(let expected):
            let error = try #require(failure, "the document was accepted; expected \(expected)")
            #expect(expected.matches(error), "expected \(expected), got: \(error.message)")
            #expect(error.message.contains(Self.place(of: document.resource)), "the message names the document: \(error.message)")
            #expect(error.message.unicodeScalars.allSatisfy(TerminalText.isAllowed), "the message is one safe line")
            let after = try inspection.dump()
            #expect(after == before, "a rejected document changed the cache: \(Set(after).symmetricDifference(before).prefix(5))")
        case .stored(let verify):
            #expect(failure == nil, "expected the document to be stored: \(failure?.message ?? "")")
            try verify(StoredCollection(cache: cache, uri: uri, requests: requests))
        case .skipped(let expected):
            #expect(failure == nil, "one bad item refused the document: \(failure?.message ?? "")")
            let skipped = try #require(report.results.first).skipped
            #expect(skipped.total == 1, "expected the one bad item skipped: \(skipped.counts)")
            let reason = try #require(skipped.first, "the skip is not reported")
            #expect(expected.matches(.invalidDocument(reason)), "expected \(expected), got: \(reason.message)")
            #expect(reason.message.contains(Self.place(of: document.resource)), "the message names the document: \(reason.message)")
            #expect(report.results.first?.summary.contains(skipped.summary) == true, "the sync line says so")
            #expect(try StoredCollection(cache: cache, uri: uri, requests: requests).item("hostile-1") == nil)
            let items = { (dump: [String]) in dump.filter { $0.hasPrefix("item: ") } }
            #expect(items(try inspection.dump()) == items(before), "the good items changed")
        }
        #expect(!requests.contains { $0.contains("xxe-probe") }, "the document made the client fetch a URL")
        let strings = try inspection.storedStrings()
        #expect(!strings.contains { $0.text.contains("root:x:0:0") }, "a local file reached the cache")
        let unsafe = try inspection.unsafeStrings()
        #expect(unsafe.isEmpty, "stored strings with control characters: \(unsafe.prefix(5))")
        // A rejected document left the good cache byte for byte (above); what was stored goes on screen.
        guard case .stored = document.outcome else { return }
        for frame in await PaneWalk.frames(cache: cache, collectionURI: uri) {
            let bad = PaneWalk.unsanitised(frame)
            #expect(bad.isEmpty, "text handed to the surface unsanitised: \(bad.prefix(5))\n\(frame.inner.text)")
        }
    }

    /// The on-screen check above sees what the views hand over, not the cells the surface keeps.
    @Test func theOnScreenCheckFlagsUnsanitisedTextThatTheSurfaceWouldHide() {
        _ = setlocale(LC_ALL, "C.UTF-8")
        var surface = RecordingSurface(width: 30, height: 3)
        surface.put("Café ▸ 日本 [31m", x: 0, y: 0, style: .normal)
        #expect(PaneWalk.unsanitised(surface).isEmpty)
        let hostile = ["Red \u{1B}[31m", "gpj.exe\u{202E}", "two\nlines"]
        surface.put(hostile[0], x: 0, y: 1, style: .normal)
        surface.put(hostile[1], x: 0, in: surface.bounds, row: 2, style: .normal)
        surface.put(hostile[2], x: 12, y: 2, maxWidth: 6, style: .normal)
        #expect(PaneWalk.unsanitised(surface) == hostile.map(\.debugDescription))
        // The cells hold none of it: a check of the cells could not have failed.
        #expect(surface.inner.rows.allSatisfy { $0.allSatisfy { $0.text.unicodeScalars.allSatisfy(TerminalText.isAllowed) } })
        #expect(surface.inner.lines == ["Café ▸ 日本 [31m", "Red [31m", "gpj.exe     twoli…"])
    }
}

/// Good caches synced once per test run from an honest `joinup-remote` (one per way of syncing:
/// named collections, or the whole directory), kept as bytes (no folder outlives the run) and
/// written out for each document.
actor GoodCaches {
    static let shared = GoodCaches()
    private var templates: [[String]: Data] = [:]

    func copy(syncing aliases: [String], to path: String) async throws {
        try await template(aliases).write(to: URL(fileURLWithPath: path))
    }

    private func template(_ aliases: [String]) async throws -> Data {
        if let data = templates[aliases] { return data }
        let folder = try TemporaryFolder()
        do {
            let cache = try CacheDatabase(path: folder.path("synced.sqlite"))
            let good = try await RemoteProcess.start(data: fixtureFolder, folder: folder)
            let report = try await HostileDocumentTests.engine(good.base, cache).sync(aliases: aliases)
            await good.stop()
            try #require(report.succeeded)
        }
        // A standalone copy, whatever the WAL still holds.
        let copy = folder.path("template.sqlite")
        let queue = try DatabaseQueue(path: folder.path("synced.sqlite"))
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        let data = try Data(contentsOf: URL(fileURLWithPath: copy))
        templates[aliases] = data
        return data
    }
}
