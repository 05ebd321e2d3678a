import Foundation
import JoinupTestSupport
import Testing

/// Themes, config, mouse and links, driven through the real binary in tmux.
@Suite(.serialized) struct ThemeMouseLinkEndToEndTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("config"), withIntermediateDirectories: true)
    }

    private func writeConfig(_ text: String) throws {
        try text.write(toFile: folder.path("config") + "/config.toml", atomically: true, encoding: .utf8)
    }

    private func start(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession.joinup(in: folder, arguments: arguments,
                                             environment: ["NO_COLOR": ""].merging(environment) { $1 })
        try session.waitFor("ICT (3)")
        return session
    }

    /// The screen with its colour escape codes (capture-pane -e).
    private func colouredScreen(_ session: TmuxSession) throws -> String {
        try session.tmux(["capture-pane", "-p", "-e"])
    }

    /// The SGR colour parameters on screen ("38;5;231", "48;5;24", …).
    private func colourCodes(_ screen: String) -> Set<String> {
        var codes: Set<String> = []
        for sequence in screen.split(separator: "\u{1B}").dropFirst() {
            guard sequence.hasPrefix("["), let end = sequence.firstIndex(of: "m") else { continue }
            let parameters = sequence[sequence.index(after: sequence.startIndex)..<end].split(separator: ";").map(String.init)
            var index = 0
            while index < parameters.count {
                if (parameters[index] == "38" || parameters[index] == "48"), index + 2 < parameters.count, parameters[index + 1] == "5" {
                    codes.insert(parameters[index...index + 2].joined(separator: ";"))
                    index += 3
                } else {
                    // The 16 named colours: 30–37/40–47 and the bright 90–97/100–107.
                    if let number = Int(parameters[index]), [30..<38, 40..<48, 90..<98, 100..<108].contains(where: { $0.contains(number) }) {
                        codes.insert(parameters[index])
                    }
                    index += 1
                }
            }
        }
        return codes
    }

    @Test func pressingTSwitchesThemeAndTheColourCodesOnScreenChange() throws {
        let session = try start()
        let before = colourCodes(try colouredScreen(session))
        // The default theme: header on 24, selection on 25; light: header on 189 (#d7e6f5), selection on 153.
        #expect(before.isSuperset(of: ["48;5;24", "48;5;25"]) && !before.contains("48;5;189"), "\(before)")
        try session.send("T")
        try session.waitFor("Theme: light")
        let after = colourCodes(try colouredScreen(session))
        #expect(after.isSuperset(of: ["48;5;189", "48;5;153"]) && !after.contains("48;5;25"), "\(after)")
        // Round the cycle: high-contrast, monochrome (no colour codes at all), back to default.
        try session.send("T")
        try session.waitFor("Theme: high-contrast")
        #expect(colourCodes(try colouredScreen(session)).contains("103"))  // bright yellow selection
        try session.send("T")
        try session.waitFor("Theme: monochrome")
        #expect(colourCodes(try colouredScreen(session)).isEmpty)
        try session.send("T")
        try session.waitFor("Theme: default")
        let again = colourCodes(try colouredScreen(session))
        #expect(again.isSuperset(of: ["48;5;24", "48;5;25"]) && !again.contains("48;5;189"), "\(again)")
    }

    @Test func noColorStartsMonochromeUnlessAThemeIsChosen() throws {
        let plain = try start(environment: ["NO_COLOR": "1"])
        #expect(colourCodes(try colouredScreen(plain)).isEmpty)
        let chosen = try start(["--theme", "high-contrast"], environment: ["NO_COLOR": "1"])
        #expect(!colourCodes(try colouredScreen(chosen)).isEmpty)
    }

    @Test func anInvalidThemeFileFallsBackToDefaultAndSaysWhere() throws {
        let path = folder.path("bad.toml")
        try "# mine\n[list.selected]\nbg = \"octarine\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let session = try start(["--theme", path])
        let screen = try session.waitFor("bad.toml:3")
        #expect(screen.contains("list.selected.bg"), "\(screen)")
        #expect(colourCodes(try colouredScreen(session)).contains("48;5;24"))
    }

    @Test func aMouseClickOnATabSwitchesToIt() throws {
        let session = try start()
        let lines = try session.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("2 Members") })
        let column = try #require(lines[row].range(of: "2 Members")).lowerBound.utf16Offset(in: lines[row])
        // X10: ESC [ M, then button 0 (press), column and row, each 1-based plus 32.
        let click = "\u{1B}[M" + String(UnicodeScalar(32)!) + String(UnicodeScalar(UInt8(33 + column + 2)))
            + String(UnicodeScalar(UInt8(33 + row)))
        try session.tmux(["send-keys", "-l", click])
        try session.waitFor("Facilitator")
    }

    @Test func noMouseIgnoresClicks() throws {
        let session = try start(["--no-mouse"])
        let lines = try session.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("3 About") })
        let column = try #require(lines[row].range(of: "3 About")).lowerBound.utf16Offset(in: lines[row])
        let click = "\u{1B}[M" + String(UnicodeScalar(32)!) + String(UnicodeScalar(UInt8(33 + column + 2)))
            + String(UnicodeScalar(UInt8(33 + row)))
        try session.tmux(["send-keys", "-l", click])
        // Then a key that surely works: input is read in order, so the click was read before it.
        try session.send("T")
        let screen = try session.waitFor("Theme: light")
        #expect(screen.contains("[1 Overview]") && !screen.contains("Open collection"), "\(screen)")
    }

    @Test func remappedKeysWorkAndShowInHelpAndHints() throws {
        try writeConfig("[keys]\nquit = \"Q\"\nhelp = \"F1\"\n")
        let session = try start()
        let screen = try session.screen()
        #expect(screen.contains("Q quit") && screen.contains("F1 help"), "\(screen)")
        try session.send("F1")
        let help = try session.waitFor("Keys —")
        // Remapping quit adds Q to Ctrl-C (which always quits) and drops q.
        #expect(help.contains("Q/Ctrl-C") && !help.contains("q/Ctrl-C"), "\(help)")
        try session.send("Escape")
        // q no longer quits: keys are read in order, so once "2" has shown the Members tab, q was
        // read before it and the browser is still running.
        try session.send("q")
        try session.send("2")
        let members = try session.waitFor("Facilitator")
        #expect(!members.contains("EXIT="), "q still quit:\n\(members)")
        try session.send("Q")
        try session.waitFor("EXIT=0")
    }

    /// A browser that records its arguments: its path, and how to read them once it has run.
    private func fakeBrowser() throws -> (script: String, arguments: () throws -> [String]) {
        let record = folder.path("argv")
        let script = folder.path("fake-browser")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(record).tmp\"; mv \"\(record).tmp\" \"\(record)\"\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return (script, {
            let deadline = Date().addingTimeInterval(TmuxSession.patience)
            while !FileManager.default.fileExists(atPath: record) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map(String.init)
        })
    }

    @Test func oOpensTheSelectedItemsLinkWithTheConfiguredBrowser() throws {
        let browser = try fakeBrowser()
        try writeConfig("browser = [\"\(browser.script)\", \"--from-joinup\"]\n")
        let session = try start()
        try session.send("o")
        try session.waitFor("Opened the link")
        let argv = try browser.arguments()
        #expect(argv.count == 2 && argv[0] == "--from-joinup", "\(argv)")
        #expect(argv.last?.hasPrefix("https://") == true, "\(argv)")
        // The screen is intact after the browser started.
        try session.waitFor("ICT (3)")
    }

    /// A terminal browser (recognised by name: w3m) gets the terminal: joinup steps aside, waits
    /// for it, then redraws.
    @Test func aTerminalBrowserGetsTheScreenAndJoinupRedrawsAfter() throws {
        let tools = folder.path("bin")
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        let script = tools + "/w3m"
        try "#!/bin/sh\nclear\necho \"FAKE W3M: $1\"\nread answer\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        try writeConfig("browser = \"\(script)\"\n")
        let session = try start()
        try session.send("o")
        let browsing = try session.waitFor("FAKE W3M: https://")
        #expect(!browsing.contains("ICT (3)"))
        try session.send("Enter")
        let back = try session.waitFor("Opened the link with")
        #expect(back.contains("ICT (3)") && !back.contains("FAKE W3M"))
    }

    /// `y` sends the selected item's link as OSC 52; tmux with `set-clipboard on` takes it into
    /// its paste buffer, which holds exactly the link the status line names.
    @Test func yCopiesTheSelectedItemsLinkThroughOSC52() throws {
        let session = try start()
        try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        try session.send("y")
        let screen = try session.waitFor("Copied https://")
        let buffer = try session.tmux(["show-buffer"])
        #expect(buffer.hasPrefix("https://") && !buffer.contains("\u{1B}"), "\(buffer)")
        #expect(screen.contains("Copied " + String(buffer.prefix(30))), "\(screen)")
        // With the clipboard off the status line shows the link instead, and tmux gets nothing new.
        try writeConfig("clipboard = \"off\"\n")
        let off = try start()
        try off.tmux(["set-option", "-g", "set-clipboard", "on"])
        try off.send("y")
        try off.waitFor("Link: https://")
        #expect((try? off.tmux(["show-buffer"])) == nil)
    }

    /// `o` in About lists the collection's links; a number opens that one with the browser.
    @Test func oInAboutChoosesALinkToOpen() throws {
        let browser = try fakeBrowser()
        try writeConfig("browser = [\"\(browser.script)\", \"--new-tab=%u\"]\n")
        let session = try start()
        try session.send("3")
        try session.waitFor("Description")
        try session.send("o")
        let chooser = try session.waitFor("RSS feed")
        #expect(chooser.contains("1  Joinup page") && chooser.contains("3  Metadata"), "\(chooser)")
        try session.send("Escape")
        try session.waitFor("closed the chooser") { !$0.contains("1  Joinup page") }
        try session.send("o")
        try session.waitFor("1  Joinup page")
        try session.send("2")
        try session.waitFor("Opened the link")
        let argv = try browser.arguments()
        // `%u` inside an argument is replaced there, and the feed is the one chosen.
        #expect(argv.count == 1 && argv[0].hasPrefix("--new-tab=https://") && argv[0].contains("feed"), "\(argv)")
    }

    /// `sync_interval` (minimum 10 s) syncs in the background without a key press.
    @Test func syncIntervalSyncsByItself() throws {
        let remote = try SyncEndToEndTests.remoteWithANewItem(in: folder)
        try writeConfig("remote = \"\(remote.base)\"\nsync_interval = \"10s\"\n")
        let session = try start()
        #expect(!(try session.screen()).contains(SyncEndToEndTests.newTitle))
        let screen = try session.waitFor("Synced", timeout: 40)
        #expect(screen.contains(SyncEndToEndTests.newTitle), "\(screen)")
    }
}

/// `joinup config` and `joinup themes`.
@Suite struct ConfigAndThemesCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("config"), withIntermediateDirectories: true)
    }

    private func joinup(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try runCommand(builtBinary("joinup"), arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")],
                       environment: ["HOME": folder.path("home")].merging(environment) { $1 })
    }

    @Test func configPathAndCheck() throws {
        let file = folder.path("config") + "/config.toml"
        let path = try joinup(["config", "--path"])
        #expect(path.status == 0 && path.stdout == file + "\n")

        let missing = try joinup(["config", "--check"])
        #expect(missing.status == 0, "\(missing.stdout)")

        try "remote = \"http://127.0.0.1:9\"\ntheme = \"light\"\n[keys]\nquit = \"Q\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let good = try joinup(["config", "--check"])
        #expect(good.status == 0 && good.stdout.contains("OK"), "\(good.stdout)")

        try "remote = \"http://127.0.0.1:9\"\ntheme = \"nope\"\nmouse = 3\n[keys]\nwarp = \"w\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try joinup(["config", "--check"])
        #expect(bad.status == 1)
        let lines = bad.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(file):3: mouse: ") }, "\(bad.stdout)")
        #expect(lines.contains { $0.hasPrefix("\(file):5: keys.warp: unknown action") }, "\(bad.stdout)")
        #expect(lines.contains { $0.contains("nope") && $0.contains("no such theme") }, "\(bad.stdout)")

        // Every problem, the config's in line order ([keys] too), then each of the theme's.
        let themes = folder.path("config") + "/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "[list]\nfg = \"nope\"\nbg = 300\n".write(toFile: themes + "/two.toml", atomically: true, encoding: .utf8)
        try "theme = \"two\"\n[keys]\nsync = \"bad-key\"\nfly = \"f\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let every = try joinup(["config", "--check"])
        #expect(every.status == 1)
        let located = every.stdout.split(separator: "\n").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
        #expect(located == ["\(file):3", "\(file):4", "\(themes)/two.toml:2", "\(themes)/two.toml:3"], "\(every.stdout)")
    }

    @Test func themesListsShippedAndUserThemesWithASwatch() throws {
        let themes = folder.path("config") + "/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "description = \"Mine\"\n[list.selected]\nbg = 22\n".write(toFile: themes + "/mine.toml", atomically: true, encoding: .utf8)
        let plain = try joinup(["themes"])
        #expect(plain.status == 0, "\(plain.stderr)")
        for name in ["default (shipped)", "light (shipped)", "high-contrast (shipped)", "monochrome (shipped)", "mine ("] {
            #expect(plain.stdout.contains(name), "missing \(name)")
        }
        #expect(plain.stdout.contains("list.selected"))
        #expect(!plain.stdout.contains("\u{1B}"))  // not a terminal: no escape codes

        try "[list]\nfg = \"nope\"\n".write(toFile: themes + "/broken.toml", atomically: true, encoding: .utf8)
        let broken = try joinup(["themes"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("broken.toml:2: list.fg"))
    }

    @Test func configProblemsAreWarningsForHeadlessCommands() throws {
        try "remote = 5\n".write(toFile: folder.path("config") + "/config.toml", atomically: true, encoding: .utf8)
        let result = try joinup(["sync"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("config.toml:1: remote:"), "\(result.stderr)")
        #expect(result.stderr.contains("no remote configured"))
    }
}
