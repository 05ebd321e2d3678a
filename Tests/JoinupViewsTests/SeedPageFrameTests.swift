import Foundation
import JoinupCache
import JoinupModel
import JoinupStore
import JoinupSync
import JoinupTestSupport
import Testing
@testable import JoinupViews

/// The real path below the terminal: embedded snapshot → parsers → SQLite cache → effect runner
/// → reducer → frame. What the seed page shows must come out on screen.
@Suite struct SeedPageFrameTests {
    init() { TestLocale.ensure() }

    /// Loads the embedded snapshot (and `directory`, as a read of a remote) into a fresh cache and
    /// drives the store as the terminal loop does.
    static func seedState(width: Int, height: Int, commands: [Command] = [],
                          directory: CollectionDirectorySnapshot? = nil) async throws -> AppState {
        let folder = try TemporaryFolder()
        let cache = try CacheDatabase(path: folder.path("cache.sqlite"))
        #expect(try SnapshotImport.importEmbeddedSnapshotIfEmpty(into: cache))
        if let directory { try cache.storeDirectory(directory, remote: "http://remote.test", source: .sparql) }
        var store = await SettledStore(runner: EffectRunner(cache: cache), collectionURI: EmbeddedSnapshot.collectionURI) {
            ScreenLayout.viewport(for: $0, width: width, height: height)
        }
        for command in commands { await store.send(command) }
        return store.state
    }

    @Test func overviewOfTheSeedAt100x30() async throws {
        let state = try await Self.seedState(width: 100, height: 30)
        expectFrame(render(state, width: 100, height: 30), """
             EC Open Source Programme Office                                           [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43                                                 Not signed in
             59 members · 0 Solutions
             [1 Overview]  2 Members   3 About  ────────────────────────────────────────────────────────────────
             Type                       │ 7 News · 1 Event                                              8 items
               News (7)                 │ Register for the biggest 2023 open-source conference in Brussels!
               Event (1)                │ 21/11/2023 Event  Collaboration · eGovernment +2 topics
             Topics                     │ Accepting open source contributions from third-party developers
             ▸ ICT (8)                  │ 26/06/2023 News   Collaboration · Legal +2 topics
               Open Source Software (7) │ FOSSEPS Critical Open Source Software Study Report
             ▸ Digital government (4)   │ 11/08/2022 News   Open Source Software · ICT security +6 topics
               ICT (3)                  │ Blog post by European Commission Open Source Programme Office
               Collaboration (2)        │ 05/08/2022 News   ICT · Legal
               eGovernment (2)          │ Check how the hackathon improved Moodle for education!
               ICT security (2)         │ 04/07/2022 News   Open Source Software
               Legal (2)                │ Get plugged into education with Moodle!
               Content and knowled… (1) │ 11/05/2022 News   Open Source Software
               Digital innovation (1)   │ NextGov Hackathon
               Education (1)            │ 24/03/2022 News   Open Source Software
               Innovation (1)           │ New set of Bug Bounties 2022
               Science and technol… (1) │ 20/01/2022 News   Open Source Software · ICT +2 topics
               Standardisation (1)      │
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
             ↑↓ move  Enter open  ← filters  / search  r sync  ? help  q quit                 embedded snapshot
            """, name: "seedOverviewAt100x30")
    }

    @Test func everyFacetOfTheSeedIsListedWithItsCount() async throws {
        let state = try await Self.seedState(width: 100, height: 30)
        let shown = state.overview.facets.map { "\($0.topic.label) (\($0.count))" }
        #expect(shown == ["ICT (8)", "Open Source Software (7)", "Digital government (4)", "ICT (3)", "Collaboration (2)",
                          "eGovernment (2)", "ICT security (2)", "Legal (2)", "Content and knowledge management (1)",
                          "Digital innovation (1)", "Education (1)", "Innovation (1)", "Science and technology (1)",
                          "Standardisation (1)"])
        #expect(state.overview.facets[0].topic.uri != state.overview.facets[3].topic.uri)
    }

    @Test func openedEventShowsItsDateAndPlace() async throws {
        let state = try await Self.seedState(width: 100, height: 30, commands: [.open])
        let text = render(state, width: 100, height: 30).text
        #expect(text.contains("Register for the biggest 2023 open-source conference in Brussels!"))
        #expect(text.contains("21/11/2023"))
        #expect(text.contains("Brussels"))
        #expect(text.contains("Łukasz Wiśniewski"))
        #expect(text.contains("https://joinup.ec.europa.eu/collection/ec-open-source-prog"))
    }

    @Test func membersOfTheSeedAt60x20() async throws {
        let state = try await Self.seedState(width: 60, height: 20, commands: [.showTab(.members), .moveToBottom])
        let surface = render(state, width: 60, height: 20)
        #expect(surface.lines[4].hasPrefix(" 59 members"))
        #expect(surface.lines[4].hasSuffix("59/59"))
        #expect(state.members.members.count == 59)
        #expect(state.members.members.first?.roles.contains(.owner) == true)
    }

    @Test func aboutOfTheSeedAt60x20ScrollsThroughEverySection() async throws {
        var state = try await Self.seedState(width: 60, height: 20, commands: [.showTab(.about)])
        #expect(render(state, width: 60, height: 20).text.contains("The European Commission Open Source"))
        #expect(state.viewport.aboutMaxScroll > 0)
        var seen = ""
        for offset in 0...state.viewport.aboutMaxScroll {
            state.about.scroll = offset
            seen += render(state, width: 60, height: 20).text
        }
        for label in ["Owner", "Contact", "Topics", "Geographical coverage", "Open collection", "Content creation",
                      "Moderated", "Created", "Last update", "RSS feed", "Metadata", "European Union"] {
            #expect(seen.contains(label), "About lacks \(label)")
        }
    }
}
