import JoinupModel
import JoinupStore

/// The bottom line: key hints for the focus on the left, the status message or data origin on the right.
enum StatusLine {
    static func render(_ state: AppState, keyMap: KeyMap, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        surface.fill(rect, style: .statusBar)
        let content = rect.inset(left: 1, right: 1)
        if let search = state.modal.search {
            renderSearch(search, keyMap: keyMap, in: content, on: &surface)
            return
        }
        let waiting = state.account.waitingActions > 0 ? MembershipWording.waiting(state.account.waitingActions) : ""
        let origin = state.header?.origin.summary(in: state.timeZone) ?? ""
        let wanted = [waiting, state.status.map { TerminalText.line($0.text) } ?? origin].filter { !$0.isEmpty }
        // The hints keep their place (the help hint always); the message takes what is left.
        let focusHints = keyMap.hintList(for: state.focus)
        let help = keyMap.bindings.first { $0.command == .toggleHelp && $0.contexts.contains(state.focus) }?.hint
        let hints = StatusLineFit.hints(focusHints, essential: help.flatMap { focusHints.contains($0) ? $0 : nil },
                                        rightWidth: TextWidth.width(wanted.joined(separator: " · ")), width: content.width)
        surface.put(hints, x: content.x, y: content.y, maxWidth: content.width, style: .statusBar)
        let hintsWidth = TextWidth.width(hints)
        let room = content.width - (hintsWidth > 0 ? hintsWidth + 2 : 0)
        let waitingPart = waiting.isEmpty ? "" : waiting + (wanted.count > 1 ? " · " : "")
        let messageRoom = room - TextWidth.width(waitingPart)
        var right = waitingPart, style = Style.statusBar
        if let status = state.status {
            right += messageRoom > 0 ? StatusLineFit.message(status, more: messageLogKey(keyMap), width: messageRoom) : ""
            style = self.style(of: status.kind)
        } else {
            right += TextWidth.truncate(origin, to: max(0, messageRoom))
        }
        right = TextWidth.truncate(right, to: max(0, room))
        let rightWidth = TextWidth.width(right)
        if rightWidth > 0 {
            surface.put(right, x: content.maxX - rightWidth, y: content.y, maxWidth: rightWidth, style: style)
        }
    }

    /// The theme role a message of this kind is drawn in (warnings share the busy role's colour:
    /// both say "look, but nothing broke").
    static func style(of kind: StatusMessage.Kind) -> Style {
        switch kind {
        case .info, .success: .statusOK
        case .busy, .warning: .statusBusy
        case .error: .statusError
        }
    }

    /// The key that opens the message log, as a cut message names it ("M").
    static func messageLogKey(_ keyMap: KeyMap) -> String {
        keyMap.bindings.first { $0.command == .toggleMessages }?.keys.first?.label ?? "M"
    }

    /// "/europ▏" while typing, with why it does not parse (or the keys) on the right.
    private static func renderSearch(_ search: SearchLine, keyMap: KeyMap, in content: Rect, on surface: inout some Surface) {
        let right = search.error ?? keyMap.hints(for: .search)
        let rightWidth = min(TextWidth.width(right), content.width / 2)
        if rightWidth > 0 {
            surface.put(right, x: content.maxX - rightWidth, y: content.y, maxWidth: rightWidth,
                        style: search.error == nil ? .statusBar : .statusError)
        }
        let prompt = search.target == .items ? "/" : "/name: "
        let room = max(0, content.width - rightWidth - 2 - TextWidth.width(prompt) - 1)
        // The cursor stays visible: text before it scrolls off to the left, text after it is cut.
        let split = search.text.index(search.text.startIndex, offsetBy: search.cursor)
        var before = TerminalText.line(String(search.text[..<split]))
        let after = TerminalText.line(String(search.text[split...]))
        while TextWidth.width(before) > room, !before.isEmpty { before.removeFirst() }
        var x = surface.put(prompt, x: content.x, y: content.y, style: .statusBusy)
        x = surface.put(before, x: x, y: content.y, style: .statusBar)
        guard let under = after.first else {
            surface.put("▏", x: x, y: content.y, style: .statusBusy)
            return
        }
        // Inside the text the cursor is the character it stands on, reversed.
        x = surface.put(String(under), x: x, y: content.y, style: .selectedRow)
        let rest = TextWidth.truncate(String(after.dropFirst()), to: max(0, room - TextWidth.width(before) - TextWidth.width(String(under))))
        surface.put(rest, x: x, y: content.y, style: .statusBar)
    }
}
