import Foundation
import JoinupTestSupport
import Testing

/// The collections browser in a real terminal: a real Virtuoso loaded with Fixtures/sparql behind
/// a real `joinup-remote --sparql-upstream`, `joinup sync --directory-only`, then `c` in tmux.
@Suite(.serialized) struct CollectionsBrowserEndToEndTests {
    @Test func filteringByATopicShowsJoinupsCountsAndEnterSyncsAndOpensANewCollection() throws {
        let virtuoso = try VirtuosoServer()
        defer { virtuoso.stop() }
        let folder = try TemporaryFolder()
        let remote = try RemoteProcess(data: fixtureFolder, extra: ["--sparql-upstream", virtuoso.endpoint], folder: folder)
        defer { _ = remote.server.stop() }
        let paths = ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
        let sync = try runCommand(builtBinary("joinup"), ["sync", "--remote", remote.base, "--directory-only"] + paths)
        #expect(sync.status == 0, "\(sync.stderr)")

        // Nothing synced yet: the browser opens on the embedded snapshot, the directory's EC OSPO.
        let session = try TmuxSession.joinup(in: folder, arguments: ["--remote", remote.base])
        try session.waitFor("ICT (8)")
        try session.send("c")
        var screen = try session.waitFor("4 collections")
        // The category and the term share a label and are counted apart: 4 collections carry an
        // ICT term (or the category itself), only the archived one the term "ICT".
        #expect(screen.contains("▸ ICT (4)") && screen.contains("  ICT (1)"), "\(screen)")
        #expect(screen.contains("Open Source Software (2)"), "\(screen)")
        #expect(screen.contains("Legacy ICT Interoperability Archive") && screen.contains("archived · not synced"), "\(screen)")
        #expect(screen.contains("• EC Open Source Programme Office"), "the open collection is marked:\n\(screen)")

        // ← to the topics, down to Open Source Software (third by count), Space selects it.
        try session.send("h", "j", "j", "Space")
        screen = try session.waitFor("2 of 4 collections")
        #expect(screen.contains("✓  Open Source Software (2)"), "\(screen)")
        #expect(screen.contains("Open Source Observatory (OSOR)") && !screen.contains("Grupo de trabajo"), "\(screen)")
        #expect(screen.contains("▸ ICT (4)"), "the facet ignores its own selection:\n\(screen)")

        // → back to the list, down to OSOR (never synced): Enter syncs it over HTTP, then opens it.
        try session.send("l", "j", "Enter")
        screen = try session.waitFor("OSOR on screen", timeout: 30) {
            $0.contains("Open Source Observatory (OSOR)") && !$0.contains("of 4 collections") && $0.contains("items")
        }
        #expect(!screen.contains("EC Open Source Programme Office"), "\(screen)")
        let osor = remote.requests().filter { $0.hasPrefix("GET /rdf_entity/") && $0.contains("/feed.xml") }
        #expect(osor.count == 1 && osor[0].contains(" 200"), "one collection synced, by URI: \(remote.requests())")

        // The browser opens afresh, on it: marked open on screen, its items counted.
        try session.send("c")
        screen = try session.waitFor("4 collections")
        let row = screen.split(separator: "\n").first { $0.contains("• Open Source Observatory (OSOR)") }
        #expect(row?.contains(" items") == true && row?.contains("not synced") == false, "\(screen)")
        try session.send("Escape", "q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")), "touched HOME")
    }
}
