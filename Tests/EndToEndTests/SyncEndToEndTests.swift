import Foundation
import JoinupTestSupport
import Testing

/// The browser against a real `joinup-remote`: `r` syncs in the background, `c` switches collection.
@Suite(.serialized) struct SyncEndToEndTests {
    static let newTitle = "Open source hackathon 2026: registrations open"

    /// A copy of the fixture remote whose EC OSPO feed has one item more than the embedded snapshot.
    static func remoteWithANewItem(in folder: TemporaryFolder) throws -> RemoteProcess {
        let data = try folder.copyOfFixtures()
        let feed = data.appendingPathComponent("ec-open-source-programme-office/feed.xml")
        let text = try String(contentsOf: feed, encoding: .utf8)
        let item = """
            <fh:complete/>
                <item>
                  <title>News: \(newTitle)</title>
                  <link>https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/news/hackathon-2026</link>
                  <description>Teams from public administrations meet for two days of code.</description>
                  <pubDate>Mon, 02 Nov 2026 10:00:00 +0100</pubDate>
                  <dc:creator>EC OSPO</dc:creator>
                  <guid isPermaLink="false">99001 at https://joinup.ec.europa.eu</guid>
                  <category domain="http://joinup.eu/ontology/topic#open-source-software">Open Source Software</category>
                  <category domain="type">News</category>
                </item>
            """
        try text.replacingOccurrences(of: "<fh:complete/>", with: item).write(to: feed, atomically: true, encoding: .utf8)
        return try RemoteProcess(data: data, folder: folder)
    }

    @Test func pressingRSyncsAndTheOpenCollectionUpdatesWithoutRestarting() throws {
        let folder = try TemporaryFolder()
        let remote = try Self.remoteWithANewItem(in: folder)
        let session = try TmuxSession.joinup(in: folder, environment: ["JOINUP_REMOTE": remote.base])
        // The status line's origin comes with the header, which loads beside the list: wait for both.
        var screen = try session.waitFor("list and origin") { $0.contains("ICT (8)") && $0.contains("embedded snapshot") }
        #expect(!screen.contains(Self.newTitle))
        // Keys keep working while it syncs; the status line ends with the outcome.
        try session.send("r", "j")
        screen = try session.waitFor("Synced")
        #expect(screen.contains(Self.newTitle), "the new item should appear without a restart:\n\(screen)")
        #expect(screen.contains("ICT (9)") && screen.contains("Open Source Software (8)"))
        #expect(screen.contains("9 items"))
        #expect(screen.contains("25 new"), "1 new in EC OSPO and 12 in each other fixture collection:\n\(screen)")
        // The picker lists what the directory brought, by title; Enter switches.
        try session.send("c")
        screen = try session.waitFor("Open Source Observatory (OSOR)")
        // The row's markers ("12 items · 12 unread") leave the long title cut.
        #expect(screen.contains("Grupo de trabajo de cibersegurid"))
        try session.send("j")
        try session.send("Enter")
        // Loaded, not only switched: the header changes first, the status line says "Loading…"
        // until the collection is read, then where it came from ("synced …").
        screen = try session.waitFor("the other collection, loaded") {
            $0.contains("Grupo de trabajo de ciberseguridad pública") && !$0.contains("/ search titles and abstracts")
                && $0.contains("synced")
        }
        #expect(!screen.contains("EC Open Source Programme Office"))
        #expect(screen.contains("1 Solution"))
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")), "touched HOME")
        #expect(remote.requests().contains { $0.hasPrefix("GET /collections.xml") })
    }

    @Test func aDeadRemoteIsReportedAndTheCacheStays() throws {
        let folder = try TemporaryFolder()
        // Port 9 (discard) has no listener on a test machine: the connection is refused.
        let session = try TmuxSession.joinup(in: folder, arguments: ["--remote", "http://127.0.0.1:9"])
        try session.waitFor("ICT (8)")
        try session.send("r")
        let screen = try session.waitFor("Sync failed")
        #expect(screen.contains("ICT (8)") && screen.contains("8 items"))
        try session.send("j", "Enter")
        try session.waitFor("Published")
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
    }
}
