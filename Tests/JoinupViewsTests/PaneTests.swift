import Testing
@testable import JoinupViews
import JoinupModel
import JoinupStore

@Suite struct PaneTests {
    init() { TestLocale.ensure() }

    @Test func headerSaysLoadingBeforeTheCollectionArrives() {
        let surface = render(AppState(), width: 60, height: 20)
        #expect(surface.lines[0] == " Loading…")
    }

    @Test(arguments: [
        (MembershipState?.none, "[J] Join this collection"), (.active, "You're a member"), (.pending, "Membership is pending"),
    ])
    func headerShowsTheMembershipState(membership: MembershipState?, text: String) {
        var state = Fixtures.state(tab: .overview)
        state.header?.membership = membership
        let line = render(state, width: 100, height: 30).lines[0]
        #expect(line.hasSuffix(text))
        #expect(line.hasPrefix(" EC Open Source Programme Office"))
    }

    @Test func headerTitleIsInTheTitleRole() {
        let surface = render(Fixtures.state(tab: .overview), width: 100, height: 30)
        #expect(surface.style(x: 1, y: 0) == .headerTitle)
        #expect(surface.style(x: 1, y: 1) == .header)
    }

    @Test func activeTabIsHighlighted() {
        let members = render(Fixtures.state(tab: .members), width: 100, height: 30)
        let x = column(of: "[2 Members]", row: 3, in: members)!
        #expect(members.style(x: x + 3, y: 3) == .tabActive)
        #expect(members.style(x: column(of: "Overview", row: 3, in: members)!, y: 3) == .tabInactive)
    }

    @Test func selectedRowIsHighlightedAcrossTheList() {
        var state = Fixtures.state(tab: .overview)
        let surface = render(state, width: 100, height: 30)
        // Selection 1 is the second tile (screen rows 7 and 8).
        #expect(surface.style(x: 40, y: 7) == .selectedRow)
        #expect(surface.style(x: 99, y: 8) == .selectedRow)
        #expect(surface.style(x: 40, y: 6) != .selectedRow)
        #expect(surface.style(x: 40, y: 9) != .selectedRow)
        state.overview.cursor.selection = 3
        let moved = render(state, width: 100, height: 30)
        #expect(moved.style(x: 40, y: 11) == .selectedRow && moved.style(x: 40, y: 7) != .selectedRow)
    }

    @Test func listStartsAtTheScrollTopAndShowsPlaceholdersForRowsNotLoaded() {
        var state = Fixtures.state(tab: .overview)
        state.overview.cursor = ListCursor(selection: 3, scrollTop: 2)
        let surface = render(state, width: 100, height: 30)
        #expect(surface.lines[5].contains("FOSSEPS"))
        #expect(surface.lines[7].contains("Blog post"))
        #expect(surface.lines[9].hasSuffix("│ …"))
        #expect(surface.lines[10].hasSuffix("│"))
        #expect(surface.lines[11].hasSuffix("│ …"))
    }

    @Test func categoriesAreMarkedAndTermsAreNot() {
        let lines = render(Fixtures.state(tab: .overview), width: 100, height: 30).lines
        #expect(lines.contains { $0.hasPrefix(" ▸ ICT (8) ") })
        #expect(lines.contains { $0.hasPrefix("   ICT (3) ") })
    }

    @Test func topicTextShortensStepByStep() {
        #expect(ItemList.topicText(["Collaboration", "eGovernment"], more: 2, width: 40) == "Collaboration · eGovernment +2 topics")
        #expect(ItemList.topicText(["Collaboration", "eGovernment"], more: 2, width: 30) == "Collaboration · eGovernment +2")
        #expect(ItemList.topicText(["Collaboration", "eGovernment"], more: 2, width: 20) == "Collaboration +3")
        #expect(ItemList.topicText(["Open Source Software", "ICT"], more: 6, width: 12) == "Open Sou… +7")
        #expect(ItemList.topicText(["ICT", "Legal"], more: 0, width: 20) == "ICT · Legal")
    }

    /// The form of "+N" depends on the column's width alone: at one width every row says it the
    /// same way, even when the long form no longer fits beside two long labels.
    @Test func moreTopicsIsSpelledOutByWidthOnly() {
        let wide = ItemList.spelledOutMoreWidth
        #expect(ItemList.topicText(["Open Source Software", "Digital government"], more: 2, width: wide + 5)
            == "Open Source Software +3 topics")
        #expect(ItemList.topicText(["ICT", "Legal"], more: 1, width: wide + 5) == "ICT · Legal +1 topic")
        #expect(ItemList.topicText(["ICT", "Legal"], more: 1, width: wide - 1) == "ICT · Legal +1")
    }

    @Test func rowTopicsMarkCategoriesAsTheFacetPaneDoes() {
        #expect(ItemList.topicText(["Transport", "Transport"], categories: [true, false], more: 0, width: 40)
            == "▸ Transport · Transport")
        var state = Fixtures.state(tab: .overview)
        state.overview.window.rows[0].leadingTopics = ["ICT", "ICT"]
        state.overview.window.rows[0].leadingTopicIsCategory = [false, true]
        let lines = render(state, width: 100, height: 30).lines
        #expect(lines.contains { $0.contains("ICT · ▸ ICT") })
    }

    @Test func membersRowsFollowTheScrollTop() {
        var state = Fixtures.state(tab: .members)
        state.members.cursor = ListCursor(selection: 4, scrollTop: 3)
        let surface = render(state, width: 100, height: 30)
        #expect(surface.lines[6].hasPrefix(" Tomasz Wiśniewski"))
        #expect(surface.lines[7].hasPrefix(" Élodie Martin"))
        #expect(surface.style(x: 3, y: 7) == .selectedRow)
    }

    @Test func aboutShowsClosedAndUnmoderatedCollections() {
        var state = Fixtures.state(tab: .about)
        state.about.collection?.isClosed = true
        state.about.collection?.isModerated = false
        let text = render(state, width: 100, height: 30).text
        #expect(text.contains("Closed collection") && text.contains("Not moderated"))
    }

    @Test func statusLineShowsOriginOrTheMessageInItsRole() {
        var state = Fixtures.state(tab: .overview)
        let plain = render(state, width: 100, height: 30)
        #expect(plain.lines[29].hasSuffix("embedded snapshot"))
        #expect(plain.style(x: 90, y: 29) == .statusBar)

        state.status = StatusMessage(.error, "Sync failed: connection refused")
        let failed = render(state, width: 100, height: 30)
        #expect(failed.lines[29].hasSuffix("Sync failed: connection refused"))
        #expect(!failed.text.contains("embedded snapshot"))
        #expect(failed.style(x: 97, y: 29) == .statusError)

        state.status = StatusMessage(.busy, "Syncing…")
        #expect(render(state, width: 100, height: 30).style(x: 97, y: 29) == .statusBusy)
    }

    @Test func statusHintsAreDroppedWholeWhenNarrowKeepingHelp() {
        let line = render(Fixtures.state(tab: .overview), width: 40, height: 12).lines[11]
        #expect(line == " ↑↓ move  ? help      embedded snapshot")
    }

    @Test func everyShippedPaletteDefinesEveryRoleWithItsOwnPair() throws {
        for source in ThemeCatalog.shipped {
            let theme = try source.parse()
            for depth in ColorDepth.allCases {
                let palette = theme.palette(for: depth)
                #expect(Set(palette.appearances.keys) == Set(StyleRole.allCases))
                if depth == .colors8 {
                    #expect(palette.appearances.values.allSatisfy { $0.foreground < 8 && $0.background < 8 })
                }
                if depth == .none {
                    #expect(palette.appearances.values.allSatisfy { $0.foreground == -1 && $0.background == -1 })
                }
            }
        }
        let pairs = StyleRole.allCases.map(ColorPalette.pairNumber(for:))
        #expect(Set(pairs).count == pairs.count)
        #expect(pairs.allSatisfy { (1...255).contains($0) })
    }
}

@Suite struct UnpublishedMembersTests {
    init() { TestLocale.ensure() }

    @Test func membersTabSaysTheRemoteDoesNotPublishThem() {
        var state = Fixtures.state(tab: .members)
        state.header?.membersPublished = false
        state.header?.memberCount = 0
        state.members.members = []
        let surface = render(state, width: 100, height: 30)
        #expect(surface.text.contains("does not publish its members"))
        #expect(surface.lines[2].contains("members not published"))
        #expect(!surface.text.contains("Business title"))
    }
}

@Suite struct FilterDisplayTests {
    init() { TestLocale.ensure() }

    @Test func activeFiltersAreNamedAboveTheList() {
        var state = Fixtures.state(tab: .overview)
        let security = Topic(uri: "http://joinup.eu/ontology/topic#ict-security", label: "ICT security")
        state.overview.knownTopics[security.uri] = security
        state.overview.filter = ItemFilter(topicURIs: [security.uri], kinds: [.news], text: "bount")
        state.overview.sort = .title
        let wide = render(state, width: 140, height: 30).lines
        #expect(wide[4].contains("Filtered: topic ICT security · type News · “bount”"))
        #expect(wide[4].hasSuffix("8 items · by title"))
        // Narrower, the list of filters is cut but the count stays whole.
        let narrow = render(state, width: 100, height: 30).lines
        #expect(narrow[4].contains("Filtered: topic ICT security · type News · “boun…"))
        #expect(narrow[4].hasSuffix("8 items · by title"))
    }

    @Test func anEmptyResultSaysWhichFiltersProducedIt() {
        var state = Fixtures.state(tab: .overview)
        state.overview.filter = ItemFilter(kinds: [.solution], text: "zzz")
        state.overview.itemCount = 0
        state.overview.window = ItemWindow()
        let text = render(state, width: 100, height: 30).text
        #expect(text.contains("No items match type Solution, “zzz”. Press x to clear the filters."))
    }

    /// The Overview listing one item titled `title` while `search` is the search text.
    private func renderSearch(_ search: String, title: String) -> MemorySurface {
        var state = Fixtures.state(tab: .overview)
        state.overview.filter.text = search
        state.overview.window = ItemWindow(offset: 0, rows: [
            ItemSummary(id: "1", kind: .news, title: title, listDate: Fixtures.date("2023-06-26T11:43:00Z"),
                        leadingTopics: [], moreTopicCount: 0),
        ])
        state.overview.itemCount = 1
        return render(state, width: 100, height: 30)
    }

    @Test func searchMatchesAreHighlightedAtWordStartsIgnoringCaseAndAccents() {
        let surface = renderSearch("europ", title: "Un sommet Européen, not Neuropean")
        let start = column(of: "Europ", row: 5, in: surface)!
        #expect(surface.style(x: start, y: 5) == .searchMatch)
        #expect(surface.style(x: start + 4, y: 5) == .searchMatch)
        #expect(surface.style(x: start + 5, y: 5) != .searchMatch)  // the match is the prefix only
        let inside = column(of: "europ", row: 5, in: surface)!  // "Neuropean": not at a word start
        #expect(surface.style(x: inside, y: 5) != .searchMatch)
    }

    @Test func highlightsFollowTheSearchFoldForLettersUnicodeDoesNotDecompose() {
        let surface = renderSearch("lodz strass", title: "Łódź an der Straße")
        let lodz = column(of: "Łódź", row: 5, in: surface)!
        #expect((0..<4).allSatisfy { surface.style(x: lodz + $0, y: 5) == .searchMatch })
        #expect(surface.style(x: lodz + 4, y: 5) != .searchMatch)
        // "strass" ends inside "ß" (ss): the whole letter is marked, and nothing after it.
        let strasse = column(of: "Straße", row: 5, in: surface)!
        #expect((0..<5).allSatisfy { surface.style(x: strasse + $0, y: 5) == .searchMatch })
        #expect(surface.style(x: strasse + 5, y: 5) != .searchMatch)
    }

    @Test func theSearchLineShowsWhatIsTypedAndWhyItDoesNotParse() {
        var state = Fixtures.state(tab: .overview)
        state.modal = .search(SearchLine(target: .items, text: "type:even", error: "col 1: unknown type even"))
        let lines = render(state, width: 100, height: 30).lines
        #expect(lines[29].hasPrefix(" /type:even▏"))
        #expect(lines[29].contains("col 1: unknown type even"))
    }
}
