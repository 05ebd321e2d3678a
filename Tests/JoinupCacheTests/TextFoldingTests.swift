import Foundation
import JoinupTestSupport
import Testing
@testable import JoinupCache

/// The fast folding paths give exactly Foundation's fold.
@Suite struct TextFoldingTests {
    @Test func latinTextFoldsLikeFoundation() {
        var rng = SplitMix64.forTest()
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) {
                let value = Bool.random(using: &rng) ? UInt32.random(in: 0x20..<0x80, using: &rng)
                                                     : UInt32.random(in: 0xA0..<0x250, using: &rng)
                text.unicodeScalars.append(Unicode.Scalar(value)!)
            }
            #expect(TextFolding.fold(text) == TextFolding.foundationFold(text), "\(text.unicodeScalars.map(\.value)), \(rng.replay)")
        }
    }

    @Test func everyLatinScalarAndKnownCases() {
        for value in UInt32(0x80)..<0x250 {
            let text = "A" + String(Unicode.Scalar(value)!) + "z"
            #expect(TextFolding.fold(text) == TextFolding.foundationFold(text), "U+\(String(value, radix: 16))")
        }
        #expect(TextFolding.fold("Européen ÉTUDE Łukasz Müller") == "europeen etude łukasz muller")  // Ł has no decomposition
        // Beyond the table (combining marks, Greek, CJK): Foundation, as before.
        #expect(TextFolding.foldLatin("e\u{301}cole") == nil)
        #expect(TextFolding.fold("e\u{301}cole") == "ecole")
        #expect(TextFolding.foldLatin("Ελληνικά 日本") == nil)
        #expect(TextFolding.fold("Ελληνικά 日本") == "ελληνικα 日本")
    }
}
