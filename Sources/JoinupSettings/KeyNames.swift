import JoinupStore

/// Key names as config.toml writes them ("j", "ctrl-c", "pgdn", "space", "f5").
public enum KeyName {
    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "backspace": .backspace, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
        "space": .character(" "), "delete": .delete, "del": .delete,
    ]

    /// The key a name stands for; nil when it names none. One character is that character (case kept).
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let character = text.first, !character.isWhitespace { return .character(character) }
        let lowered = text.lowercased()
        if let key = named[lowered] { return key }
        for prefix in ["ctrl-", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            if rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter { return .control(letter) }
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number) {
            return .function(number)
        }
        return nil
    }
}

/// The actions config.toml's `[keys]` can rebind, by name.
public enum KeyAction {
    /// Action name → command, in help order.
    public static let all: [(name: String, command: Command)] = [
        ("move_up", .moveUp), ("move_down", .moveDown), ("page_up", .pageUp), ("page_down", .pageDown),
        ("top", .moveToTop), ("bottom", .moveToBottom), ("open", .open), ("back", .back),
        ("filters", .focusFilters), ("list", .focusList), ("toggle_filter", .toggleFilter),
        ("search", .startSearch), ("sort", .cycleSort), ("role_filter", .cycleRoleFilter),
        ("clear_filters", .clearFilters), ("next_tab", .nextTab), ("previous_tab", .previousTab),
        ("tab_overview", .showTab(.overview)), ("tab_members", .showTab(.members)), ("tab_about", .showTab(.about)),
        ("sync", .sync), ("collections", .toggleCollectionPicker), ("join", .join), ("leave", .leave),
        ("confirm", .confirm), ("cancel", .cancelDialog), ("open_link", .openLink),
        ("theme", .cycleTheme), ("help", .toggleHelp), ("quit", .quit),
        ("messages", .toggleMessages), ("dismiss_message", .dismissMessage),
        ("redraw", .redraw), ("suspend", .suspend), ("next_item", .nextItem), ("previous_item", .previousItem),
        ("remove_filter", .removeLastFilter),
        ("copy_link", .copyLink),
        ("outbox", .toggleOutbox), ("cancel_request", .cancelOutboxAction), ("retry", .retryOutbox),
    ]

    public static func command(named name: String) -> Command? {
        all.first { $0.name == name }?.command
    }
}
