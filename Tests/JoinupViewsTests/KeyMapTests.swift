import JoinupSettings
import Testing
@testable import JoinupViews
import JoinupStore

@Suite struct KeyMapTests {
    let keyMap = KeyMap.standard

    static let allCommands: [Command] = [
        .moveUp, .moveDown, .pageUp, .pageDown, .moveToTop, .moveToBottom, .open, .back,
        .nextTab, .previousTab, .showTab(.overview), .showTab(.members), .showTab(.about), .toggleHelp, .quit,
    ]

    @Test func everyCommandIsReachableFromSomeKey() {
        for command in Self.allCommands {
            let reachable = keyMap.bindings.contains { binding in
                binding.command == command && binding.keys.contains { key in
                    binding.contexts.contains { keyMap.command(for: key, focus: $0) == command }
                }
            }
            #expect(reachable, "no key issues \(command)")
        }
    }

    @Test(arguments: [
        (Key.up, Focus.itemList, Command.moveUp), (.character("k"), .itemList, .moveUp),
        (.down, .itemList, .moveDown), (.character("j"), .itemList, .moveDown),
        (.pageUp, .itemList, .pageUp), (.pageDown, .itemList, .pageDown),
        (.character("g"), .itemList, .moveToTop), (.home, .itemList, .moveToTop),
        (.character("G"), .itemList, .moveToBottom), (.end, .itemList, .moveToBottom),
        (.enter, .itemList, .open),
        (.up, .itemDetail, .moveUp), (.character("j"), .itemDetail, .moveDown), (.pageDown, .itemDetail, .pageDown),
        (.escape, .itemDetail, .back), (.backspace, .itemDetail, .back),
        (.character("k"), .members, .moveUp), (.end, .members, .moveToBottom),
        (.character("j"), .about, .moveDown), (.home, .about, .moveToTop),
        (.tab, .itemList, .nextTab), (.tab, .about, .nextTab), (.backTab, .members, .previousTab),
        (.character("1"), .members, .showTab(.overview)), (.character("2"), .itemDetail, .showTab(.members)),
        (.character("3"), .itemList, .showTab(.about)),
        (.character("?"), .itemList, .toggleHelp), (.character("?"), .help, .toggleHelp),
        (.escape, .help, .toggleHelp),
        (.character("q"), .itemList, .quit), (.character("q"), .help, .quit), (.character("q"), .about, .quit),
        (.character("y"), .itemList, .copyLink), (.character("y"), .itemDetail, .copyLink),
        (.character("o"), .about, .openLink), (.character("3"), .linkChooser, .chooseLink(3)),
        (.character("1"), .linkChooser, .chooseLink(1)), (.enter, .linkChooser, .open), (.escape, .linkChooser, .back),
    ])
    func keyIssuesCommandInFocus(key: Key, focus: Focus, command: Command) {
        #expect(keyMap.command(for: key, focus: focus) == command)
    }

    @Test func enterDoesNothingOnMembersAndAbout() {
        #expect(keyMap.command(for: .enter, focus: .members) == nil)
        #expect(keyMap.command(for: .enter, focus: .about) == nil)
    }

    @Test func helpSwallowsBrowsingKeysButScrollsWithTheMovementKeys() {
        for key in [Key.enter, .tab, .character("2"), .character("/")] {
            #expect(keyMap.command(for: key, focus: .help) == nil)
        }
        #expect(keyMap.command(for: .up, focus: .help) == .moveUp)
        #expect(keyMap.command(for: .character("j"), focus: .help) == .moveDown)
        #expect(keyMap.command(for: .end, focus: .help) == .moveToBottom)
    }

    @Test func inTheSearchLineCharactersAreTextButCtrlCQuits() {
        #expect(keyMap.command(for: .character("q"), focus: .search) == .typed("q"))
        #expect(keyMap.command(for: .character("?"), focus: .search) == .typed("?"))
        #expect(keyMap.command(for: .character(" "), focus: .search) == .typed(" "))
        #expect(keyMap.command(for: .control("c"), focus: .search) == .quit)
        #expect(keyMap.command(for: .backspace, focus: .search) == .deleteBackward)
        #expect(keyMap.command(for: .escape, focus: .search) == .cancelSearch)
        #expect(keyMap.command(for: .enter, focus: .search) == .submitSearch)
    }

    @Test func helpScrollsWhenItDoesNotFit() {
        var state = Fixtures.state(tab: .overview, help: true)
        let top = render(state, width: 60, height: 20)
        #expect(top.text.contains("↓ more: j/k"))
        state.modal = .help(HelpState(scroll: 500), over: .none)
        let bottom = render(state, width: 60, height: 20)
        #expect(bottom.text.contains("↑ top: g"))
        // The last binding of the last section shows only at the bottom.
        let last = keyMap.helpSections().last!.bindings.last!.description
        #expect(bottom.text.contains(last))
        #expect(!top.text.contains(last))
    }

    @Test func unboundKeysIssueNothing() {
        #expect(keyMap.command(for: .character("z"), focus: .itemList) == nil)
        #expect(keyMap.command(for: .unknown, focus: .itemList) == nil)
        #expect(keyMap.command(for: .escape, focus: .help) == .toggleHelp)
    }

    /// Esc steps out first (the reader, the filter pane); where there is nothing to step out of,
    /// it takes a warning or error off the status line.
    @Test func escapeDismissesAMessageOnlyWhereItHasNothingElseToDo() {
        for focus in [Focus.itemList, .members, .about] {
            #expect(keyMap.command(for: .escape, focus: focus) == .dismissMessage)
        }
        #expect(keyMap.command(for: .escape, focus: .itemDetail) == .back)
        #expect(keyMap.command(for: .escape, focus: .filters) == .focusList)
        #expect(keyMap.command(for: .escape, focus: .messages) == .back)
        #expect(keyMap.command(for: .character("M"), focus: .itemList) == .toggleMessages)
        #expect(keyMap.command(for: .character("M"), focus: .messages) == .toggleMessages)
        #expect(keyMap.conflicts().isEmpty)
    }

    @Test func helpListsEveryBindingExactlyOnce() {
        let listed = keyMap.helpSections().flatMap(\.bindings)
        #expect(listed.count == keyMap.bindings.count)
        #expect(Set(listed) == Set(keyMap.bindings))
        #expect(keyMap.helpSections().map(\.title) == [
            "Global", "List & Collections", "Item & Collections", "List", "Filters", "List, Filters & Members",
            "List & Filters", "Members", "Collections", "Search", "Confirmation", "List, Item & About", "Help",
            "Messages", "List, Members & About", "All but Filters", "Item", "List & Item", "Links", "Outbox",
        ])
    }

    @Test func hintsAndHelpComeFromTheSameTable() {
        let custom = KeyMap(bindings: [
            Binding([.character("x")], .quit, in: [.members], "Leave now", hint: "x leave"),
            Binding([.character("y")], .open, in: [.members], "Not hinted"),
        ])
        #expect(custom.hints(for: .members) == "x leave")
        #expect(custom.hints(for: .itemList) == "")
        #expect(custom.helpSections() == [HelpSection(title: "Members", bindings: custom.bindings)])
        #expect(custom.command(for: .character("x"), focus: .members) == .quit)

        var state = Fixtures.state(tab: .members)
        let frame = render(state, width: 100, height: 30, keyMap: custom)
        #expect(frame.lines[29].hasPrefix(" x leave"))
        state.modal = .help(HelpState(), over: .none)
        let help = render(state, width: 100, height: 30, keyMap: custom).text
        #expect(help.contains("Leave now") && help.contains("Not hinted"))
        #expect(!help.contains("Next tab"))
    }

    @Test func statusHintsFollowTheFocus() {
        #expect(keyMap.hints(for: .itemList) == "↑↓ move  Enter open  ← filters  / search  r sync  ? help  q quit")
        #expect(keyMap.hints(for: .filters) == "↑↓ move  Space select  → list  / search  r sync  ? help  q quit")
        #expect(keyMap.hints(for: .itemDetail) == "↑↓ move  Esc back  r sync  ? help  q quit")
        #expect(keyMap.hints(for: .members) == "↑↓ move  / search  f role  r sync  ? help  q quit")
        #expect(keyMap.hints(for: .search) == "Enter keep  Esc drop")
        #expect(keyMap.hints(for: .picker) == "↑↓ move  Enter open  Esc back  ← topics  / search  ? help  q quit")
        #expect(keyMap.hints(for: .pickerTopics) == "↑↓ move  Space select  → list  / search  ? help  q quit")
        #expect(keyMap.hints(for: .help) == "↑↓ move  ? help  Esc close  q quit")
    }

    @Test func helpOverlayShowsEveryBindingOnALargeScreen() {
        // Every binding of the table on one screen, without scrolling, at 200x50.
        let frame = render(Fixtures.state(tab: .overview, help: true), width: 200, height: 50).text
        for binding in keyMap.bindings {
            #expect(frame.contains(binding.description), "\(binding.description) missing")
        }
        for section in keyMap.helpSections() {
            #expect(frame.contains(section.title))
        }
    }
}

@Suite struct KeyDecoderTests {
    // ncurses' values: OK 0, ERR -1, KEY_CODE_YES 0400, KEY_UP 0403, KEY_F0 0410, KEY_BTAB 0541, KEY_RESIZE 0632.
    @Test func charactersBecomeKeys() {
        #expect(KeyDecoder.decode(status: 0, value: UInt32(UInt8(ascii: "j"))) == .character("j"))
        #expect(KeyDecoder.decode(status: 0, value: 0x65E5) == .character("日"))
        #expect(KeyDecoder.decode(status: 0, value: 27) == .escape)
        #expect(KeyDecoder.decode(status: 0, value: 10) == .enter)
        #expect(KeyDecoder.decode(status: 0, value: 13) == .enter)
        #expect(KeyDecoder.decode(status: 0, value: 9) == .tab)
        #expect(KeyDecoder.decode(status: 0, value: 127) == .backspace)
        #expect(KeyDecoder.decode(status: 0, value: 3) == .control("c"))
        #expect(KeyDecoder.decode(status: 0, value: 0) == .unknown)
        #expect(KeyDecoder.decode(status: 0, value: 0x9B) == .unknown)
    }

    @Test func keyCodesBecomeKeys() {
        let yes: Int32 = 0o400
        #expect(KeyDecoder.decode(status: yes, value: 0o403) == .up)
        #expect(KeyDecoder.decode(status: yes, value: 0o402) == .down)
        #expect(KeyDecoder.decode(status: yes, value: 0o522) == .pageDown)
        #expect(KeyDecoder.decode(status: yes, value: 0o523) == .pageUp)
        #expect(KeyDecoder.decode(status: yes, value: 0o406) == .home)
        #expect(KeyDecoder.decode(status: yes, value: 0o550) == .end)
        #expect(KeyDecoder.decode(status: yes, value: 0o541) == .backTab)
        #expect(KeyDecoder.decode(status: yes, value: 0o632) == .resize)
        #expect(KeyDecoder.decode(status: yes, value: 0o410 + 5) == .function(5))
        #expect(KeyDecoder.decode(status: yes, value: 0o777) == .unknown)
    }

    @Test func nothingReadIsNoKey() {
        #expect(KeyDecoder.decode(status: -1, value: 0) == nil)
    }
}

@Suite struct HelpKeyRowTests {
    @Test func longKeyListsBreakIntoRowsSoHelpKeepsTwoColumnsAt60() throws {
        #expect(HelpOverlay.keyRows(["q", "Ctrl-C"]) == ["q/Ctrl-C"])
        #expect(HelpOverlay.keyRows(["Ctrl-D", "Ctrl-F"]) == ["Ctrl-D", "Ctrl-F"])
        #expect(HelpOverlay.keyRows(["Space", "Enter", "Ctrl-D"]) == ["Space/Enter", "Ctrl-D"])
        let geometry = try #require(HelpOverlay.geometry(KeyMap.standard, in: Rect(x: 0, y: 0, width: 60, height: 20)))
        #expect(geometry.columns.count == 2)
    }
}
