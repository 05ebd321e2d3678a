import Foundation
@testable import JoinupCache
import JoinupModel
import JoinupTestSupport
import Testing

/// The content hash is stored with every item: an unchanged re-sync writes nothing only while a
/// new build hashes exactly as the build that stored it. It is FNV-1a over each field's UTF-8
/// bytes with a separator byte; computed here the plain way, it must match on any text.
@Suite struct ContentHashTests {
    static func fnv1a(_ fields: [String]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            for byte in Array(field.utf8) + [0xFF] {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return Int64(bitPattern: hash)
    }

    @Test func theHashIsFNV1aOfTheFieldsBytes() {
        var random = SplitMix64.forTest()
        let words = ["Kraków", "日本", "", " ", "a", "Łódź 😀", "\u{0}", "https://joinup.example/x", "é\u{301}"]
        func text() -> String { (0..<Int(random.next() % 4)).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined() }
        for _ in 0..<500 {
            let start = random.next() % 3 == 0 ? nil : Date(timeIntervalSince1970: Double(random.next() % 2_000_000_000))
            // A bridged NSString is not stored as native UTF-8: the hash must read the same bytes.
            let title = random.next() % 2 == 0 ? text() : String(NSString(string: text()))
            let item = Item(id: "i", collectionURI: "c", kind: random.next() % 2 == 0 ? .news : .event, title: title,
                            link: text(), body: text(), author: text(),
                            published: Date(timeIntervalSince1970: Double(random.next() % 2_000_000_000)),
                            eventStart: start, eventEnd: nil, eventLocation: random.next() % 2 == 0 ? nil : text(),
                            topicURIs: (0..<Int(random.next() % 3)).map { _ in text() })
            let fields = [item.kind.rawValue, item.title, item.link, item.body, item.author,
                          String(item.published.timeIntervalSince1970),
                          item.eventStart.map { String($0.timeIntervalSince1970) } ?? "-",
                          item.eventEnd.map { String($0.timeIntervalSince1970) } ?? "-",
                          item.eventLocation ?? "-"] + item.topicURIs
            #expect(ContentHash.of(item) == Self.fnv1a(fields), "\(item); \(random.replay)")
        }
    }
}
