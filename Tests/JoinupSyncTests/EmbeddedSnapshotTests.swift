import Foundation
import JoinupModel
@testable import JoinupSync
import Testing

/// The embedded snapshot must reproduce the seed page (shared/seed/ec-ospo-collection-page.txt) exactly.
@Suite struct EmbeddedSnapshotTests {
    let snapshot: CollectionSnapshot
    let vocabulary: [String: Topic]

    init() throws {
        snapshot = try EmbeddedSnapshot.load()
        vocabulary = Dictionary(snapshot.topics.map { ($0.uri, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Newest first by list date, as the collection page lists its tiles.
    var tiles: [Item] { snapshot.items.sorted { $0.listDate > $1.listDate } }

    @Test func tilesMatchTheSeedPageInOrder() throws {
        let expected: [(ItemKind, String, String, [String], Int)] = [
            (.event, "21/11/2023", "Register for the biggest 2023 open-source conference in Brussels!", ["Collaboration", "eGovernment"], 2),
            (.news, "26/06/2023", "Accepting open source contributions from third-party developers", ["Collaboration", "Legal"], 2),
            (.news, "11/08/2022", "FOSSEPS Critical Open Source Software Study Report", ["Open Source Software", "ICT security"], 6),
            (.news, "05/08/2022", "Blog post by European Commission Open Source Programme Office", ["ICT", "Legal"], 0),
            (.news, "04/07/2022", "Check how the hackathon improved Moodle for education!", ["Open Source Software"], 0),
            (.news, "11/05/2022", "Get plugged into education with Moodle!", ["Open Source Software"], 0),
            (.news, "24/03/2022", "NextGov Hackathon", ["Open Source Software"], 0),
            (.news, "20/01/2022", "New set of Bug Bounties 2022", ["Open Source Software", "ICT"], 2),
        ]
        let tiles = tiles
        try #require(tiles.count == expected.count)
        for (item, (kind, day, title, leading, more)) in zip(tiles, expected) {
            #expect(item.kind == kind, "\(item.title)")
            #expect(JoinupDate.day(item.listDate) == day, "\(item.title)")
            #expect(item.title == title)
            let labels = item.topicURIs.prefix(2).map { vocabulary[$0]?.label ?? "?\($0)" }
            #expect(labels == leading, "\(item.title)")
            #expect(max(0, item.topicURIs.count - 2) == more, "\(item.title)")
        }
    }

    @Test func facetsMatchTheSeedPageExactly() {
        let facets = FacetRules.counts(items: snapshot.items.map(\.topicURIs), vocabulary: vocabulary)
        let expected: [(String, Topic.Level, Int)] = [
            ("ICT", .category, 8), ("Open Source Software", .term, 7), ("Digital government", .category, 4),
            ("ICT", .term, 3), ("Collaboration", .term, 2), ("eGovernment", .term, 2), ("ICT security", .term, 2),
            ("Legal", .term, 2), ("Content and knowledge management", .term, 1), ("Digital innovation", .term, 1),
            ("Education", .term, 1), ("Innovation", .term, 1), ("Science and technology", .term, 1),
            ("Standardisation", .term, 1),
        ]
        #expect(facets.map(\.topic.label) == expected.map(\.0))
        #expect(facets.map(\.topic.level) == expected.map(\.1))
        #expect(facets.map(\.count) == expected.map(\.2))
    }

    @Test func ictCategoryAndIctTermAreDifferentTopics() {
        let icts = snapshot.topics.filter { $0.label == "ICT" }
        #expect(icts.count == 2)
        #expect(Set(icts.map(\.uri)) == ["http://joinup.eu/ontology/topic/category#ict", "http://joinup.eu/ontology/topic#ict"])
        #expect(icts.first { $0.level == .term }?.parentURI == "http://joinup.eu/ontology/topic/category#ict")
    }

    @Test func everyItemTopicIsInTheVocabulary() {
        for item in snapshot.items {
            for uri in item.topicURIs { #expect(vocabulary[uri] != nil, "\(item.title): \(uri)") }
        }
    }

    @Test func kindCountsAreSevenNewsOneEventNoSolution() {
        let counts = Dictionary(grouping: snapshot.items, by: \.kind).mapValues(\.count)
        #expect(counts[.news] == 7)
        #expect(counts[.event] == 1)
        #expect(counts[.solution, default: 0] == 0)
        #expect(snapshot.items.count == 8)
    }

    @Test func membersAreFiftyNineActiveWithOneOwner() throws {
        let members = try #require(snapshot.members)
        let byState = Dictionary(grouping: members, by: \.state).mapValues(\.count)
        #expect(byState[.active] == 59)
        #expect(byState[.pending] == 2)
        #expect(byState[.blocked] == 1)
        let owners = members.filter { $0.roles.contains(.owner) }
        #expect(owners.count == 1)
        #expect(owners.first?.roles.contains(.facilitator) == true)
        #expect(owners.first?.state == .active)
        #expect(members.filter { $0.roles.contains(.facilitator) }.count == 4)
        #expect(Set(members.map(\.id)).count == members.count)
        #expect(members.contains { $0.name == "Zoë Ñúñez" })
        #expect(members.contains { $0.name == "Łukasz Wiśniewski" })
        #expect(members.contains { $0.name == "Ørjan Håland" })
    }

    @Test func lastUpdateIsTheNewestPublicationNotTheMetadataChange() throws {
        let newest = try #require(snapshot.items.map(\.published).max())
        let collection = snapshot.collection
        #expect(collection.modified < newest)
        #expect(JoinupDate.lastUpdate(max(collection.modified, newest)) == "Mon, 26/06/2023 - 13:43")
        // Only the "Accepting contributions" news may be that new.
        let newer = snapshot.items.filter { $0.published >= newest }
        #expect(newer.map(\.title) == ["Accepting open source contributions from third-party developers"])
    }

    @Test func eventCarriesDatesAndLocation() throws {
        let event = try #require(snapshot.items.first { $0.kind == .event })
        #expect(event.eventLocation == "Brussels")
        #expect(JoinupDate.lastUpdate(event.published) == "Tue, 20/06/2023 - 10:15")
        let start = try #require(event.eventStart)
        let end = try #require(event.eventEnd)
        #expect(JoinupDate.dayAndTime(start) == "21/11/2023 09:00")
        #expect(end > start)
    }

    @Test func everyItemHasBodyAuthorLinkAndGuid() {
        for item in snapshot.items {
            #expect(item.body.contains("\n\n"), "\(item.title) body has paragraphs")
            for markup in ["<", "&amp;", "&lt;", "&#", "&nbsp;", "&ndash;"] {
                #expect(!item.body.contains(markup), "\(item.title) body is plain text")
            }
            #expect(!item.author.isEmpty, "\(item.title)")
            #expect(item.link.hasPrefix("https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/"))
            #expect(item.id.hasSuffix(" at https://joinup.ec.europa.eu"))
            #expect(item.collectionURI == snapshot.collection.uri)
        }
        #expect(Set(snapshot.items.map(\.id)).count == snapshot.items.count)
    }

    @Test func abstractIsTheSeedOverviewText() {
        let seed = "The European Commission Open Source Programme Office (EC OSPO) was created in 2020 as the first concrete action of the latest Open Source Software Strategy for 2020-2023. It acts as a facilitator for activities outlined in the strategy and the action plan guided by six principles: think open, transform, share, contribute, secure, stay in control."
        #expect(snapshot.collection.abstract == seed)
        let paragraphs = snapshot.collection.description.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs.first == seed)
    }

    @Test func collectionMetadataIsComplete() {
        let c = snapshot.collection
        #expect(c.uri == EmbeddedSnapshot.collectionURI)
        #expect(c.alias == EmbeddedSnapshot.alias)
        #expect(c.title == "EC Open Source Programme Office")
        #expect(c.owner == "European Commission, DG DIGIT")
        #expect(c.pageURL == EmbeddedSnapshot.pageURL)
        #expect(c.feedURL == EmbeddedSnapshot.pageURL + "/feed.xml")
        #expect(c.metadataURL == EmbeddedSnapshot.pageURL + "?_format=rdfxml")
        #expect(c.contacts.count == 1)
        #expect(c.contacts.first?.email?.hasPrefix("mailto:") == false)
        #expect(c.spatial == ["European Union"])
        #expect(c.keywords.count == 3)
        #expect(!c.isClosed)
        #expect(c.contentCreation == .onlyMembers)
        #expect(c.isModerated)
        #expect(c.workflowState == "validated")
        #expect(c.topicURIs.contains("http://joinup.eu/ontology/topic/category#ict"))
        #expect(c.created < c.modified)
    }

    @Test func snapshotIsACompleteListing() {
        #expect(snapshot.isCompleteListing)
    }
}
