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
        var right: String
        let rightStyle: Style
        if let status = state.status {
            right = TerminalText.line(status.text)
            switch status.kind {
            case .info: rightStyle = .statusOK
            case .busy: rightStyle = .statusBusy
            case .error: rightStyle = .statusError
            }
        } else {
            right = state.header?.origin.summary(in: state.timeZone) ?? ""
            rightStyle = .statusBar
        }
        if state.account.waitingActions > 0 {
            right = MembershipWording.waiting(state.account.waitingActions) + (right.isEmpty ? "" : " · " + right)
        }
        // The message matters more than the hints, but never takes more than two thirds.
        let rightWidth = min(TextWidth.width(right), content.width * 2 / 3)
        if rightWidth > 0 {
            surface.put(right, x: content.maxX - rightWidth, y: content.y, maxWidth: rightWidth, style: rightStyle)
        }
        let hintsWidth = content.width - (rightWidth > 0 ? rightWidth + 2 : 0)
        // Whole hints only: a cut hint ("Enter ope…") helps nobody.
        var hints = ""
        for hint in keyMap.hintList(for: state.focus) {
            let next = hints.isEmpty ? hint : hints + "  " + hint
            guard TextWidth.width(next) <= hintsWidth else { break }
            hints = next
        }
        surface.put(hints, x: content.x, y: content.y, maxWidth: hintsWidth, style: .statusBar)
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
        let room = content.width - rightWidth - 2 - TextWidth.width(prompt) - 1
        // The end of a long query stays visible: that is where the typing happens.
        var text = TerminalText.line(search.text)
        while TextWidth.width(text) > max(0, room), !text.isEmpty { text.removeFirst() }
        let x = surface.put(prompt, x: content.x, y: content.y, style: .statusBusy)
        let end = surface.put(text, x: x, y: content.y, style: .statusBar)
        surface.put("▏", x: end, y: content.y, style: .statusBusy)
    }
}
