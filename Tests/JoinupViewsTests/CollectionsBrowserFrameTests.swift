import Foundation
import JoinupCache
import JoinupModel
import JoinupStore
import JoinupTestSupport
import Testing
@testable import JoinupViews

/// The collections browser and About's directory names on screen, through the real path: a
/// SQLite cache holding the embedded snapshot and a directory read, the effect runner, the reducer.
@Suite struct CollectionsBrowserFrameTests {
    init() { TestLocale.ensure() }

    static func state(width: Int, height: Int, _ commands: [Command]) async throws -> AppState {
        try await SeedPageFrameTests.seedState(width: width, height: height, commands: commands,
                                               directory: DirectoryFixture.snapshot)
    }

    @Test func browserAt80x24() async throws {
        let state = try await Self.state(width: 80, height: 24, [.toggleCollectionPicker])
        expectFrame(render(state, width: 80, height: 24), """
             EC Open Source Programme Office                       [J] Join this collection
             ┌─ Collections ──────────────────────────────────────────────────────────────┐
             │ Topics                 │ / search titles and abstracts       6 collections │
             │ ▸ ICT (5)              │   Cybersecurity Working Group closed · not synced │─
             │ ▸ Digital governm… (4) │ • EC Open Source Programme Office  open · 8 items │
             │   eGovernment (2)      │   Legacy interoperability … archived · not synced │
             │   ICT (2)              │   Open Source Observatory (OSO… open · not synced │
             │   Legal (2)            │   Semantic Interoperability Co… open · not synced │
             │   Open Source Sof… (2) │   Łódź smart city pilots        open · not synced │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │                                                   │
             │                        │───────────────────────────────────────────────────│
             │                        │ The Commission's open source programme office.    │
             │                        │                                                   │
             └────────────────────────────────────────────────────────────────────────────┘
             ↑↓ move  Enter open  Esc back  ← topics  / search  ? help    embedded snapshot
            """, name: "browserAt80x24")
    }

    @Test func browserFilteredByTheICTTermAt100x30() async throws {
        let state = try await Self.state(width: 100, height: 30, [.toggleCollectionPicker, .focusFilters, .moveDown,
                                                                  .moveDown, .moveDown, .toggleFilter])
        expectFrame(render(state, width: 100, height: 30), """
             EC Open Source Programme Office                                           [J] Join this collection
             ┌─ Collections ──────────────────────────────────────────────────────────────────────────────────┐
             │ Topics                       │ / search titles and abstracts                2 of 6 collections │
             │ ▸ ICT (5)                    │   Cybersecurity Working Group               closed · not synced │─
             │ ▸ Digital government (4)     │   Łódź smart city pilots                      open · not synced │
             │   eGovernment (2)            │                                                                 │
             │✓  ICT (2)                    │                                                                 │
             │   Legal (2)                  │                                                                 │
             │   Open Source Software (2)   │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │─────────────────────────────────────────────────────────────────│
             │                              │ Public-sector security teams share incident playbooks.          │
             │                              │                                                                 │
             └────────────────────────────────────────────────────────────────────────────────────────────────┘
             ↑↓ move  Space select  → list  / search  ? help  q quit                          embedded snapshot
            """, name: "browserFilteredAt100x30")
    }

    @Test func browserSearchingAt100x30() async throws {
        var state = try await Self.state(width: 100, height: 30, [.toggleCollectionPicker, .startSearch])
        for character in "open" { _ = reduce(&state, .commandIssued(.typed(character))) }
        expectFrame(render(state, width: 100, height: 30), """
             EC Open Source Programme Office                                           [J] Join this collection
             ┌─ Collections ──────────────────────────────────────────────────────────────────────────────────┐
             │ Topics                       │ / open▏                                      3 of 6 collections │
             │ ▸ Digital government (3)     │ • EC Open Source Programme Office                open · 8 items │─
             │ ▸ ICT (3)                    │   Open Source Observatory (OSOR)              open · not synced │
             │   Legal (2)                  │   Łódź smart city pilots                      open · not synced │
             │   Open Source Software (2)   │                                                                 │
             │   eGovernment (1)            │                                                                 │
             │   ICT (1)                    │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │                                                                 │
             │                              │─────────────────────────────────────────────────────────────────│
             │                              │ The Commission's open source programme office.                  │
             │                              │                                                                 │
             └────────────────────────────────────────────────────────────────────────────────────────────────┘
             Enter keep  Esc drop                                                             embedded snapshot
            """, name: "browserSearchingAt100x30")
    }

    @Test func aboutNamesOwnerContactAndCountriesAt100x30() async throws {
        let state = try await Self.state(width: 100, height: 30, [.showTab(.about), .pageDown])
        expectFrame(render(state, width: 100, height: 30), """
             EC Open Source Programme Office                                           [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43                                                 Not signed in
             59 members · 0 Solutions
              1 Overview   2 Members  [3 About] ────────────────────────────────────────────────────────────────
               principles: think open, transform, share, contribute, secure, stay in control.
            
               This collection gathers the OSPO’s news, events and publications: hackathons, bug bounties,
               studies on critical open source components and guidance for Commission services that publish or
               reuse open source software.
            
               Members receive updates on new content and can take part in the discussions. Anyone interested
               in open source in the public sector is welcome to join.
            
             Owner                  European Commission, DG DIGIT
                                    Supra national authority
             Contact information    EC OSPO team
                                    ec-ospo@example.org
                                    https://joinup.ec.europa.eu/collection/ec-open-source-programme-office
             Topics                 ▸ ICT · ▸ Digital government · Open Source Software
             Geographical coverage  European Union, Belgium
             Keywords               open source, OSPO, inner source
             Access                 Open collection
             Content creation       Only members can create content.
             Moderation             Moderated
             Created                Wed, 21/10/2020 - 10:00
             Last update            Mon, 26/06/2023 - 13:43 (Brussels)
             RSS feed               https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/fee…
             Metadata               https://joinup.ec.europa.eu/collection/ec-open-source-programme-office?_fo…
                                                                                                     End · 100%
             ↑↓ move  r sync  ? help  q quit                                                  embedded snapshot
            """, name: "aboutDirectoryAt100x30")
    }

    @Test func aboutNamesOwnerContactAndCountriesAt80x24() async throws {
        let state = try await Self.state(width: 80, height: 24, [.showTab(.about), .pageDown])
        expectFrame(render(state, width: 80, height: 24), """
             EC Open Source Programme Office                       [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43                             Not signed in
             59 members · 0 Solutions
              1 Overview   2 Members  [3 About] ────────────────────────────────────────────
               Members receive updates on new content and can take part in the discussions.
               Anyone interested in open source in the public sector is welcome to join.
            
             Owner                  European Commission, DG DIGIT
                                    Supra national authority
             Contact information    EC OSPO team
                                    ec-ospo@example.org
                                    https://joinup.ec.europa.eu/collection/ec-open-source-…
             Topics                 ▸ ICT · ▸ Digital government · Open Source Software
             Geographical coverage  European Union, Belgium
             Keywords               open source, OSPO, inner source
             Access                 Open collection
             Content creation       Only members can create content.
             Moderation             Moderated
             Created                Wed, 21/10/2020 - 10:00
             Last update            Mon, 26/06/2023 - 13:43 (Brussels)
             RSS feed               https://joinup.ec.europa.eu/collection/ec-open-source-…
             Metadata               https://joinup.ec.europa.eu/collection/ec-open-source-…
                                                                                 End · 100%
             ↑↓ move  r sync  ? help  q quit                              embedded snapshot
            """, name: "aboutDirectoryAt80x24")
    }

    @Test func theBrowsersKeysComeFromTheTableAndARemapMovesThemWithTheOverviews() {
        let keys = KeyMap.standard
        #expect(keys.command(for: .left, focus: .picker) == .focusFilters)
        #expect(keys.command(for: .character(" "), focus: .pickerTopics) == .toggleFilter)
        #expect(keys.command(for: .escape, focus: .pickerTopics) == .focusList)
        #expect(keys.command(for: .escape, focus: .picker) == .back)
        #expect(keys.command(for: .character("x"), focus: .pickerTopics) == .clearFilters)
        #expect(keys.command(for: .character("c"), focus: .pickerTopics) == .toggleCollectionPicker)
        #expect(keys.helpSections().first { $0.title == "Collections" }?.bindings.map(\.command)
                == [.focusFilters, .toggleFilter, .focusList, .startSearch, .clearFilters])
        let remapped = keys.remapped([.focusFilters: [.function(2)], .startSearch: [.character("S")]])
        #expect(remapped.command(for: .function(2), focus: .picker) == .focusFilters)
        #expect(remapped.command(for: .function(2), focus: .itemList) == .focusFilters)
        #expect(remapped.command(for: .left, focus: .picker) == nil)
        #expect(remapped.command(for: .character("S"), focus: .pickerTopics) == .startSearch)
        #expect(remapped.hints(for: .picker) == "↑↓ move  Enter open  Esc back  F2 topics  S search  ? help  q quit")
        #expect(remapped.conflicts().isEmpty && keys.conflicts().isEmpty)
        // Esc still closes help after `help` is remapped: only rows repeating the primary's keys move.
        #expect(keys.remapped([.toggleHelp: [.function(1)]]).command(for: .escape, focus: .help) == .toggleHelp)
    }

    @Test func clicksHitTheRowsAsDrawnAndSelectThenOpen() async throws {
        var state = try await Self.state(width: 100, height: 30, [.toggleCollectionPicker])
        func click(_ text: String) throws -> [Command] {
            let frame = render(state, width: 100, height: 30)
            let y = try #require(frame.lines.firstIndex { $0.contains(text) }, "\(text) on screen")
            let x = try #require(column(of: text, row: y, in: frame))
            return PointerMap.commands(for: MouseEvent(.click, x: x, y: y), state: state, width: 100, height: 30)
        }
        #expect(try click("Open Source Observatory") == [.pointAtCollection(3)])
        #expect(try click("Legal (2)") == [.pointAtCollectionTopic(4)])
        #expect(try click("6 collections").isEmpty, "the heading is not a row")
        #expect(try click("EC Open Source Programme Office  ").isEmpty, "the header under the box")
        for command in try click("Legal (2)") { _ = reduce(&state, .commandIssued(command)) }
        #expect(state.modal.picker?.shownEntries.map(\.collection.alias) == ["osor", "lodz"])
        for command in try click("Łódź smart city pilots") { _ = reduce(&state, .commandIssued(command)) }
        #expect(state.modal.picker?.selected?.collection.alias == "lodz")
        state.remote = "http://remote.test"
        let effects = try click("Łódź smart city pilots").flatMap { reduce(&state, .commandIssued($0)) }
        #expect(effects == [.syncCollection(DirectoryFixture.collections[5], remote: "http://remote.test")])
    }

    @Test func markersSayOpenClosedArchivedMembershipAndSync() {
        func entry(_ collection: DirectoryCollection, published: Bool = true, synced: Bool, membership: MyMembership?) -> CollectionsBrowser.Entry {
            var browser = CollectionsBrowser()
            let listing = DirectoryListing(collection: collection, isPublished: published, isSynced: synced, membership: membership)
            browser.load(CollectionCatalog(listings: [listing], itemCounts: [collection.uri: 1], isDirectory: true), current: nil, rows: 5)
            return browser.shownEntries[0]
        }
        let f = DirectoryFixture.collections
        #expect(CollectionsBrowserOverlay.markers(entry(f[0], synced: true, membership: .owner), syncing: false) == "open · member · 1 item")
        #expect(CollectionsBrowserOverlay.markers(entry(f[1], synced: false, membership: .pending), syncing: false)
                == "closed · pending · not synced")
        #expect(CollectionsBrowserOverlay.markers(entry(f[3], published: false, synced: false, membership: MyMembership.none), syncing: true)
                == "archived · unlisted · syncing…")
    }
}
