import Testing
@testable import JoinupViews
import JoinupStore

@Suite struct RobustnessTests {
    init() { TestLocale.ensure() }

    static var states: [AppState] {
        var loading = AppState()
        loading.modal = .none
        var failing = Fixtures.state(tab: .members)
        failing.status = StatusMessage(.error, "Sync failed: the remote did not answer within 10 s")
        var scrolled = Fixtures.state(tab: .about)
        scrolled.about.scroll = 1_000
        var detailScrolled = Fixtures.state(tab: .overview, opened: true)
        detailScrolled.overview.detailScroll = 1_000
        var beyondLoaded = Fixtures.state(tab: .overview)
        beyondLoaded.overview.cursor = ListCursor(selection: 7, scrollTop: 5)
        return [loading, failing, scrolled, detailScrolled, beyondLoaded]
            + Tab.allCases.flatMap { tab in
                [false, true].flatMap { help in
                    [Fixtures.state(tab: tab, help: help), Fixtures.state(tab: tab, opened: true, help: help)]
                }
            }
    }

    static let sizes: [(Int, Int)] =
        (0...45).flatMap { w in (0...15).map { h in (w, h) } } + [(80, 24), (100, 30), (120, 40), (200, 60), (1, 100), (300, 2)]

    @Test func everyStateRendersAtEverySizeWithoutWritingOutside() {
        let states = Self.states
        for (width, height) in Self.sizes {
            for state in states {
                var surface = BoundsCheckingSurface(width: width, height: height)
                Screen.render(state, on: &surface)
                #expect(surface.violations.isEmpty, "\(width)x\(height): \(surface.violations.prefix(3))")
                // Something was drawn (a frame or the too-small message): a render that gave up
                // early would have no violations either.
                let drawn = !surface.inner.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                #expect(drawn == (width > 0 && height > 0), "\(width)x\(height): \(drawn ? "drawn" : "blank")")
                if !surface.violations.isEmpty { return }
            }
        }
    }
}
