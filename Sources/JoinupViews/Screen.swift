import JoinupStore

/// The one entry point of the view layer: a whole frame drawn from the state.
public enum Screen {
    public static let tooSmallMessage =
        "Terminal too small (need \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight))"

    /// Clears the surface and draws `state` on it.
    public static func render(_ state: AppState, on surface: inout some Surface, keyMap: KeyMap = .standard) {
        surface.clear()
        let layout = ScreenLayout(width: surface.width, height: surface.height)
        guard !layout.isTooSmall else {
            renderTooSmall(on: &surface)
            return
        }
        HeaderView.render(state, in: layout.header, on: &surface)
        TabBar.render(state, in: layout.tabBar, on: &surface)
        switch state.tab {
        case .overview: OverviewPane.render(state, layout: layout, on: &surface)
        case .members: MembersPane.render(state, in: layout.membersContent, on: &surface)
        case .about: AboutPane.render(state, in: layout.aboutContent, on: &surface)
        }
        StatusLine.render(state, keyMap: keyMap, in: layout.status, on: &surface)
        // Covered modals first, so what has the keys is drawn on top.
        for modal in state.modal.layers.reversed() {
            switch modal {
            case .none, .search: break  // the search line lives in the status line
            case .picker(let picker):
                CollectionsBrowserOverlay.render(picker, openURI: state.collectionURI, account: state.account, on: &surface)
            case .help(let help, _): HelpOverlay.render(keyMap, scroll: help.scroll, on: &surface)
            case .dialog(let dialog, _): DialogOverlay.render(dialog, keyMap: keyMap, on: &surface)
            case .messages(let log, _): MessageLogOverlay.render(state.messages, scroll: log.scroll, on: &surface)
            case .linkChooser(let chooser): LinkChooserOverlay.render(chooser, keyMap: keyMap, on: &surface)
            case .outbox(let overlay): OutboxOverlayView.render(overlay, account: state.account, on: &surface)
            case .markAllRead(let dialog, _): DialogOverlay.render(dialog, keyMap: keyMap, on: &surface)
            }
        }
    }

    /// Only the message, cut to fit and centred.
    private static func renderTooSmall(on surface: inout some Surface) {
        guard surface.width > 0, surface.height > 0 else { return }
        // Wrapped rather than cut, so the needed size stays readable on a narrow screen;
        // cut only when even the wrapped lines don't fit.
        let reason = "Terminal too small", need = "(need \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight))"
        var lines = [tooSmallMessage]
        if TextWidth.width(tooSmallMessage) > surface.width {
            lines = max(TextWidth.width(reason), TextWidth.width(need)) <= surface.width
                ? [reason, need] : TextWidth.wrap(tooSmallMessage, width: surface.width)
        }
        if lines.count > surface.height {
            lines = [TextWidth.truncate(tooSmallMessage, to: surface.width)]
        }
        let top = max(0, (surface.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let text = TextWidth.truncate(line, to: surface.width)
            let x = (surface.width - TextWidth.width(text)) / 2
            surface.put(text, x: x, y: top + index, style: .statusError)
        }
    }
}
