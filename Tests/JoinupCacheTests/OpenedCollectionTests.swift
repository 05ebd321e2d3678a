import Foundation
import GRDB
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// The last collection the browser showed, recorded in the cache file so a restart opens it.
@Suite struct OpenedCollectionTests {
    let folder: TemporaryFolder
    let cache: CacheDatabase
    static let otherURI = "http://data.europa.eu/w21/other-collection"

    init() throws {
        folder = try TemporaryFolder()
        cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        _ = try cache.apply(Fixture.snapshot(items: Fixture.sampleItems), origin: .embeddedSnapshot)
        var other = Fixture.snapshot(items: [])
        other.collection.uri = Self.otherURI
        other.collection.alias = "other"
        other.collection.title = "Another collection"
        _ = try cache.apply(other, origin: .embeddedSnapshot)
    }

    @Test func nothingRecordedMeansNoLastCollection() throws {
        #expect(try cache.lastOpenedCollection() == nil)
    }

    @Test func theLatestOpenedWinsAndSurvivesReopening() throws {
        try cache.recordOpening(collectionURI: Fixture.collectionURI, now: Date(timeIntervalSince1970: 100))
        try cache.recordOpening(collectionURI: Self.otherURI, now: Date(timeIntervalSince1970: 200))
        let reopened = try CacheDatabase(path: folder.path("cache.sqlite"))
        #expect(try reopened.lastOpenedCollection()?.alias == "other")
        // Opening the first again makes it the last one used (one row per collection).
        try reopened.recordOpening(collectionURI: Fixture.collectionURI, now: Date(timeIntervalSince1970: 300))
        #expect(try reopened.lastOpenedCollection()?.uri == Fixture.collectionURI)
        let rows = try DatabaseQueue(path: folder.path("cache.sqlite")).read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM collection_opened")
        }
        #expect(rows == 2)
    }

    @Test func aCollectionGoneFromTheCacheIsSkipped() throws {
        try cache.recordOpening(collectionURI: Fixture.collectionURI, now: Date(timeIntervalSince1970: 100))
        try cache.recordOpening(collectionURI: "http://data.europa.eu/w21/gone", now: Date(timeIntervalSince1970: 200))
        #expect(try cache.lastOpenedCollection()?.uri == Fixture.collectionURI)
        let onlyGone = try CacheDatabase(path: folder.path("other.sqlite"))
        try onlyGone.recordOpening(collectionURI: "http://data.europa.eu/w21/gone")
        #expect(try onlyGone.lastOpenedCollection() == nil)
    }

    @Test func membershipsAreReadForEveryCollectionAtOnce() throws {
        let queued = try cache.enqueue(MembershipRequest(collectionAlias: "other", collectionURI: Self.otherURI,
                                                         collectionTitle: "Another collection", kind: .join))
        try cache.recordDelivery(of: queued.id, membership: .pending)
        #expect(try cache.myMemberships() == [Self.otherURI: .pending])
    }
}
