import JoinupModel

/// The outbox overlay (`O`): the queued joins and leaves, oldest first; `c` cancels the selected
/// one, `r` sends every one now, Esc closes.
enum OutboxReducer {
    /// `O` from the browser: the overlay opens on what the app knows and reads the outbox afresh.
    static func open(in state: inout AppState) -> [Effect] {
        state.modal = .outbox(OutboxOverlay())
        return [.loadOutbox]
    }

    /// A key while the overlay has them.
    static func command(_ command: Command, _ overlay: OutboxOverlay, in state: inout AppState) -> [Effect] {
        var overlay = overlay
        let waiting = state.account.outbox
        switch command {
        case .toggleOutbox, .back:
            state.modal = .none
            return []
        case .cancelOutboxAction:
            guard waiting.indices.contains(overlay.cursor.selection) else {
                state.status = StatusMessage(.info, "Nothing to cancel: the outbox is empty")
                return []
            }
            return [.cancelOutboxAction(id: waiting[overlay.cursor.selection].id)]
        case .retryOutbox:
            return retry(in: &state)
        default:
            let rows = OutboxOverlay.rows(forHeight: state.viewport.height)
            guard let target = target(of: command, from: overlay.cursor.selection, count: waiting.count, page: rows) else {
                return []
            }
            overlay.cursor = overlay.cursor.moved(to: target, count: waiting.count, rows: rows)
            state.modal = .outbox(overlay)
            return []
        }
    }

    /// `r`: every waiting request is due now and one delivery sends them (none while one runs).
    private static func retry(in state: inout AppState) -> [Effect] {
        guard !state.account.isReadonly else {
            state.status = StatusMessage(.error, readonlyMessage)
            return []
        }
        guard !state.account.outbox.isEmpty else {
            state.status = StatusMessage(.info, "Nothing to send: the outbox is empty")
            return []
        }
        guard !state.account.isDelivering else {
            state.status = StatusMessage(.busy, "Sending already…")
            return []
        }
        state.account.isDelivering = true
        state.status = StatusMessage(.busy, "Sending the outbox (\(MembershipWording.waiting(state.account.outbox.count)))…")
        return [.retryOutbox(remote: state.remote)]
    }

    /// A fresh read of the outbox: the cursor stays on a row that exists.
    static func loaded(_ actions: [PendingAction], in state: inout AppState) {
        guard case .outbox(var overlay) = state.modal else { return }
        let rows = OutboxOverlay.rows(forHeight: state.viewport.height)
        overlay.cursor = overlay.cursor.moved(to: overlay.cursor.selection, count: actions.count, rows: rows)
        state.modal = .outbox(overlay)
    }

    /// What a cancel came to, for the status line; the outbox is read again.
    static func cancelled(_ action: PendingAction?, in state: inout AppState) -> [Effect] {
        if let action {
            let title = TerminalText.line(action.collectionTitle)
            // A success, not an info: it replaces the "queued" warning the request left, which is
            // no longer true.
            state.status = StatusMessage(.success, "Cancelled the \(action.kind.rawValue) request for \(title)", subject: title)
        } else {
            state.status = StatusMessage(.error, "That request has left the outbox already (sent or cancelled)")
        }
        return [.loadOutbox]
    }
}

extension OutboxOverlay {
    /// Requests listed at once on a screen `height` rows high: the box leaves the header's first
    /// line and the status line, and each request takes two lines (the view draws this geometry).
    public static func rows(forHeight height: Int) -> Int {
        max(1, (height - 4) / 2)
    }
}
