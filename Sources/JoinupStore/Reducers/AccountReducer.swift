import JoinupModel
import JoinupSync

/// Sign-in, the outbox and the join/leave confirmation.
enum AccountReducer {
    /// Results of the account and outbox effects.
    static func reduce(_ account: inout AccountState, _ action: Action, _ context: inout ReducerContext) -> [Effect] {
        switch action {
        case .accountLoaded(let signedIn, let user, let waiting):
            account.isLoaded = true
            account.isSignedIn = signedIn
            account.userName = user
            account.waitingActions = waiting
            return deliverIfWaiting(&account, context)
        case .membershipQueued(let waiting):
            account.waitingActions = waiting
            return deliverIfWaiting(&account, context)
        case .outboxDelivered(let results, let waiting):
            account.isDelivering = false
            account.waitingActions = waiting
            guard let last = results.last else { return [] }
            // The remote's answer says whether the token works.
            if last.outcome == .notSignedIn { account.isSignedIn = false }
            if results.contains(where: { $0.outcome.isFinal }) { account.isSignedIn = true }
            // The title is the part to shorten: the outcome ("is under approval") must stay visible.
            context.status = StatusMessage(kind(of: last.outcome), TerminalText.line(last.message),
                                           subject: TerminalText.line(last.action.collectionTitle))
            return []
        case .outboxTick:
            return deliverIfWaiting(&account, context)
        case .outboxLoaded(let actions, let at):
            account.outbox = actions
            account.outboxReadAt = at
            account.waitingActions = actions.count
            return []
        default:
            return []
        }
    }

    /// Delivered is a success; kept in the outbox (to send later) a warning; refused an error.
    static func kind(of outcome: MembershipOutcome) -> StatusMessage.Kind {
        switch outcome {
        case .joined, .joinPending, .left, .withdrawn: .success
        case .queued, .notSignedIn: .warning
        case .blocked, .ownerCannotLeave, .refused, .noJoinAPI: .error
        }
    }

    /// Starts a delivery when requests wait and none is running.
    static func deliverIfWaiting(_ account: inout AccountState, _ context: ReducerContext) -> [Effect] {
        guard account.waitingActions > 0, !account.isDelivering, !account.isReadonly else { return [] }
        account.isDelivering = true
        return [.deliverOutbox(remote: context.remote)]
    }

    /// `J`/`L`: opens the confirmation for the open collection, or for the one selected in the
    /// picker (whose open/closed flag the runtime reads from the cache first).
    static func membershipCommand(_ kind: MembershipActionKind, in state: inout AppState) -> [Effect] {
        guard !state.account.isReadonly else {
            state.status = StatusMessage(.error, readonlyMessage)
            return []
        }
        if case .picker(let picker) = state.modal {
            guard let chosen = picker.selected else { return [] }
            guard chosen.listing.isSynced else {
                // Joining needs the collection's metadata, which a sync brings.
                let title = TerminalText.line(chosen.collection.title)
                state.status = StatusMessage(.error, "Open \(title) first (Enter syncs it)", subject: title)
                return []
            }
            state.modal = .none
            return [.prepareMembershipDialog(uri: chosen.collection.uri, kind: kind)]
        }
        guard let header = state.header else { return [] }
        let request = MembershipRequest(collectionAlias: header.alias, collectionURI: header.uri,
                                        collectionTitle: header.title, kind: kind)
        present(MembershipDialog(request: request, isClosed: state.about.collection?.isClosed ?? false,
                                 isSignedIn: state.account.isSignedIn), in: &state)
        return []
    }

    /// Puts the confirmation over what is on screen (in place of an older confirmation).
    static func present(_ dialog: MembershipDialog, in state: inout AppState) {
        var dialog = dialog
        dialog.isSignedIn = state.account.isSignedIn
        if case .dialog(_, let covered) = state.modal {
            state.modal = .dialog(dialog, over: covered)
        } else {
            state.modal = .dialog(dialog, over: state.modal)
        }
    }

    /// Keys while the confirmation is open: y/Enter queues the request, n/Esc drops it.
    static func dialog(_ command: Command, _ dialog: MembershipDialog, covered: Modal, in state: inout AppState) -> [Effect] {
        switch command {
        case .confirm:
            state.modal = covered
            state.status = StatusMessage(.busy, dialog.request.kind == .join ? "Joining…" : "Leaving…")
            return [.queueMembership(dialog.request)]
        case .cancelDialog:
            return cancel(covered: covered, in: &state)
        default:
            return []
        }
    }

    /// n/Esc in any confirmation: it closes, giving back what it covered, and nothing is done.
    static func cancel(covered: Modal, in state: inout AppState) -> [Effect] {
        state.modal = covered
        state.status = StatusMessage(.info, "Cancelled")
        return []
    }
}

extension [DeliveryResult] {
    /// Whether a delivery stored a final answer for this collection (its header and Members change).
    func changedCollection(_ uri: String) -> Bool {
        contains { $0.action.collectionURI == uri && $0.outcome.isFinal }
    }
}
