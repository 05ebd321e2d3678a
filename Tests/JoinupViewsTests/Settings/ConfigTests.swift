import Foundation
@testable import JoinupSettings
import Testing
import JoinupStore
@testable import JoinupViews

@Suite struct ConfigTests {
    @Test func readsEveryKey() {
        let text = """
            # joinup settings
            remote = "http://127.0.0.1:8080"
            theme = "light"
            sync_interval = "15m"
            browser = ["firefox", "--new-tab", "%u"]
            mouse = false
            readonly = true

            [keys]
            quit = "Q"
            move_down = ["n", "down"]
            open_link = "ctrl-o"
            """
        let (config, issues) = AppConfig.parse(text, file: "config.toml")
        #expect(issues == [])
        #expect(config.remote == "http://127.0.0.1:8080")
        #expect(config.theme == "light")
        #expect(config.syncInterval == 900)
        #expect(config.browser == ["firefox", "--new-tab", "%u"])
        #expect(config.mouse == false)
        #expect(config.readonly == true)
        #expect(config.keys == [.quit: [.character("Q")], .moveDown: [.character("n"), .down], .openLink: [.control("o")]])
    }

    @Test func anEmptyFileIsTheDefaults() {
        let (config, issues) = AppConfig.parse("", file: "config.toml")
        #expect(issues.isEmpty)
        #expect(config == AppConfig())
    }

    @Test func unknownKeysAndBadValuesAreReportedWithTheirLinesAndTheRestIsKept() {
        let text = """
            remote = "ftp://example.org"
            theme = "light"
            colour = "blue"
            sync_interval = 3
            mouse = "yes"

            [keys]
            quit = "Q"
            fly = "f"
            sync = "not-a-key"
            """
        let (config, issues) = AppConfig.parse(text, file: "config.toml")
        #expect(config.theme == "light")
        #expect(config.keys == [.quit: [.character("Q")]])
        #expect(config.remote == nil && config.mouse == nil)
        let located = issues.map { "\($0.line ?? 0) \($0.key ?? "")" }
        #expect(located == ["1 remote", "3 colour", "4 sync_interval", "5 mouse", "9 keys.fly", "10 keys.sync"])
        #expect(issues[1].description.hasPrefix("config.toml:3: colour: unknown key"))
    }

    /// `[keys]` problems come in the order they are written, not by action name.
    @Test func problemsAreInLineOrderInsideTablesToo() {
        let text = """
            [keys]
            sync = "not-a-key"
            fly = "f"
            bottom = "nope-key"
            """
        let (_, issues) = AppConfig.parse(text, file: "config.toml")
        #expect(issues.map { "\($0.line ?? 0) \($0.key ?? "")" } == ["2 keys.sync", "3 keys.fly", "4 keys.bottom"])
    }

    @Test func clipboardIsOSC52OrOff() {
        #expect(AppConfig.parse("clipboard = \"off\"", file: "c").0.clipboard == .off)
        #expect(AppConfig.parse("clipboard = \"osc52\"", file: "c").0.clipboard == .osc52)
        let (config, issues) = AppConfig.parse("clipboard = \"xclip\"", file: "c")
        #expect(config.clipboard == nil)
        #expect(issues.map(\.description) == ["c:1: clipboard: must be \"osc52\" or \"off\", not \"xclip\""])
    }

    @Test func syntaxErrorsNameTheLine() {
        let (_, issues) = AppConfig.parse("theme = \"light\"\nremote = \n", file: "/x/config.toml")
        #expect(issues.count == 1)
        #expect(issues.first?.line == 2)
        #expect(issues.first?.description.hasPrefix("/x/config.toml:2: not valid TOML") == true)
    }

    @Test func syncIntervalForms() {
        #expect(AppConfig.interval(.integer(90)) == 90)
        #expect(AppConfig.interval(.string("90s")) == 90)
        #expect(AppConfig.interval(.string("2m")) == 120)
        #expect(AppConfig.interval(.string("1h")) == 3600)
        #expect(AppConfig.interval(.string("soon")) == nil)
        #expect(AppConfig.interval(.integer(-5)) == nil)
        #expect(AppConfig.parse("sync_interval = 0", file: "c").0.syncInterval == nil)
    }

    @Test func aRemapThatStealsAKeyIsReportedAsAConflict() {
        let (config, parseIssues) = AppConfig.parse("[keys]\nsync = \"q\"\n", file: "config.toml")
        #expect(config.keys[.sync] == [.character("q")])
        #expect(parseIssues == [])
        let issues = config.keyConflicts(file: "config.toml")
        #expect(issues.count >= 1)
        #expect(issues.allSatisfy { $0.line == 2 && $0.message.contains("key conflict: q is bound to both") })
    }
}

@Suite struct KeyRemapTests {
    @Test func keyNames() {
        #expect(KeyName.parse("j") == .character("j"))
        #expect(KeyName.parse("J") == .character("J"))
        #expect(KeyName.parse("ctrl-x") == .control("x"))
        #expect(KeyName.parse("C-x") == .control("x"))
        #expect(KeyName.parse("PgDn") == .pageDown)
        #expect(KeyName.parse("space") == .character(" "))
        #expect(KeyName.parse("shift-tab") == .backTab)
        #expect(KeyName.parse("f5") == .function(5))
        #expect(KeyName.parse("ctrl-1") == nil)
        #expect(KeyName.parse("hyper-k") == nil)
    }

    @Test func theStandardMapHasNoConflictsAndEveryActionNameIsBound() {
        #expect(KeyMap.standard.conflicts() == [])
        for (name, command) in KeyAction.all {
            #expect(KeyMap.standard.bindings.contains { $0.command == command }, "\(name)")
        }
    }

    @Test func remappingChangesBehaviourHintsAndHelp() {
        let map = KeyMap.standard.remapped([.quit: [.character("Q")], .sync: [.character("S"), .function(5)]])
        #expect(map.command(for: .character("Q"), focus: .itemList) == .quit)
        #expect(map.command(for: .character("q"), focus: .itemList) == nil)
        #expect(map.command(for: .function(5), focus: .members) == .sync)
        #expect(map.command(for: .character("r"), focus: .itemList) == nil)
        #expect(map.hints(for: .itemList).contains("Q quit"))
        #expect(map.hints(for: .itemList).contains("S sync"))
        #expect(!map.hints(for: .itemList).contains("q quit"))

        let help = render(Fixtures.state(tab: .overview, help: true), width: 120, height: 50, keyMap: map).text
        #expect(help.contains("S/F5"))
        #expect(help.contains("Q/Ctrl-C"))
        #expect(!help.contains("q/Ctrl-C"))
        let status = render(Fixtures.state(tab: .overview), width: 120, height: 30, keyMap: map).lines[29]
        #expect(status.contains("Q quit") && status.contains("S sync"))
    }

    @Test func onlyThePrimaryBindingMoves() {
        // `?` toggles help; Esc also closes it (a second row): remapping help keeps Esc closing.
        let map = KeyMap.standard.remapped([.toggleHelp: [.function(1)]])
        #expect(map.command(for: .function(1), focus: .itemList) == .toggleHelp)
        #expect(map.command(for: .character("?"), focus: .itemList) == nil)
        #expect(map.command(for: .escape, focus: .help) == .toggleHelp)
    }
}
