import Testing
import JoinupStore
@testable import JoinupViews

@Suite struct PointerMapTests {
    init() { TestLocale.ensure() }

    private func click(_ x: Int, _ y: Int, _ state: AppState, width: Int = 100, height: Int = 30) -> [Command] {
        PointerMap.commands(for: MouseEvent(.click, x: x, y: y), state: state, width: width, height: height)
    }

    /// Where a label is drawn on a rendered frame, so the tests click what the user sees.
    private func position(of text: String, in state: AppState, width: Int = 100, height: Int = 30) -> (x: Int, y: Int)? {
        let surface = render(state, width: width, height: height)
        for y in 0..<surface.height {
            if let x = column(of: text, row: y, in: surface) { return (x, y) }
        }
        return nil
    }

    @Test func clickingATabLabelShowsThatTab() throws {
        let state = Fixtures.state(tab: .overview)
        let members = try #require(position(of: "2 Members", in: state))
        #expect(click(members.x, members.y, state) == [.showTab(.members)])
        #expect(click(members.x + 8, members.y, state) == [.showTab(.members)])
        let about = try #require(position(of: "3 About", in: state))
        #expect(click(about.x + 2, about.y, state) == [.showTab(.about)])
        // The rule after the last tab is not a tab.
        #expect(click(98, members.y, state) == [])
    }

    @Test func clickingAnItemTilePointsAtThatItem() {
        let state = Fixtures.state(tab: .overview)
        let layout = ScreenLayout(width: 100, height: 30)
        let content = layout.listContent
        // Line 0 holds the counts; each item has two lines.
        #expect(click(content.x + 3, content.y, state) == [])
        #expect(click(content.x + 3, content.y + 1, state) == [.pointAtItem(0)])
        #expect(click(content.x + 3, content.y + 2, state) == [.pointAtItem(0)])
        #expect(click(content.x + 3, content.y + 5, state) == [.pointAtItem(2)])
        // Below the eighth and last item nothing is hit.
        #expect(click(content.x + 3, content.y + 17, state) == [])
    }

    @Test func clickingAFilterRowPointsAtIt() throws {
        let state = Fixtures.state(tab: .overview)
        let rows = state.overview.facetRows
        let index = try #require(rows.firstIndex { if case .topic = $0 { true } else { false } })
        let layout = ScreenLayout(width: 100, height: 30)
        #expect(click(2, layout.facets.y + index, state) == [.pointAtFacet(index)])
    }

    @Test func clickingAMemberRowPointsAtIt() {
        let state = Fixtures.state(tab: .members)
        let content = ScreenLayout(width: 100, height: 30).membersContent
        #expect(click(content.x + 1, content.y + 2, state) == [.pointAtMember(0)])
        #expect(click(content.x + 1, content.y + 1, state) == [])  // the column headings
    }

    @Test func overlaysAndTinyScreensIgnoreClicksButTheWheelScrolls() {
        let help = Fixtures.state(tab: .overview, help: true)
        #expect(click(20, 3, help) == [])
        let wheel = PointerMap.commands(for: MouseEvent(.wheelDown, x: 50, y: 10), state: help, width: 100, height: 30)
        #expect(wheel == Array(repeating: .moveDown, count: PointerMap.wheelStep))
        #expect(click(5, 3, Fixtures.state(tab: .overview), width: 30, height: 10) == [])
    }

    /// The targets the layout pass keeps with a frame sit on what that frame draws: each item
    /// target's first line shows that item's title, each tab target starts at its label.
    @Test func aFramesTargetsSitOnWhatItDraws() {
        let state = Fixtures.state(tab: .overview)
        let lines = render(state, width: 100, height: 30).lines
        let targets = ScreenLayout(width: 100, height: 30).pointerTargets(for: state).targets
        var items = 0
        for target in targets {
            switch target.command {
            case .pointAtItem(let index):
                items += 1
                // Rows past the loaded window are drawn as placeholders.
                let rows = state.overview.window.rows
                if index < rows.count {
                    #expect(lines[target.rect.y].contains(String(rows[index].title.prefix(20))), "row \(target.rect.y): \(lines[target.rect.y])")
                }
            case .showTab(let tab):
                let label = "\(tab.rawValue + 1) "
                let start = lines[target.rect.y].dropFirst(target.rect.x)
                #expect(start.hasPrefix(label) || start.dropFirst().hasPrefix(label), "tab \(tab) at \(target.rect.x): \(lines[target.rect.y])")
            default:
                break
            }
        }
        #expect(items == min(state.overview.itemCount, ItemList.visibleItems(height: ScreenLayout(width: 100, height: 30).listContent.height)))
    }
}
