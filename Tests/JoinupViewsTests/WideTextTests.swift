import Testing
@testable import JoinupViews
import JoinupModel
import JoinupStore

@Suite struct WideTextTests {
    init() { TestLocale.ensure() }

    /// At 100 columns a list row is: date at 30, kind at 41, title at 47 (30 columns), topics at 79.
    static let titleColumn = 47
    static let topicsColumn = 79

    static func state(titles: [String]) -> AppState {
        var state = Fixtures.state(tab: .overview)
        state.overview.window = ItemWindow(offset: 0, rows: titles.enumerated().map { index, title in
            ItemSummary(id: "\(index)", kind: .news, title: title, listDate: Fixtures.date("2023-06-26T11:43:00Z"),
                        leadingTopics: ["Legal"], moreTopicCount: 0)
        })
        state.overview.itemCount = titles.count
        return state
    }

    @Test func cjkTitleIsCutWithEllipsisAtTheTitleColumnEdge() {
        let surface = render(Self.state(titles: ["日本語のニュース見出しと長い説明がここに続きます", "Short"]), width: 100, height: 30)
        // 30 columns: 14 wide characters, "…", one space of padding.
        #expect(column(of: "日本語", row: 5, in: surface) == Self.titleColumn)
        #expect(column(of: "…", row: 5, in: surface) == Self.titleColumn + 28)
        #expect(surface.lines[5].contains("日本語のニュース見出しと長い… "))
        #expect(column(of: "Legal", row: 5, in: surface) == Self.topicsColumn)
        #expect(column(of: "Legal", row: 6, in: surface) == Self.topicsColumn)
    }

    @Test func emojiAndAccentsKeepTheNextColumnAligned() {
        let titles = ["Café ☕ réunion", "Ünïcödé àççéñts everywhere here, more than thirty", "Launch 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀",
                      "e\u{301}e\u{301}e\u{301} combining", "Party 🎉 ❤\u{FE0F} 👍\u{1F3FD}"]
        let surface = render(Self.state(titles: titles), width: 100, height: 30)
        for row in 5..<(5 + titles.count) {
            #expect(column(of: "News", row: row, in: surface) == 41, "row \(row)")
            #expect(column(of: "Legal", row: row, in: surface) == Self.topicsColumn, "row \(row): \(surface.lines[row])")
        }
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
            let scalars = surface.rows.flatMap { $0.flatMap { $0.text.unicodeScalars } }
            #expect(scalars.allSatisfy { TerminalText.isAllowed($0) })
            #expect(surface.text.contains("Evil[2J]0;pwned gnp.exe31m"))
        }
    }
}
