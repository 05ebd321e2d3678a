import Foundation
import JoinupModel
import JoinupStore
import Testing
@testable import JoinupViews

/// Where am I, at the four sizes issue 16 was tried at: the header, which pane has the keys (the
/// other pane's cursor muted), the list's position, the filter pane's "↑/↓ N more" with its
/// headings, the reader's and About's "↓ N more · P%", and the search line's cursor.
@Suite struct TerminalConventionsFrameTests {
    init() { TestLocale.ensure() }

    static let sizes = [(60, 20), (80, 24), (100, 30), (200, 50)]

    /// The fixture collection with 40 items in the list, the cursor on the 12th, scrolled as the
    /// reducer scrolls for this screen; the kinds give the filter pane its "Type" heading.
    static func state(width: Int, height: Int, focus: OverviewPaneFocus = .list) -> AppState {
        var state = Fixtures.state(tab: .overview)
        state.overview.itemCount = 40
        state.overview.kindCounts = [.news: 39, .event: 1]
        state.overview.window = ItemWindow(offset: 0, rows: (0..<40).map { n in
            var row = Fixtures.rows[n % Fixtures.rows.count]
            row.id = "item-\(n)"
            return row
        })
        let layout = ScreenLayout(width: width, height: height)
        state.overview.cursor = ListCursor().moved(to: 11, count: 40, rows: layout.listRows)
        state.overview.facetCursor = ListCursor().moved(to: 1, count: state.overview.facetRows.count, rows: layout.facetRows)
        state.overview.paneFocus = focus
        state.viewport = layout.viewport(for: state)
        return state
    }

    /// The body row (screen line) of the list's selected tile.
    static func selectedTileLine(_ state: AppState, height: Int) -> Int {
        ScreenLayout.headerHeight + 1 + 1 + (state.overview.cursor.selection - state.overview.cursor.scrollTop) * ItemList.linesPerItem
    }

    @Test(arguments: sizes)
    func headerFocusAndPositionAtEverySize(size: (Int, Int)) {
        let (width, height) = size
        let state = Self.state(width: width, height: height)
        let frame = render(state, width: width, height: height)
        let layout = ScreenLayout(width: width, height: height)
        #expect(frame.lines[0].contains("EC Open Source Programme Office"))
        // The list is longer than the screen: its first line says where the cursor is.
        #expect(frame.lines[layout.body.y].hasSuffix("12/40"), "\(frame.text)")
        let tile = Self.selectedTileLine(state, height: height)
        #expect(frame.style(x: layout.listContent.x, y: tile) == .selectedRow, "\(frame.text)")
        guard layout.facetWidth > 0 else { return }
        // The filter pane's cursor (News, under "Type") keeps its place in the muted colours.
        #expect(frame.lines[layout.body.y].hasPrefix(" Type"))
        #expect(frame.style(x: 1, y: layout.body.y + 1) == .selectedRowUnfocused)
        // Focus moves: the two swap.
        let filters = render(Self.state(width: width, height: height, focus: .filters), width: width, height: height)
        #expect(filters.style(x: 1, y: layout.body.y + 1) == .selectedRow)
        #expect(filters.style(x: layout.listContent.x, y: tile) == .selectedRowUnfocused)
    }

    @Test func theFilterPaneSaysWhatIsAboveAndBelowAndKeepsItsHeadings() {
        // A screen too short for the 14 rows of the pane.
        let (width, height) = (80, 16)
        var state = Self.state(width: width, height: height, focus: .filters)
        let layout = ScreenLayout(width: width, height: height)
        let rows = state.overview.facetRows
        let top = render(state, width: width, height: height)
        #expect(top.lines[layout.body.y].hasPrefix(" Type"))
        #expect(top.lines[layout.body.maxY - 1].contains("↓ \(rows.count - layout.body.height + 1) more"), "\(top.text)")
        let pane = { (frame: MemorySurface) in
            frame.lines[layout.body.y..<layout.body.maxY].map { String($0.prefix(layout.facetWidth)) }.joined(separator: "\n")
        }
        #expect(!pane(top).contains("↑"))
        // At the last topic: "↑ N more" on the first line, the cursor still on screen, nothing below.
        state.overview.facetCursor = ListCursor().moved(to: rows.count - 1, count: rows.count, rows: layout.facetRows)
        let bottom = render(state, width: width, height: height)
        let hidden = rows.count - (layout.body.height - 1)
        #expect(bottom.lines[layout.body.y].contains("↑ \(hidden) more"), "\(bottom.text)")
        #expect(bottom.lines[layout.body.maxY - 1].contains("Digital in"), "\(bottom.text)")
        #expect(bottom.style(x: 1, y: layout.body.maxY - 1) == .selectedRow)
        #expect(!pane(bottom).contains("↓"))
        // A scroll left behind by a larger screen: the cursor's row is drawn between the two lines.
        state.overview.facetCursor = ListCursor(selection: rows.count - 1, scrollTop: 0)
        let stale = render(state, width: width, height: height)
        #expect(stale.style(x: 1, y: layout.body.maxY - 1) == .selectedRow, "\(stale.text)")
    }

    @Test func theReaderSaysTheBodyGoesOnBelowTheFoldWithAPercentage() {
        let (width, height) = (60, 20)
        var state = Self.state(width: width, height: height)
        state.overview.openedItem = Fixtures.openedItem
        state.viewport = ScreenLayout(width: width, height: height).viewport(for: state)
        let layout = ScreenLayout(width: width, height: height)
        #expect(state.viewport.detailMaxScroll > 0)
        let first = render(state, width: width, height: height)
        let last = first.lines[layout.body.maxY - 1]
        #expect(last.contains("more · ") && last.hasSuffix("%"), "\(first.text)")
        state.overview.detailScroll = state.viewport.detailMaxScroll
        let end = render(state, width: width, height: height)
        #expect(end.lines[layout.body.maxY - 1].hasSuffix("End · 100%"), "\(end.text)")
        // The last line of the text is on screen at the end, above the position line.
        let lines = ItemDetailPane.lines(for: Fixtures.openedItem, width: layout.listContent.width, zone: state.timeZone).lines
        let lastText = lines.last!.map(\.text).joined()
        #expect(end.lines[layout.body.maxY - 2].contains(lastText.trimmingCharacters(in: .whitespaces)), "\(end.text)")
    }

    @Test func aboutShowsItsPositionWhenItDoesNotFit() {
        let (width, height) = (60, 20)
        var state = Self.state(width: width, height: height)
        state.tab = .about
        state.viewport = ScreenLayout(width: width, height: height).viewport(for: state)
        let layout = ScreenLayout(width: width, height: height)
        #expect(state.viewport.aboutMaxScroll > 0)
        let frame = render(state, width: width, height: height)
        #expect(frame.lines[layout.body.maxY - 1].hasSuffix("%"), "\(frame.text)")
    }

    @Test func theSearchLineShowsItsCursorInsideTheText() {
        var state = Self.state(width: 80, height: 24)
        state.modal = .search(SearchLine(target: .items, text: "type:news after:2022-06", charactersAfterCursor: 7))
        let frame = render(state, width: 80, height: 24)
        #expect(frame.lines[23].hasPrefix(" /type:news after:2022-06"), "\(frame.text)")
        // The cursor stands on the "2" of the date, reversed; no bar after the text.
        let x = column(of: "2022", row: 23, in: frame)!
        #expect(frame.style(x: x, y: 23) == .selectedRow)
        #expect(frame.style(x: x - 1, y: 23) != .selectedRow)
        #expect(!frame.lines[23].contains("▏"))
    }

    /// Every shipped theme tells the two cursors apart (contrast is checked for every role in ThemeTests).
    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func everyThemeHasADistinctUnfocusedCursor(name: String) throws {
        let theme = try #require(ThemeCatalog.shipped.first { $0.name == name }).parse()
        #expect(theme.looks[.selectedRowUnfocused] != nil, "\(name) leaves list.selected.unfocused to inheritance")
        #expect(theme.resolved(.selectedRowUnfocused) != theme.resolved(.selectedRow))
        #expect(theme.resolved(.selectedRowUnfocused) != theme.resolved(.listRow))
        #expect(StyleRole.selectedRowUnfocused.base == .selectedRow)
    }
}
