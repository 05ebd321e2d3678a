import Foundation
import JoinupTestSupport
import Testing

/// The seed page's eight titles, newest first.
let seedTitles = [
    "Register for the biggest 2023 open-source conference in Brussels!",
    "Accepting open source contributions from third-party developers",
    "FOSSEPS Critical Open Source Software Study Report",
    "Blog post by European Commission Open Source Programme Office",
    "Check how the hackathon improved Moodle for education!",
    "Get plugged into education with Moodle!",
    "NextGov Hackathon",
    "New set of Bug Bounties 2022",
]

/// Drives the real binary inside tmux, as a user at a 100x30 terminal would.
@Suite(.serialized) struct BrowserEndToEndTests {
    let folder: TemporaryFolder
    let session: TmuxSession

    init() throws {
        folder = try TemporaryFolder()
        session = try TmuxSession.joinup(in: folder)
        try session.waitFor("EC Open Source Programme Office")
    }

    @Test func overviewShowsTheSeedPage() throws {
        let screen = try session.waitFor("ICT (3)")
        for text in ["Overview", "Members", "About", "Last update: Mon, 26/06/2023 - 13:43", "59 members",
                     "0 Solutions", "ICT (8)", "ICT (3)", "Open Source Software (7)", "Digital government (4)",
                     "embedded snapshot"] {
            #expect(screen.contains(text), "missing \(text) in\n\(screen)")
        }
        for title in seedTitles {
            #expect(screen.contains(String(title.prefix(30))), "missing \(title) in\n\(screen)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")), "touched HOME")
    }

    @Test func tabsShowMembersAndAbout() throws {
        try session.send("2")
        var screen = try session.waitFor("Facilitator")
        #expect(screen.contains("59 members"))
        try session.send("G")
        screen = try session.waitFor("scrolled to the last member") { $0.contains("59/59") || $0.contains("59 of 59") }
        try session.send("Tab")
        screen = try session.waitFor("Open collection")
        #expect(screen.contains("European Commission Open Source Programme Office (EC OSPO)"))
        try session.send("BTab")
        try session.waitFor("59/59")
        try session.send("g")
        try session.waitFor("Facilitator")
        try session.send("1")
        try session.waitFor("ICT (3)")
    }

    @Test func enterOpensAnItemAndEscapeReturnsWithSelectionKept() throws {
        try session.send("j", "j")
        try session.send("Enter")
        let detail = try session.waitFor("https://joinup.ec.europa.eu")
        #expect(detail.contains("FOSSEPS Critical Open Source Software Study Report"))
        #expect(detail.contains("Published"))
        #expect(!detail.contains("Blog post by European Commission"), "the list should give way to the item")
        try session.send("Escape")
        try session.waitFor("ICT (8)")
        try session.send("Enter")
        try session.waitFor("FOSSEPS") { $0.contains("FOSSEPS") && $0.contains("https://joinup.ec.europa.eu") }
        try session.send("BSpace")
        try session.waitFor("ICT (8)")
    }

    @Test func resizeRelaysOutAndTooSmallRecovers() throws {
        try session.resize(width: 60, height: 20)
        // Only a frame laid out for 60 columns has these: the position (the 8 items no longer fit)
        // right-aligned at column 60, the facet labels and titles cut with "…" to the narrower panes, and the facet list
        // ending in "↓ 4 more" on row 19 (tmux merely cuts the old 100x30 frame, which has none).
        try session.waitFor("the frame redrawn at 60x20") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return lines.contains(" Type             │ 7 News · 1 Event                    1/8")
                && lines.contains("   Open Sour… (7) │ FOSSEPS Critical Open Source Software …")
                && lines.contains("   ↓ 4 more       │ 24/03/2022 News   Open Source Software")
        }
        try session.resize(width: 39, height: 20)
        try session.waitFor("Terminal too small (need 40x12)")
        try session.resize(width: 30, height: 10)
        try session.waitFor("wrapped message") { $0.contains("Terminal too small") && $0.contains("(need 40x12)") }
        try session.resize(width: 100, height: 30)
        let screen = try session.waitFor("ICT (3)")
        #expect(screen.contains("Last update: Mon, 26/06/2023 - 13:43"))
    }

    /// At 80x14 the key list does not fit: End shows its last binding and ↑ scrolls back at once
    /// (the scroll limit comes from the overlay's own measurement, not a guess in the reducer).
    @Test func helpScrollsOnASmallScreen() throws {
        try session.resize(width: 80, height: 14)
        try session.send("?")
        let top = try session.waitFor("↓ more")
        // "Close list" (the link chooser's Esc) is the last binding of the key list.
        #expect(!top.contains("Close list"), "\(top)")
        try session.send("End")
        let bottom = try session.waitFor("Close list")
        #expect(bottom.contains("↑ top"), "\(bottom)")
        try session.send("Up")
        let back = try session.waitFor("moved up") { $0 != bottom }
        #expect(back.contains("↓ more"), "\(back)")
    }

    @Test func helpOverlayListsKeysAndQuitExitsCleanly() throws {
        try session.send("?")
        let help = try session.waitFor("Quit")
        #expect(help.contains("Help") || help.contains("Keys"))
        try session.send("Escape")
        try session.waitFor("ICT (8)")
        try session.send("q")
        let after = try session.waitFor("EXIT=")
        #expect(after.contains("EXIT=0"))
        #expect(!after.contains("ICT (8)"), "the browser's screen should be gone after quitting:\n\(after)")
    }
}

/// What happens without a terminal, and on a second start.
@Suite struct HeadlessEndToEndTests {
    @Test func withoutATerminalItExitsTwoNamingTheAlternatives() throws {
        let folder = try TemporaryFolder()
        let result = try runCommand(builtBinary("joinup"), ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("joinup items"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnusableTerminalTypeExitsTwoWithOneLine() throws {
        let folder = try TemporaryFolder()
        for term in ["dumb", "no-such-terminal-xyz"] {
            let session = try TmuxSession.joinup(in: folder, prefix: "TERM=\(term) ")
            // The one line wraps at the pane's edge: read it unwrapped.
            let screen = try session.waitFor("EXIT=").replacingOccurrences(of: "\n", with: "")
            #expect(screen.contains("EXIT=2"), "TERM=\(term):\n\(screen)")
            #expect(screen.contains("joinup items"))
            #expect(screen.contains("\"\(term)\""))
        }
    }

    @Test func xdgDataHomeIsTheDefaultPlaceForTheCache() throws {
        let folder = try TemporaryFolder()
        let result = try runCommand(builtBinary("joinup"), ["about"], environment: [
            "XDG_DATA_HOME": folder.path("xdg-data"), "XDG_CONFIG_HOME": folder.path("xdg-config"), "HOME": folder.path("home"),
        ])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("xdg-data/joinup/joinup.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")))
    }

    @Test func helpAndVersionWork() throws {
        let help = try runCommand(builtBinary("joinup"), ["--help"])
        #expect(help.status == 0)
        for subcommand in ["browse", "items", "members", "about"] { #expect(help.stdout.contains(subcommand)) }
        let browseHelp = try runCommand(builtBinary("joinup"), ["browse", "--help"])
        #expect(browseHelp.stdout.contains("--data-dir"))
        let version = try runCommand(builtBinary("joinup"), ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("joinup "))
    }

    @Test func environmentVariablesChooseTheFolders() throws {
        let folder = try TemporaryFolder()
        let result = try runCommand(builtBinary("joinup"), ["items"], environment: [
            "JOINUP_DATA_DIR": folder.path("from-env"), "HOME": folder.path("home"),
        ])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("from-env/joinup.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("home")))
    }

    @Test func headlessItemsListTheSeedInOrder() throws {
        let folder = try TemporaryFolder()
        let result = try runCommand(builtBinary("joinup"), ["items", "--no-header", "--data-dir", folder.path("data")])
        #expect(result.status == 0)
        let titles = result.stdout.split(separator: "\n").map { $0.split(separator: "\t")[2] }.map(String.init)
        #expect(titles == seedTitles)
        let members = try runCommand(builtBinary("joinup"), ["members", "--no-header", "--data-dir", folder.path("data")])
        #expect(members.stdout.split(separator: "\n").count == 59)
    }

    @Test func secondStartOpensStraightFromTheCache() throws {
        let folder = try TemporaryFolder()
        let data = folder.path("data")
        _ = try runCommand(builtBinary("joinup"), ["about", "--data-dir", data])
        let first = try runCommand("/usr/bin/env", ["sqlite3", "\(data)/joinup.sqlite", "SELECT synced_at FROM collection"])
        let second = try runCommand(builtBinary("joinup"), ["about", "--data-dir", data])
        #expect(second.status == 0)
        #expect(second.stdout.contains("Last update: Mon, 26/06/2023 - 13:43"))
        let after = try runCommand("/usr/bin/env", ["sqlite3", "\(data)/joinup.sqlite", "SELECT synced_at FROM collection"])
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == after.stdout, "the second start re-imported the snapshot")
    }
}
