import Foundation
import JoinupModel
import JoinupTestSupport
@testable import JoinupCache
import JoinupTestSupport
import Testing

/// The directory tables (v11): storing a directory read and the browser's reads of it.
@Suite struct CollectionDirectoryTests {
    static let remote = "http://remote.test"

    static func collection(_ n: Int, topics: [Topic], title: String? = nil, state: String = "validated", closed: Bool = false) -> DirectoryCollection {
        DirectoryCollection(uri: "http://data.europa.eu/w21/c\(n)", alias: "c\(n)", title: title ?? "Collection \(n)",
                            abstract: "Abstract \(n)", isClosed: closed, state: state, ownerURI: "o:\(n % 2)",
                            contactURI: "p:\(n)", topicURIs: topics.map(\.uri), countryURIs: ["k:BEL", "k:XXX"])
    }

    static let snapshot = CollectionDirectorySnapshot(
        collections: [
            collection(1, topics: [Fixture.ictCategory], title: "Łódź pilots"),
            collection(2, topics: [Fixture.ict], closed: true),
            collection(3, topics: [Fixture.oss, Fixture.legal], state: "archived"),
            collection(4, topics: [Fixture.egov]),
        ],
        topics: Fixture.topics,
        owners: [DirectoryOwner(uri: "o:1", name: "DG DIGIT", typeURI: "http://purl.org/adms/publishertype/SupraNationalAuthority")],
        contacts: [DirectoryContact(uri: "p:1", name: "Desk", email: "desk@example.org", webPage: "https://example.org")],
        countryNames: ["k:BEL": "Belgium"])

    func cache() throws -> (TemporaryFolder, CacheDatabase) {
        let folder = try TemporaryFolder()
        let cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        try cache.storeDirectory(Self.snapshot, remote: Self.remote, source: .sparql)
        return (folder, cache)
    }

    @Test func aCategoryAndATermSharingALabelAreCountedAndFilteredApart() throws {
        let (folder, cache) = try cache()
        _ = folder
        let all = try cache.directory()
        #expect(all.collections.count == 4)
        let counts = Dictionary(uniqueKeysWithValues: all.topicCounts.map { ($0.topic.uri, $0.count) })
        // The category counts its own tag and its terms' (1: itself, 2: term ICT, 3: OSS); the term only its own.
        #expect(counts[Fixture.ictCategory.uri] == 3)
        #expect(counts[Fixture.ict.uri] == 1)
        #expect(counts[Fixture.govCategory.uri] == 2)
        #expect(counts[Fixture.security.uri] == nil, "zero counts are left out")

        let term = try cache.directory(matching: DirectoryQuery(topicURIs: [Fixture.ict.uri]))
        #expect(term.collections.map(\.collection.alias) == ["c2"])
        let category = try cache.directory(matching: DirectoryQuery(topicURIs: [Fixture.ictCategory.uri]))
        #expect(Set(category.collections.compactMap(\.collection.alias)) == ["c1", "c2", "c3"])
        let either = try cache.directory(matching: DirectoryQuery(topicURIs: [Fixture.ict.uri, Fixture.egov.uri]))
        #expect(Set(either.collections.compactMap(\.collection.alias)) == ["c2", "c4"], "OR within the facet")
        #expect(either.topicCounts == all.topicCounts, "the facet ignores its own selection")
    }

    @Test func searchFoldsCaseAndAccentsAndNarrowsTheCounts() throws {
        let (folder, cache) = try cache()
        _ = folder
        let found = try cache.directory(matching: DirectoryQuery(search: "LODZ pil"))
        #expect(found.collections.map(\.collection.alias) == ["c1"])
        #expect(found.topicCounts.map(\.topic.uri) == [Fixture.ictCategory.uri])
        #expect(try cache.directory(matching: DirectoryQuery(search: "abstract 3")).collections.map(\.collection.alias) == ["c3"])
    }

    @Test func aCollectionNoLongerListedIsMarkedNotDeleted() throws {
        let (folder, cache) = try cache()
        _ = folder
        var later = Self.snapshot
        later.collections.removeFirst()
        later.topics = []
        try cache.storeDirectory(later, remote: Self.remote, source: .sparql)
        #expect(try cache.directory().collections.count == 3)
        let every = try cache.directory(matching: DirectoryQuery(includeUnpublished: true)).collections
        #expect(every.count == 4)
        #expect(every.first { $0.collection.alias == "c1" }?.isPublished == false)
        #expect(try cache.directoryTopics().count == Fixture.topics.count, "a read without topics keeps the vocabulary")
        #expect(try cache.directorySyncTargets(remote: Self.remote).compactMap(\.alias) == ["c2", "c4"], "archived ones are not synced")
    }

    @Test func aboutNamesTheOwnerContactAndCountries() throws {
        let (folder, cache) = try cache()
        _ = folder
        let about = try cache.directoryAbout(collectionURI: "http://data.europa.eu/w21/c1")
        #expect(about.owner?.name == "DG DIGIT")
        #expect(about.contact?.email == "desk@example.org")
        #expect(about.countries.map(\.name) == ["Belgium", nil])
        let unknown = try cache.directoryAbout(collectionURI: "urn:none", countryURIs: ["k:BEL"])
        #expect(unknown.owner == nil && unknown.countries.map(\.name) == ["Belgium"])
        #expect(try cache.countryNames(["k:BEL", "k:ZZZ"]) == ["k:BEL": "Belgium"])
        #expect(try cache.hasDirectory())
    }
}
