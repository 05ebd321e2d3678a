import Foundation
import JoinupTestSupport
import Testing
@testable import JoinupSync

/// `trimmedWhitespace` (no Foundation) trims exactly what Foundation's
/// `trimmingCharacters(in: .whitespacesAndNewlines)` trims.
@Suite struct WhitespaceTrimmingTests {
    static let alphabet: [Unicode.Scalar] = [
        "a", "é", "日", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "-", "\u{301}",
    ]

    @Test func agreesWithFoundationOnRandomText() {
        var rng = SplitMix64.forTest()
        for _ in 0..<5000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<8, using: &rng) { scalars.append(Self.alphabet.randomElement(using: &rng)!) }
            let text = String(scalars)
            #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.unicodeScalars.map(\.value)), \(rng.replay)")
        }
    }

    @Test func examples() {
        #expect("  https://joinup.example/x \n".trimmedWhitespace == "https://joinup.example/x")
        #expect("plain".trimmedWhitespace == "plain")
        #expect(" \t\n ".trimmedWhitespace == "")
        #expect("".trimmedWhitespace == "")
    }
}
