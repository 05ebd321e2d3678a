import Testing
@testable import JoinupViews

@Suite struct MemorySurfaceTests {
    init() { TestLocale.ensure() }

    @Test func putClipsAtTheRightEdgeAndNeverWraps() {
        var surface = MemorySurface(width: 5, height: 2)
        surface.put("abcdefgh", x: 2, y: 0, style: .normal)
        #expect(surface.lines == ["  abc", ""])
    }

    @Test func putClipsAtTheLeftEdgeAndIgnoresRowsOutside() {
        var surface = MemorySurface(width: 4, height: 1)
        surface.put("abc", x: -1, y: 0, style: .normal)
        surface.put("zzz", x: 0, y: 1, style: .normal)
        surface.put("zzz", x: 0, y: -1, style: .normal)
        #expect(surface.lines == ["bc"])
    }

    @Test func wideCharacterStraddlingTheEdgeBecomesASpace() {
        var surface = MemorySurface(width: 5, height: 1)
        surface.put("ab日本", x: 0, y: 0, style: .dim)
        #expect(surface.lines == ["ab日"])
        #expect(surface.cell(x: 4, y: 0) == MemorySurface.Cell(text: " ", style: .dim, width: 1))
        surface.put("本", x: -1, y: 0, style: .dim)
        #expect(surface.cell(x: 0, y: 0)?.text == " ")
    }

    @Test func wideCharactersOccupyTheirColumnsOnce() {
        var surface = MemorySurface(width: 10, height: 1)
        let end = surface.put("日本x", x: 1, y: 0, style: .normal)
        #expect(end == 6)
        #expect(surface.lines == [" 日本x"])
        #expect(surface.cell(x: 2, y: 0)?.width == 0)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var surface = MemorySurface(width: 6, height: 1)
        surface.put("日本語", x: 0, y: 0, style: .normal)
        surface.put("x", x: 1, y: 0, style: .normal)
        surface.put("y", x: 2, y: 0, style: .normal)
        #expect(surface.lines == [" xy 語"])
    }

    @Test func surfaceDropsControlAndBidiCharactersEvenUnsanitised() {
        var surface = MemorySurface(width: 20, height: 1)
        surface.put("a\u{1B}[31mb\u{07}c\u{202E}d\u{9B}e\n", x: 0, y: 0, style: .normal)
        #expect(surface.lines == ["a[31mbcde"])
        let scalars = surface.rows[0].flatMap { $0.text.unicodeScalars }
        #expect(scalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && $0 != "\u{202E}" })
    }

    @Test func fillPaintsOnlyInsideTheSurface() {
        var surface = MemorySurface(width: 3, height: 2)
        surface.fill(Rect(x: 1, y: 1, width: 10, height: 10), style: .selectedRow)
        #expect(surface.style(x: 0, y: 1) == .normal)
        #expect(surface.style(x: 2, y: 1) == .selectedRow)
        #expect(surface.style(x: 1, y: 0) == .normal)
        surface.clear()
        #expect(surface.style(x: 2, y: 1) == .normal)
    }

    @Test func zeroAndOneCellSurfacesAcceptEveryCall() {
        var empty = MemorySurface(width: 0, height: 0)
        empty.put("hello", x: 0, y: 0, style: .normal)
        empty.fill(Rect(x: 0, y: 0, width: 5, height: 5), style: .dim)
        empty.clear()
        #expect(empty.lines == [])
        #expect(empty.text == "")
        var one = MemorySurface(width: 1, height: 1)
        one.put("日", x: 0, y: 0, style: .normal)
        #expect(one.cell(x: 0, y: 0)?.text == " ")
        one.put("ab", x: 0, y: 0, style: .normal)
        #expect(one.lines == ["a"])
    }

    @Test func linesTrimTrailingSpaces() {
        var surface = MemorySurface(width: 8, height: 2)
        surface.put("ab  ", x: 0, y: 0, style: .normal)
        surface.put("c", x: 3, y: 1, style: .normal)
        #expect(surface.lines == ["ab", "   c"])
        #expect(surface.text == "ab\n   c")
    }
}
