import Foundation
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
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<next(8) { scalars.append(Self.alphabet[next(Self.alphabet.count)]) }
            let text = String(scalars)
            #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func examples() {
        #expect("  https://joinup.example/x \n".trimmedWhitespace == "https://joinup.example/x")
        #expect("plain".trimmedWhitespace == "plain")
        #expect(" \t\n ".trimmedWhitespace == "")
        #expect("".trimmedWhitespace == "")
    }
}
