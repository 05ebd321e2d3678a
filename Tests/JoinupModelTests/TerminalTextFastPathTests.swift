import JoinupTestSupport
import Testing
@testable import JoinupModel

/// `line` and `block` return already-clean text as it is (a fast path); on random text mixing
/// clean and hostile scalars, what they return must be clean, stable and the same either way.
@Suite struct TerminalTextFastPathTests {
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "é", "日", " ", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}",
        "\u{2029}", "\u{1B}", "\u{07}", "\u{9B}", "\u{7F}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{E0041}", "❤", "\u{FE0F}",
        // Each side of every refused range, as the byte check decodes only some lead bytes.
        "\u{80}", "\u{9F}", "\u{A1}", "\u{FF}", "\u{200A}", "\u{200F}", "\u{2010}", "\u{2027}", "\u{202A}", "\u{202F}",
        "\u{205F}", "\u{2060}", "\u{2064}", "\u{2065}", "\u{2066}", "\u{206F}", "\u{2070}", "\u{FEFE}", "\u{FF00}",
        "\u{FFF8}", "\u{FFF9}", "\u{FFFB}", "\u{FFFC}", "\u{DFFFF}", "\u{E0000}", "\u{E007F}", "\u{E0080}", "\u{10FFFF}", "😀",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &rng) { scalars.append(alphabet.randomElement(using: &rng)!) }
        return String(scalars)
    }

    @Test func lineIsIdempotentAndClean() {
        var rng = SplitMix64.forTest()
        for _ in 0..<6000 {
            let text = Self.randomText(&rng)
            let once = TerminalText.line(text)
            let context = "\(text.unicodeScalars.map(\.value)), \(rng.replay)"
            #expect(TerminalText.line(once) == once, "\(context)")
            #expect(once.unicodeScalars.allSatisfy { TerminalText.isAllowed($0) && $0 != "\n" && $0 != "\t" }, "\(context)")
            #expect(!once.hasPrefix(" ") && !once.hasSuffix(" ") && !once.contains("  "), "\(context)")
        }
    }

    @Test func blockIsIdempotentAndClean() {
        var rng = SplitMix64.forTest()
        for _ in 0..<4000 {
            let text = Self.randomText(&rng)
            let once = TerminalText.block(text)
            let context = "\(text.unicodeScalars.map(\.value)), \(rng.replay)"
            #expect(TerminalText.block(once) == once, "\(context)")
            #expect(once.unicodeScalars.allSatisfy { $0 == "\n" || TerminalText.isAllowed($0) }, "\(context)")
            #expect(!once.contains("\r") && !once.contains("\t"), "\(context)")
        }
    }

    /// The byte check that lets text through as it is must agree with the scalar-by-scalar way:
    /// whatever it passes, rebuilding would have left unchanged.
    @Test func theByteCheckPassesOnlyWhatRebuildingLeavesAsItIs() {
        var rng = SplitMix64.forTest()
        for _ in 0..<8000 {
            let text = Self.randomText(&rng)
            let context = "\(text.unicodeScalars.map(\.value)), \(rng.replay)"
            #expect(TerminalText.line(text) == TerminalText.rebuiltLine(text), "\(context)")
            #expect(TerminalText.block(text) == TerminalText.rebuiltBlock(text), "\(context)")
        }
    }

    @Test func cleanTextComesBackAsItIs() {
        #expect(TerminalText.line("Kraków publishes guidelines") == "Kraków publishes guidelines")
        #expect(TerminalText.line("") == "")
        #expect(TerminalText.line(" padded ") == "padded")
        #expect(TerminalText.line("a  b") == "a b")
        #expect(TerminalText.block("one\n\ntwo") == "one\n\ntwo")
        #expect(TerminalText.block("one\r\ntwo") == "one\ntwo")
    }
}
