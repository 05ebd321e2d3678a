import Foundation
import JoinupModel
@testable import JoinupSync
import JoinupTestSupport
import Testing

@Suite struct SnapshotAssemblerTests {
    let collection = Collection.fixture(alias: "abc", title: "ABC", site: "https://example.org")

    func item(_ id: String, topics: [String] = []) -> Item {
        Item(id: id, collectionURI: "elsewhere", kind: .news, title: id, link: "", body: "", author: "",
             published: Date(timeIntervalSince1970: 1000), topicURIs: topics)
    }

    @Test func categoryTopicsMissingFromTheVocabularyAreAdded() {
        let vocabulary = [Topic(uri: "t:legal", label: "Legal")]
        let page = FeedPage(title: "", link: "", isComplete: true, items: [item("1", topics: ["t:legal", "Smart cities"])],
                            categoryTopics: [Topic(uri: "t:legal", label: "Law"), Topic(uri: "Smart cities", label: "Smart cities")])
        let snapshot = SnapshotAssembler.assemble(collection: collection, vocabulary: vocabulary, feedPages: [page], members: nil)
        #expect(snapshot.topics == [Topic(uri: "t:legal", label: "Legal"), Topic(uri: "Smart cities", label: "Smart cities")])
        #expect(snapshot.members == nil)
    }

    @Test func pagesConcatenateFirstOccurrenceWinsAndItemsGetTheCollectionURI() {
        let first = FeedPage(title: "", link: "", nextPageURL: "p2", isComplete: true, items: [item("1"), item("2")], categoryTopics: [])
        let second = FeedPage(title: "", link: "", isComplete: false, items: [item("2"), item("3")], categoryTopics: [])
        let snapshot = SnapshotAssembler.assemble(collection: collection, vocabulary: [], feedPages: [first, second], members: [])
        #expect(snapshot.items.map(\.id) == ["1", "2", "3"])
        #expect(snapshot.items.allSatisfy { $0.collectionURI == collection.uri })
        #expect(snapshot.isCompleteListing)
    }

    @Test func listingIsIncompleteWithoutFlagOrWhenPagesRemain() {
        let flagged = FeedPage(title: "", link: "", nextPageURL: "p2", isComplete: true, items: [], categoryTopics: [])
        let unflagged = FeedPage(title: "", link: "", isComplete: false, items: [], categoryTopics: [])
        #expect(!SnapshotAssembler.assemble(collection: collection, vocabulary: [], feedPages: [flagged], members: nil).isCompleteListing)
        #expect(!SnapshotAssembler.assemble(collection: collection, vocabulary: [], feedPages: [unflagged], members: nil).isCompleteListing)
        #expect(!SnapshotAssembler.assemble(collection: collection, vocabulary: [], feedPages: [], members: nil).isCompleteListing)
    }
}
