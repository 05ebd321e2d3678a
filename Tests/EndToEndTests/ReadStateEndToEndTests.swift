import Foundation
import JoinupTestSupport
import Testing

/// Read state for real: the browser in tmux against a real `joinup-remote`, and `joinup digest`
/// across two syncs.
@Suite(.serialized) struct ReadStateEndToEndTests {
    static let ospoFeed = "ec-open-source-programme-office/feed.xml"

    /// An RSS item of the EC OSPO feed (the extension's type and topic categories included).
    static func item(_ n: Int, title: String, day: Int) -> String {
        """
            <item>
              <title>News: \(title)</title>
              <link>https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/news/read-state-\(n)</link>
              <description>Item \(n) for the read-state tests.</description>
              <pubDate>\(String(format: "%02d", day)) Nov 2026 10:00:00 +0100</pubDate>
              <dc:creator>EC OSPO</dc:creator>
              <guid isPermaLink="false">\(98000 + n) at https://joinup.ec.europa.eu</guid>
              <category domain="http://joinup.eu/ontology/topic#open-source-software">Open Source Software</category>
              <category domain="type">News</category>
            </item>
        """
    }

    /// Adds items to the served EC OSPO feed (before its completeness marker).
    static func add(_ items: [String], to data: URL) throws {
        let feed = data.appendingPathComponent(ospoFeed)
        let text = try String(contentsOf: feed, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "<fh:complete/>", with: "<fh:complete/>\n" + items.joined(separator: "\n"))
        precondition(changed != text)
        try changed.write(to: feed, atomically: true, encoding: .utf8)
    }

    @Test func syncedItemsShowAsNewAndUnreadNWalksThemOpeningReadsAndAClearsTheRest() throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        try Self.add([Self.item(1, title: "Unread first arrival", day: 20), Self.item(2, title: "Unread second arrival", day: 19)], to: data)
        let remote = try RemoteProcess(data: data, folder: folder)
        let session = try TmuxSession.joinup(in: folder, environment: ["JOINUP_REMOTE": remote.base])
        // The embedded snapshot starts read: only what the sync brings is unread.
        var screen = try session.waitFor("ICT (8)")
        #expect(!screen.contains("unread") && !screen.contains("• "), "\(screen)")
        try session.send("r")
        screen = try session.waitFor("the new items, unread") { $0.contains("Synced") && $0.contains("2 unread") }
        let lines = screen.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("Unread first arrival") })
        #expect(lines[first].contains("• Unread first arrival"))
        #expect(lines[first + 1].contains("new"), "an arrival since the opening is marked new:\n\(screen)")
        #expect(lines.contains { $0.contains("• Unread second arrival") })
        // The cursor is on the top row (the first arrival); n goes to the next unread, n again wraps.
        try session.send("n")
        try session.send("Enter")
        screen = try session.waitFor("the second arrival opened") { $0.contains("Item 2 for the read-state tests.") }
        try session.send("Escape")
        // The header's count can come while the item is still open: wait for the list too.
        screen = try session.waitFor("the list, one unread") { $0.contains("1 unread") && $0.contains("Unread first arrival") }
        #expect(screen.contains("• Unread first arrival") && !screen.contains("• Unread second arrival"), "\(screen)")
        // m marks the first one read by hand, m again unread; A clears the rest.
        try session.send("g", "m")
        screen = try session.waitFor("every item read") { $0.contains("Marked read") && !$0.contains("1 unread") }
        #expect(!screen.contains("• "), "\(screen)")
        try session.send("m")
        screen = try session.waitFor("marked unread again") { $0.contains("1 unread") && $0.contains("• Unread first arrival") }
        try session.send("A")
        try session.waitFor("Mark all 10 items of this collection as read?")
        try session.send("y")
        // The marks go as the list reloads after the statement.
        screen = try session.waitFor("every mark gone") { $0.contains("Marked 1 item read") && !$0.contains("• ") }
        #expect(!screen.contains("unread"), "\(screen)")
        try session.send("q")
        #expect(try session.waitFor("EXIT=").contains("EXIT=0"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")), "touched HOME")
    }

    private func joinup(_ folder: TemporaryFolder, _ arguments: [String]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                       environment: ["HOME": folder.path("home"), "TZ": "UTC"])
    }

    @Test func digestListsWhatEachSyncAddedAndRemembersWhenItRan() throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        let remote = try RemoteProcess(data: data, folder: folder)
        let firstSync = try joinup(folder, ["sync", "--remote", remote.base])
        #expect(firstSync.status == 0, "\(firstSync.stderr)")
        // The first digest: everything the first sync stored (32 items in 3 collections).
        let first = try joinup(folder, ["digest", "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(document["since"] is NSNull)
        let groups = try #require(document["collections"] as? [[String: Any]])
        #expect(groups.compactMap { ($0["items"] as? [Any])?.count }.reduce(0, +) == 32)

        try Self.add([Self.item(1, title: "Second sync, older", day: 3), Self.item(2, title: "Second sync, newer", day: 4)], to: data)
        let secondSync = try joinup(folder, ["sync", "--remote", remote.base])
        #expect(secondSync.status == 0, "\(secondSync.stderr)")
        let second = try joinup(folder, ["digest"])
        #expect(second.status == 0, "\(second.stderr)")
        let lines = second.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("What's new since ") == true && lines.first?.hasSuffix("(local time): 2 items in 1 collection") == true,
                "\(second.stdout)")
        #expect(Array(lines.dropFirst()) == [
            "",
            "EC Open Source Programme Office (ec-open-source-programme-office)",
            "  News",
            "    04/11/2026  Second sync, newer",
            "                https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/news/read-state-2",
            "    03/11/2026  Second sync, older",
            "                https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/news/read-state-1",
            "",
        ], "only what the second sync added, newest first:\n\(second.stdout)")
        // Markdown with --since and --mark-read: the EC OSPO items stored since 2000 (all 10), then they are read.
        let markdown = try joinup(folder, ["digest", "--format", "markdown", "--since", "2000", "--collection", "ec-open-source-programme-office", "--mark-read"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("- [Second sync, newer](<https://joinup.ec.europa.eu/collection/ec-open-source-programme-office/news/read-state-2>) — 04/11/2026"),
                "\(markdown.stdout)")
        #expect(markdown.stdout.hasPrefix("# What's new since 2000-01-01 00:00 (local time): 10 items in 1 collection\n"), "\(markdown.stdout)")
        let unread = try joinup(folder, ["items", "--collection", "ec-open-source-programme-office", "--unread", "--no-header"])
        #expect(unread.status == 0, "\(unread.stderr)")
        #expect(unread.stdout.isEmpty, "the digest marked them read:\n\(unread.stdout)")
        let others = try joinup(folder, ["items", "--collection", "open-source-observatory", "--unread", "--no-header"])
        #expect(others.stdout.split(separator: "\n").count == 12, "other collections stay unread:\n\(others.stdout)")
        // Nothing new since the last run: said once, exit 0.
        let empty = try joinup(folder, ["digest"])
        #expect(empty.status == 0)
        #expect(empty.stdout.hasPrefix("Nothing new since ") && empty.stdout.hasSuffix(" (local time).\n"), "\(empty.stdout)")
        let wrong = try joinup(folder, ["digest", "--since", "2026-13"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--since wants a date as YYYY, YYYY-MM or YYYY-MM-DD"), "\(wrong.stderr)")
    }
}
