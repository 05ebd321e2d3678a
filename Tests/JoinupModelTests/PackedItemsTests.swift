import Foundation
import JoinupTestSupport
import Testing
@testable import JoinupModel

/// Packed items come back equal, in order, dates to the bit, across chunk boundaries (the
/// 300,000-byte bodies fill several 1 MB chunks).
@Suite struct PackedItemsTests {
    static func randomItem(_ n: Int, _ rng: inout SplitMix64) -> Item {
        let words = ["Kraków", "données", "日本語", "", "a\u{0}b", "❤️", "open source", String(repeating: "x", count: 300_000)]
        func word() -> String { words[Int.random(in: 0..<(words.count - 1), using: &rng)] }
        func date() -> Date {
            Date(timeIntervalSinceReferenceDate: Double.random(in: -2e9...2e9, using: &rng))
        }
        let big = Int.random(in: 0..<40, using: &rng) == 0
        return Item(id: "\(n) \(word())", collectionURI: Bool.random(using: &rng) ? "" : "urn:c",
                    kind: ItemKind.allCases.randomElement(using: &rng)!, title: word(), link: word(),
                    body: big ? words.last! : word() + word(), author: word(), published: date(),
                    eventStart: Bool.random(using: &rng) ? date() : nil, eventEnd: Bool.random(using: &rng) ? date() : nil,
                    eventLocation: Bool.random(using: &rng) ? word() : nil,
                    topicURIs: (0..<Int.random(in: 0...4, using: &rng)).map { _ in word() })
    }

    @Test func roundTripKeepsEveryFieldAndTheOrder() {
        var rng = SplitMix64.forTest()
        let items = (0..<400).map { Self.randomItem($0, &rng) }
        var packed = PackedItems()
        packed.append(contentsOf: Array(items[..<150]))
        for item in items[150...] { packed.append(item) }
        #expect(packed.count == items.count)
        #expect(packed.items == items, "\(rng.replay)")
        #expect(packed.oldestPublished == items.map(\.published).min())
    }

    @Test func emptyHasNoItems() {
        let packed = PackedItems()
        #expect(packed.isEmpty && packed.items.isEmpty && packed.oldestPublished == nil)
        var visited = 0
        packed.forEach { _ in visited += 1 }
        #expect(visited == 0)
    }
}
