import Foundation
import JoinupCache
import JoinupModel
import JoinupSync

extension EffectRunner {
    /// The account and outbox effects.
    func runMembership(_ effect: Effect, send: @Sendable (Action) async -> Void) async throws {
        switch effect {
        case .loadAccount:
            var stored: Credentials?
            do {
                stored = try credentials?.load(for: remote)
            } catch {
                // A credentials file others can read (or garbage) is not used: say why.
                await send(.loadFailed(error.description))
            }
            let waiting = try cache.pendingActions()
            await send(.outboxLoaded(waiting, at: Date()))
            await send(.accountLoaded(signedIn: stored != nil, user: stored?.user, waiting: waiting.count))
        case .prepareMembershipDialog(let uri, let kind):
            let about = try cache.about(collectionURI: uri)
            if let layout = remote.flatMap(RemoteLayout.init(base:)), layout.isJoinupItself {
                // Joinup takes joins only on its web page: say where, queue nothing.
                let outcome = MembershipOutcome.noJoinAPI(pageURL: layout.collectionPage(about.alias))
                await send(.loadFailed(MembershipWording.message(for: outcome, title: about.title)))
                return
            }
            let request = MembershipRequest(collectionAlias: about.alias, collectionURI: uri,
                                            collectionTitle: about.title, kind: kind)
            let signedIn = (try? credentials?.load(for: remote)) != nil
            await send(.membershipDialogReady(MembershipDialog(request: request, isClosed: about.isClosed, isSignedIn: signedIn)))
        case .queueMembership(let request):
            // Committed before anything is sent: a crash from here on loses nothing.
            _ = try cache.enqueue(request)
            let waiting = try cache.pendingActions()
            await send(.outboxLoaded(waiting, at: Date()))
            await send(.membershipQueued(waiting: waiting.count))
        case .deliverOutbox(let remote):
            await deliverOutbox(remote: remote, send: send)
        case .outboxTimer:
            // Each tick also looks at the credentials file (one stat): a sign-out elsewhere shows.
            var stamp = credentials?.fileStamp()
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(retryInterval))
                let now = credentials?.fileStamp()
                if now != stamp {
                    stamp = now
                    await send(.credentialsChanged)
                }
                await send(.outboxTick)
            }
        case .loadOutbox:
            await send(.outboxLoaded(try cache.pendingActions(), at: Date()))
        case .cancelOutboxAction(let id):
            let cancelled = try cache.cancelPendingAction(id: id)
            await send(.outboxActionCancelled(cancelled))
            await send(.outboxLoaded(try cache.pendingActions(), at: Date()))
        case .retryOutbox(let remote):
            try cache.makePendingActionsDue()
            await deliverOutbox(remote: remote, send: send)
        default:
            return
        }
    }

    /// Delivers what is due and reports it (the credentials are read afresh: a `joinup login` in
    /// another shell takes effect on the next attempt).
    func deliverOutbox(remote: String?, send: @Sendable (Action) async -> Void) async {
        let stored = try? credentials?.load(for: remote)
        let delivery = OutboxDelivery(cache: cache, client: client, remote: remote, credentials: stored)
        let results = await delivery.deliver()
        let waiting = (try? cache.pendingActions()) ?? []
        await send(.outboxLoaded(waiting, at: Date()))
        await send(.outboxDelivered(results, waiting: waiting.count))
    }
}
