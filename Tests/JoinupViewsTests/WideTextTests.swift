import Testing
@testable import JoinupViews
import JoinupModel
import JoinupStore

@Suite struct WideTextTests {
    init() { TestLocale.ensure() }

    /// At 100 columns a tile's title line starts at 30 and may reach column 98 (69 columns);
    /// under it the date is at 30, the kind at 41 and the topics at 48.
    static let titleColumn = 30
    static let lastTitleColumn = 98
    static let kindColumn = 41
    static let topicsColumn = 48

    static func state(titles: [String]) -> AppState {
        var state = Fixtures.state(tab: .overview)
        state.overview.window = ItemWindow(offset: 0, rows: titles.enumerated().map { index, title in
            ItemSummary(id: "\(index)", kind: .news, title: title, listDate: Fixtures.date("2023-06-26T11:43:00Z"),
                        leadingTopics: ["Ωmega topic"], moreTopicCount: 0)
        })
        state.overview.itemCount = titles.count
        return state
    }

    @Test func cjkTitleIsCutWithEllipsisAtTheTitleColumnEdge() {
        let cjk = String(repeating: "日本語のニュース見出し", count: 4)  // 44 characters, 88 columns
        let surface = render(Self.state(titles: [cjk, "Short"]), width: 100, height: 30)
        // 69 columns: 34 wide characters (68 columns), then "…" in the last one.
        #expect(column(of: "日本語", row: 5, in: surface) == Self.titleColumn)
        #expect(column(of: "…", row: 5, in: surface) == Self.lastTitleColumn)
        #expect(surface.lines[5].hasSuffix("見出し日…"))
        #expect(column(of: "Ωmega", row: 6, in: surface) == Self.topicsColumn)
        #expect(column(of: "Short", row: 7, in: surface) == Self.titleColumn)
    }

    @Test func oddWidthCJKLeavesABlankRatherThanHalfACharacter() {
        let cjk = "x" + String(repeating: "日", count: 40)  // a wide character would straddle column 98
        let surface = render(Self.state(titles: [cjk]), width: 100, height: 30)
        // "x" + 33 wide characters = 67 columns (30–96); a 34th would end past 97, where "…" goes,
        // so "…" is at 97 and the title's last column, 98, stays blank.
        #expect(column(of: "…", row: 5, in: surface) == Self.lastTitleColumn - 1)
        #expect(surface.lines[5].hasSuffix("x" + String(repeating: "日", count: 33) + "…"))
        #expect(surface.cell(x: Self.lastTitleColumn, y: 5)?.text == " ")
    }

    @Test func emojiAndAccentsKeepTheNextColumnAligned() {
        let titles = ["Café ☕ réunion", "Ünïcödé àççéñts everywhere here, more than thirty", "Launch 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀" + String(repeating: "🚀", count: 30),
                      "e\u{301}e\u{301}e\u{301} combining", "Party 🎉 ❤\u{FE0F} 👍\u{1F3FD}"]
        let surface = render(Self.state(titles: titles), width: 100, height: 30)
        for (index, _) in titles.enumerated() {
            let titleRow = 5 + 2 * index, detailRow = titleRow + 1
            #expect(column(of: String(titles[index].prefix(2)), row: titleRow, in: surface) == Self.titleColumn, "row \(titleRow)")
            #expect(column(of: "News", row: detailRow, in: surface) == Self.kindColumn, "row \(detailRow)")
            #expect(column(of: "Ωmega", row: detailRow, in: surface) == Self.topicsColumn, "row \(detailRow): \(surface.lines[detailRow])")
        }
        // The rocket title is cut inside the list, never past its right edge.
        let rocketEnd = column(of: "…", row: 9, in: surface)
        #expect(rocketEnd == Self.lastTitleColumn || rocketEnd == Self.lastTitleColumn - 1)
    }

    @Test func hostileTitleRendersNoControlCharacters() {
        let hostile = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07} \u{202E}gnp.exe\u{200B}\u{9B}31m"
        var state = Self.state(titles: [hostile])
        state.overview.openedItem = ItemDetail(item: Item(
            id: "0", collectionURI: "c", kind: .news, title: hostile, link: "https://x/\u{1B}[0m", body: "Body\u{07}\u{1B}[1m text",
            author: "A\u{202E}B", published: Fixtures.date("2023-06-26T11:43:00Z"), topicURIs: []), topics: [])
        for opened in [false, true] {
            var shown = state
            if !opened { shown.overview.openedItem = nil }
            let surface = render(shown, width: 100, height: 30)
            // What is left of each hostile string, where it belongs (not the cells' scalars, which the
            // surface filters itself).
            let lines = surface.lines
            #expect(lines.contains { $0.hasSuffix(" Evil[2J]0;pwned gnp.exe31m") }, "\(surface.text)")
            if opened {
                #expect(lines.contains { $0.hasSuffix("│ Author     AB") }, "\(surface.text)")
                #expect(lines.contains { $0.hasSuffix("│ Link       https://x/[0m") }, "\(surface.text)")
                #expect(lines.contains { $0.hasSuffix("│ Body[1m text") }, "\(surface.text)")
            }
        }
    }
}
