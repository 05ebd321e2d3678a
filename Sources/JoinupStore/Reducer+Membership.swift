import JoinupModel
import JoinupSync

/// `J`/`L`: opens the confirmation for the open collection, or for the one selected in the picker
/// (whose open/closed flag the runtime reads from the cache first).
func handleMembershipCommand(_ kind: MembershipActionKind, in state: inout AppState) -> [Effect] {
    guard !state.account.isReadonly else {
        state.status = StatusMessage(.error, readonlyMessage)
        return []
    }
    if let picker = state.picker {
        guard let chosen = picker.selected else { return [] }
        guard chosen.listing.isSynced else {
            // Joining needs the collection's metadata, which a sync brings.
            state.status = StatusMessage(.error, "Open \(TerminalText.line(chosen.collection.title)) first (Enter syncs it)")
            return []
        }
        state.picker = nil
        return [.prepareMembershipDialog(uri: chosen.collection.uri, kind: kind)]
    }
    guard let header = state.header else { return [] }
    let request = MembershipRequest(collectionAlias: header.alias, collectionURI: header.uri,
                                    collectionTitle: header.title, kind: kind)
    state.account.dialog = MembershipDialog(request: request, isClosed: state.about?.isClosed ?? false,
                                            isSignedIn: state.account.isSignedIn)
    return []
}

/// Keys while the confirmation is open: y/Enter queues the request, n/Esc drops it.
func handleDialog(_ command: Command, in state: inout AppState) -> [Effect] {
    guard let dialog = state.account.dialog else { return [] }
    switch command {
    case .confirm:
        state.account.dialog = nil
        state.status = StatusMessage(.busy, dialog.request.kind == .join ? "Joining…" : "Leaving…")
        return [.queueMembership(dialog.request)]
    case .cancelDialog:
        state.account.dialog = nil
        state.status = StatusMessage(.info, "Cancelled")
        return []
    case .quit:
        state.isQuitting = true
        return []
    default:
        return []
    }
}

/// Results of the account and outbox effects.
func reduceMembership(_ action: Action, in state: inout AppState) -> [Effect] {
    switch action {
    case .accountLoaded(let signedIn, let user, let waiting):
        state.account.isLoaded = true
        state.account.isSignedIn = signedIn
        state.account.userName = user
        state.account.waitingActions = waiting
        return deliverIfWaiting(&state)

    case .membershipDialogReady(let dialog):
        var dialog = dialog
        dialog.isSignedIn = state.account.isSignedIn
        state.account.dialog = dialog
        return []

    case .membershipQueued(let waiting):
        state.account.waitingActions = waiting
        return deliverIfWaiting(&state)

    case .outboxDelivered(let results, let waiting):
        state.account.isDelivering = false
        state.account.waitingActions = waiting
        guard let last = results.last else { return [] }
        // The remote's answer says whether the token works.
        if last.outcome == .notSignedIn { state.account.isSignedIn = false }
        if results.contains(where: { $0.outcome.isFinal }) { state.account.isSignedIn = true }
        let good: Set<MembershipOutcome> = [.joined, .joinPending, .left]
        state.status = StatusMessage(good.contains(last.outcome) ? .info : .error, TerminalText.line(last.message))
        // The header and Members show what the delivery stored.
        guard let uri = state.collectionURI, results.contains(where: { $0.action.collectionURI == uri && $0.outcome.isFinal })
        else { return [] }
        return [.loadCollection(uri: uri), .loadMembers(uri: uri, role: state.members.role, nameQuery: state.members.nameQuery)]

    case .outboxTick:
        return deliverIfWaiting(&state)

    default:
        return []
    }
}

/// Starts a delivery when requests wait and none is running.
func deliverIfWaiting(_ state: inout AppState) -> [Effect] {
    guard state.account.waitingActions > 0, !state.account.isDelivering, !state.account.isReadonly else { return [] }
    state.account.isDelivering = true
    return [.deliverOutbox(remote: state.remote)]
}
