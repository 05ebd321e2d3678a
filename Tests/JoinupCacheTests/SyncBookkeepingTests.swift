import Foundation
import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing

@Suite struct SyncBookkeepingTests {
    private func makeCache() throws -> (CacheDatabase, TemporaryFolder) {
        let folder = try TemporaryFolder()
        return (try CacheDatabase(path: folder.path("cache.sqlite")), folder)
    }

    private func snapshot(title: String = "A collection") -> CollectionSnapshot {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let collection = Collection.fixture(uri: "urn:c", alias: "c", title: title, created: date, modified: date,
                                            site: "http://x")
        let item = Item(id: "1", collectionURI: "urn:c", kind: .news, title: "One", link: "http://x/1", body: "",
                        author: "", published: date, topicURIs: [])
        return CollectionSnapshot(collection: collection, topics: [], items: [item], members: nil, isCompleteListing: true)
    }

    @Test func validatorsAreStoredOnlyWithTheDataTheyDescribe() throws {
        let (cache, folder) = try makeCache()
        defer { withExtendedLifetime(folder) {} }
        let feed = ResourceValidator(url: "http://x/collection/c/feed.xml", etag: "\"1\"", lastModified: "Mon, 01 Jan 2024 00:00:00 GMT")
        #expect(try cache.validators(for: [feed.url]).isEmpty)
        try cache.apply(snapshot(), remote: "http://x", validators: [feed], alias: "c")
        #expect(try cache.validators(for: [feed.url, "http://x/other"]) == [feed.url: feed])
        // A validator without values is forgotten (the document is no longer published).
        try cache.apply(snapshot(), remote: "http://x", validators: [ResourceValidator(url: feed.url, etag: nil, lastModified: nil)], alias: "c")
        #expect(try cache.validators(for: [feed.url]).isEmpty)
    }

    @Test func aFailureIsRecordedWithoutTouchingTheData() throws {
        let (cache, folder) = try makeCache()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let validator = ResourceValidator(url: "http://x/collection/c/feed.xml", etag: "\"1\"", lastModified: nil)
        try cache.apply(snapshot(), remote: "http://x", validators: [validator], alias: "c", at: now)
        // Every table but the sync status, which records attempts and errors by design.
        func dump() throws -> [String] {
            try TableDump.lines(of: folder.path("cache.sqlite"), keeping: ["sync_status": []])
        }
        let before = try dump()
        try cache.recordSyncFailure(alias: "c", remote: "http://x", message: "boom", at: now.addingTimeInterval(60))
        #expect(try dump() == before)
        let status = try #require(try cache.syncStatus(alias: "c"))
        #expect(status.lastError == "boom")
        #expect(status.lastSuccess == now)
        #expect(status.lastAttempt == now.addingTimeInterval(60))
        try cache.recordUnchangedSync(alias: "c", remote: "http://x", at: now.addingTimeInterval(120))
        #expect(try cache.syncStatus(alias: "c")?.lastError == nil)
        #expect(try dump() == before, "an unchanged sync writes only its status")
        #expect(try cache.syncStatus(alias: "never") == nil)
    }
}
