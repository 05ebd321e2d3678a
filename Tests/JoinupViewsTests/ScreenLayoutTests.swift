import Testing
@testable import JoinupViews
import JoinupModel
import JoinupStore

@Suite struct ScreenLayoutTests {
    init() { TestLocale.ensure() }

    @Test func viewportAt100x30() {
        let viewport = ScreenLayout.viewport(for: Fixtures.state(tab: .overview, opened: true), width: 100, height: 30)
        // 30 rows: header 3, tab bar 1, status 1 leave 25; the list has a counts line then two-line
        // tiles (12 items), members a count and headings. The collections browser's box leaves the
        // header's first line and the status line; its heading and abstract take 4 of its 26 rows.
        #expect(viewport == Viewport(width: 100, height: 30, listRows: 12, memberRows: 23,
                                     detailMaxScroll: 0, aboutMaxScroll: 0, aboutRows: 25, facetRows: 24,
                                     helpMaxScroll: 9, helpRows: 28, pickerRows: 22))
    }

    @Test func viewportAt60x20() {
        let viewport = ScreenLayout.viewport(for: Fixtures.state(tab: .overview, opened: true), width: 60, height: 20)
        // The item is 23 lines at 39 columns and the About text 24 lines at 58 (links cut, not
        // wrapped), in a 15-row body (a counts line and 7 two-line tiles) whose last row says where
        // the text is. Help is two columns and scrolls.
        #expect(viewport == Viewport(width: 60, height: 20, listRows: 7, memberRows: 13,
                                     detailMaxScroll: 9, aboutMaxScroll: 10, aboutRows: 15,
                                     facetRows: 14, helpMaxScroll: 38, helpRows: 18, pickerRows: 12))
    }

    @Test func nothingToScrollWithoutAnOpenedItemOrAbout() {
        var state = Fixtures.state(tab: .overview)
        state.about.collection = nil
        let viewport = ScreenLayout.viewport(for: state, width: 60, height: 20)
        #expect(viewport.detailMaxScroll == 0 && viewport.aboutMaxScroll == 0)
    }

    @Test func listRowsMatchWhatTheListDraws() {
        var state = Fixtures.state(tab: .overview)
        state.overview.itemCount = 100
        state.overview.window = ItemWindow(offset: 0, rows: (0..<100).map { index in
            ItemSummary(id: "\(index)", kind: .news, title: "Item \(index)", listDate: Fixtures.date("2023-01-01T10:00:00Z"),
                        leadingTopics: [], moreTopicCount: 0)
        })
        for (width, height) in [(100, 30), (60, 20), (40, 12)] {
            let rows = ScreenLayout.viewport(for: state, width: width, height: height).listRows
            let frame = render(state, width: width, height: height).text
            #expect(frame.contains("Item \(rows - 1) ") || frame.contains("Item \(rows - 1)\n"))
            #expect(!frame.contains("Item \(rows) ") && !frame.contains("Item \(rows)\n"))
        }
    }

    @Test(arguments: [(60, 20), (100, 16), (44, 13)])
    func scrollingToTheMaximumShowsTheEndAndNoFurther(width: Int, height: Int) {
        var state = Fixtures.state(tab: .about)
        state.overview.openedItem = Fixtures.openedItem
        let viewport = ScreenLayout.viewport(for: state, width: width, height: height)
        let bodyBottom = height - 2
        #expect(viewport.aboutMaxScroll > 0 && viewport.detailMaxScroll > 0)

        state.about.scroll = viewport.aboutMaxScroll
        let atMax = render(state, width: width, height: height)
        // The last body line says where the text is; the text ends just above it.
        #expect(atMax.lines[bodyBottom].hasSuffix("End · 100%"))
        // (the metadata link, cut with "…" where it does not fit: links never wrap)
        #expect(atMax.lines[bodyBottom - 1].contains("https://joinup.ec.europa.eu/"))
        state.about.scroll = viewport.aboutMaxScroll + 5
        #expect(render(state, width: width, height: height).lines == atMax.lines)

        state.tab = .overview
        state.overview.detailScroll = viewport.detailMaxScroll
        let detail = render(state, width: width, height: height)
        #expect(detail.lines[bodyBottom].hasSuffix("End · 100%"))
        #expect(detail.lines[bodyBottom - 1].hasSuffix("services."))
        state.overview.detailScroll = viewport.detailMaxScroll + 3
        #expect(render(state, width: width, height: height).lines == detail.lines)
    }

    @Test(arguments: [(39, 12), (40, 11)])
    func belowMinimumShowsOnlyTheTooSmallMessage(width: Int, height: Int) {
        let surface = render(Fixtures.state(tab: .overview), width: width, height: height)
        let text = surface.lines.filter { !$0.isEmpty }
        #expect(text.count == 1)
        #expect(text.first?.trimmingCharacters(in: .whitespaces) == "Terminal too small (need 40x12)")
    }

    @Test func atMinimumShowsTheNormalFrame() {
        let surface = render(Fixtures.state(tab: .overview), width: 40, height: 12)
        #expect(!surface.text.contains("Terminal too small"))
        #expect(surface.lines[0].contains("EC Open Source"))
        #expect(surface.lines[4].contains("7 News · 1 Event"))
    }

    @Test func tooSmallMessageWrapsToFitAndIsCentred() {
        let narrow = render(Fixtures.state(tab: .overview), width: 12, height: 5)
        #expect(narrow.lines == ["", "Terminal too", "small (need", "   40x12)", ""])
        let halfSize = render(Fixtures.state(tab: .overview), width: 30, height: 10)
        #expect(halfSize.lines.filter { !$0.isEmpty } == ["      Terminal too small", "         (need 40x12)"])
        let flat = render(Fixtures.state(tab: .overview), width: 12, height: 2)
        #expect(flat.lines == ["Terminal to…", ""])
        let wide = render(Fixtures.state(tab: .overview), width: 39, height: 3)
        #expect(wide.lines[1] == "    Terminal too small (need 40x12)")
    }

    @Test func tooSmallViewportKeepsOneRowPerList() {
        let viewport = ScreenLayout.viewport(for: Fixtures.state(tab: .overview), width: 10, height: 5)
        #expect(viewport.listRows == 1 && viewport.memberRows == 1)
    }
}
