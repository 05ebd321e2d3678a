import JoinupSettings
import JoinupStore

/// One row of the key map: which keys issue which command where, and how help describes it.
public struct Binding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command
    /// Where the binding applies.
    public var contexts: Set<Focus>
    /// The help overlay's description ("Move up").
    public var description: String
    /// The status-line hint ("↑↓ move"), or nil when the binding is only listed in help.
    public var hint: String?

    public init(_ keys: [Key], _ command: Command, in contexts: Set<Focus>, _ description: String,
                hint: String? = nil) {
        self.keys = keys
        self.command = command
        self.contexts = contexts
        self.description = description
        self.hint = hint
    }

    /// The keys as help names them ("↑/k").
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// A titled group of bindings in the help overlay.
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var bindings: [Binding]
}

/// The one table of key bindings: commands, status hints and help all come from it.
public struct KeyMap: Hashable, Sendable {
    public var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    /// Focuses where browsing happens (everything but the help overlay).
    public static let browsing: Set<Focus> = [.itemList, .filters, .itemDetail, .members, .about]

    /// The command a key issues in a focus; the first matching binding wins. In the search
    /// line every printable character is text (so "q" and "?" can be searched for).
    public func command(for key: Key, focus: Focus) -> Command? {
        if focus == .search, case .character(let character) = key { return .typed(character) }
        // The link chooser numbers its links: a digit opens that one (the table lists "1").
        if focus == .linkChooser, case .character(let character) = key, let number = character.wholeNumberValue,
           (1...9).contains(number) {
            return .chooseLink(number)
        }
        return bindings.first { $0.contexts.contains(focus) && $0.keys.contains(key) }?.command
    }

    /// The status-line hints for a focus, in table order ("↑↓ move", "Enter open", …).
    public func hintList(for focus: Focus) -> [String] {
        bindings.filter { binding in
            // In the search line letters are text: no hint may suggest one does something.
            binding.contexts.contains(focus)
                && !(focus == .search && binding.keys.contains { if case .character = $0 { true } else { false } })
        }.compactMap(\.hint)
    }

    /// The status-line hints for a focus as one line.
    public func hints(for focus: Focus) -> String {
        hintList(for: focus).joined(separator: "  ")
    }

    /// Bindings grouped for the help overlay by where they apply: "Global" first (bindings that
    /// work wherever you browse), then one section per set of contexts ("List & Members",
    /// "Item", …) in table order. Every binding appears exactly once.
    public func helpSections() -> [HelpSection] {
        var sections: [HelpSection] = []
        var titles: [String: Int] = [:]
        let global = bindings.filter { KeyMap.browsing.isSubset(of: $0.contexts) }
        if !global.isEmpty { sections.append(HelpSection(title: "Global", bindings: global)) }
        for binding in bindings where !KeyMap.browsing.isSubset(of: binding.contexts) {
            let title = Self.title(of: binding.contexts)
            if let index = titles[title] {
                sections[index].bindings.append(binding)
            } else {
                titles[title] = sections.count
                sections.append(HelpSection(title: title, bindings: [binding]))
            }
        }
        return sections
    }

    /// "List & Members": the contexts a binding applies to, as help names them.
    static func title(of contexts: Set<Focus>) -> String {
        let names: [(Focus, String)] = [
            (.itemList, "List"), (.filters, "Filters"), (.itemDetail, "Item"), (.members, "Members"),
            (.about, "About"), (.picker, "Collections"), (.pickerTopics, "Collections"), (.search, "Search"), (.help, "Help"), (.dialog, "Confirmation"),
            (.messages, "Messages"),
            (.linkChooser, "Links"),
            (.outbox, "Outbox"),
        ]
        // Everywhere you browse but one place (Space pages all but the filter pane): say so, briefly.
        let missing = browsing.subtracting(contexts)
        if missing.count == 1, contexts.isSubset(of: browsing.union([.help, .messages, .linkChooser, .outbox])),
           let name = names.first(where: { missing.contains($0.0) })?.1 {
            return "All but \(name)"
        }
        // The collections browser's two panes (list and topics) are one place to a reader of help.
        var parts: [String] = []
        for (focus, name) in names where contexts.contains(focus) && !parts.contains(name) { parts.append(name) }
        guard parts.count > 2 else { return parts.joined(separator: " & ") }
        return parts.dropLast().joined(separator: ", ") + " & " + parts.last!
    }

    /// joinup's bindings.
    public static let standard: KeyMap = {
        // Movement means the same everywhere: a cursor in a list, the scroll of a text.
        let moving = browsing.union([.picker, .pickerTopics])
        let everywhere = moving.union([.help, .messages, .outbox])
        // The help overlay scrolls with the same keys when it does not fit; the About link
        // chooser moves its cursor with them.
        let scrolling = everywhere.union([.linkChooser])
        let listing: Set<Focus> = [.itemList, .filters]
        let browser: Set<Focus> = [.picker, .pickerTopics]
        let paging = scrolling.subtracting([.filters, .picker, .pickerTopics])
        let anywhere = everywhere.union([.search, .dialog, .linkChooser])
        return KeyMap(bindings: [
            Binding([.up, .character("k")], .moveUp, in: scrolling, "Up", hint: "↑↓ move"),
            Binding([.down, .character("j")], .moveDown, in: scrolling, "Down"),
            Binding([.pageUp], .pageUp, in: scrolling, "Page up"),
            Binding([.pageDown], .pageDown, in: scrolling, "Page down"),
            Binding([.character("g"), .home], .moveToTop, in: scrolling, "Top"),
            Binding([.character("G"), .end], .moveToBottom, in: scrolling, "Bottom"),
            Binding([.enter], .open, in: [.itemList, .picker], "Open", hint: "Enter open"),
            Binding([.escape, .backspace], .back, in: [.itemDetail, .picker], "Back", hint: "Esc back"),

            Binding([.left, .character("h")], .focusFilters, in: [.itemList], "Filters", hint: "← filters"),
            Binding([.character(" "), .enter], .toggleFilter, in: [.filters], "Select", hint: "Space select"),
            Binding([.right, .character("l"), .escape], .focusList, in: [.filters], "To the list", hint: "→ list"),
            Binding([.character("/")], .startSearch, in: listing.union([.members]), "Search", hint: "/ search"),
            Binding([.character("s")], .cycleSort, in: listing, "Sort order"),
            Binding([.character("f")], .cycleRoleFilter, in: [.members], "Role filter", hint: "f role"),
            Binding([.character("x")], .clearFilters, in: listing.union([.members]), "Clear filters"),

            // The collections browser filters as the Overview does (the same keys, remapped together):
            // topics on the left, a search of titles and abstracts, x clears both.
            Binding([.left, .character("h")], .focusFilters, in: [.picker], "Topics", hint: "← topics"),
            Binding([.character(" "), .enter], .toggleFilter, in: [.pickerTopics], "Select", hint: "Space select"),
            Binding([.right, .character("l"), .escape], .focusList, in: [.pickerTopics], "To the list", hint: "→ list"),
            Binding([.character("/")], .startSearch, in: browser, "Search", hint: "/ search"),
            Binding([.character("x")], .clearFilters, in: browser, "Clear filters"),

            Binding([.enter], .submitSearch, in: [.search], "Keep", hint: "Enter keep"),
            Binding([.escape], .cancelSearch, in: [.search], "Drop", hint: "Esc drop"),
            Binding([.backspace], .deleteBackward, in: [.search], "Delete"),

            Binding([.tab], .nextTab, in: browsing, "Next tab"),
            Binding([.backTab], .previousTab, in: browsing, "Previous tab"),
            Binding([.character("1")], .showTab(.overview), in: browsing, "Overview tab"),
            Binding([.character("2")], .showTab(.members), in: browsing, "Members tab"),
            Binding([.character("3")], .showTab(.about), in: browsing, "About tab"),
            Binding([.character("r")], .sync, in: browsing, "Sync", hint: "r sync"),
            Binding([.character("c")], .toggleCollectionPicker, in: moving, "Collections"),
            Binding([.character("J")], .join, in: browsing.union([.picker]), "Join"),
            Binding([.character("L")], .leave, in: browsing.union([.picker]), "Leave"),
            Binding([.character("y"), .enter], .confirm, in: [.dialog], "Confirm", hint: "y/Enter confirm"),
            Binding([.character("n"), .escape], .cancelDialog, in: [.dialog], "Cancel", hint: "n/Esc cancel"),
            Binding([.character("o")], .openLink, in: [.itemList, .itemDetail, .about], "Open link"),
            Binding([.character("T")], .cycleTheme, in: everywhere, "Next theme"),
            Binding([.character("?")], .toggleHelp, in: everywhere, "Toggle help", hint: "? help"),
            Binding([.escape], .toggleHelp, in: [.help], "Close help", hint: "Esc close"),
            // In the search line "q" is text (characters never reach the table there); Ctrl-C still quits.
            Binding([.character("q"), .control("c")], .quit, in: anywhere, "Quit", hint: "q quit"),
            // Messages: M opens the log (a cut message says so); Esc, where it has nothing else
            // to do, takes a warning or error off the status line.
            Binding([.character("M")], .toggleMessages, in: moving.union([.messages]), "Message log"),
            Binding([.escape], .back, in: [.messages], "Close", hint: "Esc close"),
            Binding([.escape], .dismissMessage, in: [.itemList, .members, .about], "Clear message"),

            // Terminal conventions (less, vim, newsboat): paging keys where a list or a text scrolls
            // (not in the filter pane, where Space selects).
            // Short key labels keep help's key column narrow.
            Binding([.character(" ")], .pageDown, in: paging, "Page down"),
            Binding([.control("d"), .control("f")], .pageDown, in: paging, "Page down"),
            Binding([.control("b"), .control("u")], .pageUp, in: paging, "Page up"),
            Binding([.control("l")], .redraw, in: anywhere, "Redraw"),
            Binding([.control("z")], .suspend, in: anywhere, "Suspend"),
            Binding([.character("]")], .nextItem, in: [.itemDetail], "Next item"),
            Binding([.character("[")], .previousItem, in: [.itemDetail], "Previous item"),
            Binding([.backspace], .removeLastFilter, in: [.itemList], "Remove filter"),
            // The search line edits as readline does.
            Binding([.left], .editLine(.left), in: [.search], "Left"),
            Binding([.right], .editLine(.right), in: [.search], "Right"),
            Binding([.home, .control("a")], .editLine(.home), in: [.search], "Line start"),
            Binding([.end, .control("e")], .editLine(.end), in: [.search], "Line end"),
            Binding([.delete], .editLine(.deleteForward), in: [.search], "Delete char"),
            Binding([.control("u")], .editLine(.killToStart), in: [.search], "Kill to start"),
            Binding([.control("k")], .editLine(.killToEnd), in: [.search], "Kill to end"),
            Binding([.control("w")], .editLine(.killWordBackward), in: [.search], "Kill word"),
            Binding([.character("y")], .copyLink, in: [.itemList, .itemDetail], "Copy link"),
            // The About link chooser: a number opens its link, or move (↑↓ above) and press Enter.
            Binding([.enter], .open, in: [.linkChooser], "Open", hint: "Enter open"),
            // Listed once; `command(for:focus:)` maps 2–9 the same way.
            Binding([.character("1")], .chooseLink(1), in: [.linkChooser], "Open link 1-9", hint: "1-9 open"),
            Binding([.escape], .back, in: [.linkChooser], "Close list", hint: "Esc close"),
            // The outbox overlay: what waits to be sent, from anywhere in the browser.
            Binding([.character("O")], .toggleOutbox, in: browsing.union([.outbox]), "Outbox"),
            Binding([.character("c")], .cancelOutboxAction, in: [.outbox], "Cancel", hint: "c cancel"),
            Binding([.character("r")], .retryOutbox, in: [.outbox], "Retry now", hint: "r retry now"),
            Binding([.escape], .back, in: [.outbox], "Close", hint: "Esc close"),
            Binding([.character("m")], .toggleRead, in: [.itemList, .itemDetail], "Toggle read"),
            Binding([.character("n")], .nextUnread, in: [.itemList], "Next unread"),
            Binding([.character("N")], .previousUnread, in: [.itemList], "Prev unread"),
            Binding([.character("A")], .markAllRead, in: [.itemList], "All read"),
        ])
    }()
}
