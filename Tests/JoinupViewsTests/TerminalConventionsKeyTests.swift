import JoinupSettings
import JoinupStore
import Testing
@testable import JoinupViews

/// Keys that behave as in other terminal programs (issue 16): the interrupt, redraw, suspend,
/// paging, the reader's neighbours and readline in the search line.
@Suite struct TerminalConventionsKeyTests {
    let keyMap = KeyMap.standard

    @Test func remappingQuitAddsKeysAndKeepsCtrlC() {
        // The README's own example.
        let map = KeyMap.standard.remapped([.quit: [.character("Q")]])
        for focus in [Focus.itemList, .itemDetail, .search, .dialog, .help, .picker] {
            #expect(map.command(for: .control("c"), focus: focus) == .quit, "\(focus)")
        }
        #expect(map.command(for: .character("Q"), focus: .itemList) == .quit)
        #expect(map.command(for: .character("q"), focus: .itemList) == nil)
        // Remapping it to Ctrl-C itself does not list it twice.
        #expect(KeyMap.standard.remapped([.quit: [.control("c")]]).bindings.first { $0.command == .quit }?.keys == [.control("c")])
    }

    @Test func ctrlLRedrawsAndCtrlZSuspendsWherever() {
        for focus in Focus.allCases {
            #expect(keyMap.command(for: .control("l"), focus: focus) == .redraw, "\(focus)")
            #expect(keyMap.command(for: .control("z"), focus: focus) == .suspend, "\(focus)")
        }
    }

    @Test func spaceAndCtrlKeysPageTheReaderTheListAboutAndHelp() {
        for focus in [Focus.itemList, .itemDetail, .members, .about, .help] {
            for key in [Key.character(" "), .control("d"), .control("f"), .pageDown] {
                #expect(keyMap.command(for: key, focus: focus) == .pageDown, "\(key) in \(focus)")
            }
            for key in [Key.control("b"), .control("u"), .pageUp] {
                #expect(keyMap.command(for: key, focus: focus) == .pageUp, "\(key) in \(focus)")
            }
        }
        // Space still selects in the filter pane, and types a space in the search line.
        #expect(keyMap.command(for: .character(" "), focus: .filters) == .toggleFilter)
        #expect(keyMap.command(for: .character(" "), focus: .search) == .typed(" "))
    }

    @Test func bracketsStepThroughItemsFromTheReaderAndAreRemappable() {
        #expect(keyMap.command(for: .character("]"), focus: .itemDetail) == .nextItem)
        #expect(keyMap.command(for: .character("["), focus: .itemDetail) == .previousItem)
        #expect(keyMap.command(for: .character("J"), focus: .itemDetail) == .join)
        #expect(KeyAction.command(named: "next_item") == .nextItem)
        let map = keyMap.remapped([.nextItem: [.character("N")], .previousItem: [.character("P")]])
        #expect(map.command(for: .character("N"), focus: .itemDetail) == .nextItem)
        #expect(map.command(for: .character("P"), focus: .itemDetail) == .previousItem)
        #expect(map.command(for: .character("]"), focus: .itemDetail) == nil)
        #expect(map.conflicts() == [])
    }

    @Test func theSearchLineTakesReadlineKeys() {
        let expected: [(Key, Command)] = [
            (.left, .editLine(.left)), (.right, .editLine(.right)), (.home, .editLine(.home)), (.end, .editLine(.end)),
            (.control("a"), .editLine(.home)), (.control("e"), .editLine(.end)), (.delete, .editLine(.deleteForward)),
            (.control("u"), .editLine(.killToStart)), (.control("k"), .editLine(.killToEnd)),
            (.control("w"), .editLine(.killWordBackward)), (.backspace, .deleteBackward),
        ]
        for (key, command) in expected {
            #expect(keyMap.command(for: key, focus: .search) == command, "\(key)")
        }
        // Outside the line, Ctrl-U pages and Backspace removes the last filter.
        #expect(keyMap.command(for: .control("u"), focus: .itemList) == .pageUp)
        #expect(keyMap.command(for: .backspace, focus: .itemList) == .removeLastFilter)
        #expect(keyMap.command(for: .backspace, focus: .itemDetail) == .back)
    }

    @Test func deleteIsDecodedAndNamed() {
        // KEY_DC is 0512.
        #expect(KeyDecoder.decode(status: 0o400, value: 0o512) == .delete)
        #expect(KeyDecoder.decode(status: 0, value: 26) == .control("z"))
        #expect(KeyName.parse("delete") == .delete)
        #expect(Key.delete.label == "Del")
    }

    @Test func theStandardMapStillHasNoConflicts() {
        #expect(keyMap.conflicts() == [])
    }
}
