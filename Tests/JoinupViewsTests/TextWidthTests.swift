import JoinupTestSupport
import Testing
@testable import JoinupViews

@Suite struct TextWidthTests {
    init() { TestLocale.ensure() }

    @Test func cjkHeadlineIsElevenCharactersAndTwentyTwoColumns() {
        let headline = "日本語のニュース見出し"
        #expect(headline.count == 11)
        #expect(TextWidth.width(headline) == 22)
    }

    @Test func combiningMarksTakeNoColumns() {
        #expect(TextWidth.width("e\u{301}") == 1)
        #expect(TextWidth.width("Europe\u{301}en") == 8)
        #expect(TextWidth.width(Character("e\u{301}")) == 1)
    }

    @Test func emojiTakeTwoColumnsAndPresentationModifiersAreDropped() {
        #expect(TextWidth.width("😀") == 2)
        // VS16 asks for emoji presentation, which terminals draw at different widths: it is dropped.
        #expect(TextWidth.displayable("❤\u{FE0F}") == "❤")
        #expect(TextWidth.width("❤\u{FE0F}") == 1)
        #expect(TextWidth.width("👍\u{1F3FD}") == 2)
        // The ZWJ is not allowed on a terminal, so a family shows as three people.
        #expect(TextWidth.width("👨\u{200D}👩\u{200D}👧") == 6)
    }

    @Test func controlCharactersAreNotMeasured() {
        #expect(TextWidth.width("a\u{1B}b\u{07}\u{202E}c") == 3)
        #expect(TextWidth.displayable("a\u{1B}[2Jb") == "a[2Jb")
    }

    @Test func truncateEndsWithEllipsisOnlyWhenCut() {
        #expect(TextWidth.truncate("Open Source Software", to: 10) == "Open Sour…")
        #expect(TextWidth.truncate("Legal", to: 5) == "Legal")
        #expect(TextWidth.truncate("Legal", to: 0) == "")
        #expect(TextWidth.truncate("日本語のニュース", to: 7) == "日本語…")
        // A wide character never straddles the cut: one column short instead.
        #expect(TextWidth.truncate("日本語のニュース", to: 8) == "日本語…")
        #expect(TextWidth.width(TextWidth.truncate("日本語のニュース", to: 8)) == 7)
    }

    @Test func padFillsExactlyTheColumns() {
        #expect(TextWidth.pad("日本語", to: 7) == "日本語 ")
        #expect(TextWidth.pad("日本語のニュース", to: 8) == "日本語… ")
        #expect(TextWidth.padLeft("7", to: 3) == "  7")
        for columns in 0...12 {
            #expect(TextWidth.width(TextWidth.pad("Café ☕ 日本", to: columns)) == columns)
        }
    }

    @Test func wrapFillsLinesByColumnsAndKeepsBlankLines() {
        #expect(TextWidth.wrap("one two three\n\nfour", width: 7) == ["one two", "three", "", "four"])
        #expect(TextWidth.wrap("a  b", width: 10) == ["a b"])
    }

    @Test func wrapBreaksWordsLongerThanALine() {
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        let lines = TextWidth.wrap("日本語のニュース見出し", width: 5)
        #expect(lines == ["日本", "語の", "ニュ", "ース", "見出", "し"])
        #expect(lines.allSatisfy { TextWidth.width($0) <= 5 })
    }

    @Test func wrapGivesACharacterTooWideForTheLineALineOfItsOwn() {
        #expect(TextWidth.wrap("日本", width: 1) == ["日", "本"])
        #expect(TextWidth.wrap("anything", width: 0) == [])
    }

    /// Printable ASCII is measured and cut byte by byte, other text measured without building
    /// cells; on any text the results must be what the cells say.
    @Test func theASCIIShortcutMeasuresAndCutsAsTheCellsDo() {
        var random = SplitMix64.forTest()
        let pieces = ["a", "Z", " ", "~", "!", "-", "https://x.eu/a", "é", "日", "\u{7F}", "\t", "\u{1B}[1m", "e\u{301}", "…",
                      "\u{301}", "\u{301}\u{302}\u{303}", "👍🏽", "\u{FE0F}", "\u{200B}", "\u{E000}", "\u{10FFFF}", "\u{378}", "│"]
        for _ in 0..<3000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let cells = DisplayCell.cells(of: text)
            let columns = Int(random.next() % 16)
            let context = "\(String(reflecting: text)) at \(columns); \(random.replay)"
            #expect(TextWidth.width(text) == cells.reduce(0) { $0 + $1.width }, "\(context)")
            #expect(TextWidth.displayable(text) == cells.map(\.text).joined(), "\(context)")
            #expect(DisplayCell.measure(text).asIs == (cells.map(\.text).joined() == text), "\(context)")
            var clipped = "", used = 0
            for cell in cells {
                if used + cell.width > columns { break }
                clipped += cell.text
                used += cell.width
            }
            #expect(TextWidth.clip(text, to: columns) == clipped, "\(context)")
            let whole = cells.reduce(0) { $0 + $1.width }
            let truncated = columns == 0 ? "" : whole <= columns ? cells.map(\.text).joined() : TextWidth.clip(text, to: columns - 1) + "…"
            #expect(TextWidth.truncate(text, to: columns) == truncated, "\(context)")
        }
    }
}
