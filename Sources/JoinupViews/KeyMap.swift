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
        ]
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
        let everywhere = moving.union([.help])
        // The help overlay scrolls with the same keys when it does not fit.
        let scrolling = everywhere
        let listing: Set<Focus> = [.itemList, .filters]
        let browser: Set<Focus> = [.picker, .pickerTopics]
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
            Binding([.character("o")], .openLink, in: [.itemList, .itemDetail], "Open link"),
            Binding([.character("T")], .cycleTheme, in: everywhere, "Next theme"),
            Binding([.character("?")], .toggleHelp, in: everywhere, "Toggle help", hint: "? help"),
            Binding([.escape], .toggleHelp, in: [.help], "Close help", hint: "Esc close"),
            // In the search line "q" is text (characters never reach the table there); Ctrl-C still quits.
            Binding([.character("q"), .control("c")], .quit, in: everywhere.union([.search, .dialog]), "Quit", hint: "q quit"),
            Binding([.character("m")], .toggleRead, in: [.itemList, .itemDetail], "Toggle read"),
            Binding([.character("n")], .nextUnread, in: [.itemList], "Next unread"),
            Binding([.character("N")], .previousUnread, in: [.itemList], "Prev unread"),
            Binding([.character("A")], .markAllRead, in: [.itemList], "All read"),
        ])
    }()
}
