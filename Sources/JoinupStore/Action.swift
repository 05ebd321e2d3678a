import Foundation
import JoinupCache
import JoinupModel
import JoinupSync

/// Something that happened: a user command, a measurement, or a result coming back from an effect.
public enum Action: Hashable, Sendable {
    case started(collectionURI: String)
    case commandIssued(Command)
    case viewportChanged(Viewport)
    case collectionLoaded(header: CollectionHeader, about: Collection, aboutTopics: [Topic])
    /// The last filter and sort used on this collection, from the cache (nil: never saved).
    case viewRestored(ItemFilter?, ItemSort?)
    case overviewLoaded(revision: Int, facets: [FacetCount], kindCounts: [ItemKind: Int], itemCount: Int, window: ItemWindow)
    case itemWindowLoaded(revision: Int, ItemWindow)
    case membersLoaded(role: Role?, nameQuery: String, members: [Member], roleCounts: [Role: Int])
    /// The search line's text was parsed into a filter (or not), with the vocabulary it needs.
    case searchParsed(text: String, result: SearchParse)
    case itemLoaded(ItemDetail)
    case loadFailed(String)
    /// A sync run reported how far it has come.
    case syncProgressed(SyncProgress)
    case syncFinished(SyncSummary)
    /// A sync committed new data to the cache (the store observes the cache, sync never calls it).
    case cacheChanged
    /// The cache file was replaced or moved under the running app: it stops, saying why.
    case cacheReplaced(String)
    /// What the collections browser lists (the directory, or the cached collections without one).
    case collectionsListed(CollectionCatalog)
    /// The directory's owner, contact point and country names for a collection's About.
    case directoryAboutLoaded(uri: String, DirectoryAbout)
    /// A collection chosen in the browser was synced (or not: `failure` says why).
    case collectionSynced(DirectoryCollection, failure: String?)
    /// Something outside the store (the terminal app: config problems at start) has a message.
    case statusShown(StatusMessage)
    /// The link of the item `o` asked for, read from the cache.
    case linkFound(String)
    /// The terminal has carried out `.openLink` (opened the link or refused it); this is what to say.
    case linkHandled(StatusMessage)
    /// The terminal has carried out `.nextTheme` and now draws with the theme named.
    case themeChanged(name: String)
    /// `.syncTimer` ran out: time for the periodic sync.
    case syncDue
    /// Whether a token is stored (and whose), and how many requests wait in the outbox.
    case accountLoaded(signedIn: Bool, user: String?, waiting: Int)
    /// The confirmation for a collection chosen in the picker, with its open/closed flag.
    case membershipDialogReady(MembershipDialog)
    /// A confirmed request was committed to the outbox; `waiting` requests are in it now.
    case membershipQueued(waiting: Int)
    /// A delivery attempt finished: what came of each request tried, and how many still wait.
    case outboxDelivered([DeliveryResult], waiting: Int)
    /// The retry timer fired.
    case outboxTick
    /// The terminal has carried out `.redraw` or `.suspend` (after `fg`): the screen is whole again.
    case terminalRestored
    /// The link of the item `y` asked for, read from the cache.
    case linkToCopyFound(String)
    /// Upcoming and past events for the Overview's filter (sent after `.overviewLoaded` while
    /// Event is selected).
    case eventTimingCounted(revision: Int, [EventTiming: Int])
    /// The outbox as read at `at` (after a load, a queueing, a delivery or a cancel).
    case outboxLoaded([PendingAction], at: Date)
    /// A request was cancelled from the outbox overlay (nil: it had already left the outbox).
    case outboxActionCancelled(PendingAction?)
    /// The credentials file changed under the app (`joinup login`/`logout` in another shell).
    case credentialsChanged
    /// The collection on screen was opened; `previous` is when it was opened before (nil: never).
    case collectionOpened(uri: String, previous: Date?)
    /// Where `n`/`N` found an unread item in the filtered list (nil: none unread).
    case unreadFound(revision: Int, offset: Int?)
    /// Read marks were stored; the collection now has this many unread items.
    case readStateSaved(uri: String, unreadCount: Int)
    /// `A` marked `marked` items read; the collection now has `unreadCount` unread.
    case allMarkedRead(uri: String, marked: Int, unreadCount: Int)
    /// Unread items under an Overview revision's filter minus its read-state selection.
    case unreadCounted(revision: Int, count: Int)
}

/// What parsing the search line gave: a filter, or an error to show.
public enum SearchParse: Hashable, Sendable {
    case filter(ItemFilter)
    case error(String)
}

/// Work the runtime does on the reducer's behalf; results come back as actions.
public enum Effect: Hashable, Sendable {
    /// The filter and sort last used on a collection.
    case restoreView(uri: String)
    /// Header and About.
    case loadCollection(uri: String)
    /// Counts, facets and the first window of the content list for a filter.
    case loadOverview(uri: String, filter: ItemFilter, sort: ItemSort, revision: Int, windowSize: Int)
    /// A window of the content list around `offset`.
    case loadItemWindow(collectionURI: String, filter: ItemFilter, sort: ItemSort, revision: Int, offset: Int, limit: Int)
    case loadMembers(uri: String, role: Role?, nameQuery: String)
    /// Remember a collection's filter and sort for the next start.
    case saveView(uri: String, filter: ItemFilter, sort: ItemSort)
    /// Turn search-line text into a filter (the query language needs the topic vocabulary).
    case parseSearch(uri: String, text: String, base: ItemFilter)
    case loadItem(collectionURI: String, id: String)
    /// Sync every collection of the remote's directory into the cache.
    case sync(remote: String)
    /// Watch the cache for commits and report each as `.cacheChanged`, for as long as the app runs.
    case observeCache
    case listCollections
    /// Sync one collection of the directory (never synced before) from the remote.
    case syncCollection(DirectoryCollection, remote: String)
    /// The link of one item, for `o` on a list row.
    case findLink(collectionURI: String, id: String)
    /// Read the credentials and count the outbox.
    case loadAccount
    /// Read a collection's open/closed flag and open the confirmation for it.
    case prepareMembershipDialog(uri: String, kind: MembershipActionKind)
    /// Commit a confirmed request to the outbox (before anything is sent).
    case queueMembership(MembershipRequest)
    /// Send what is due in the outbox.
    case deliverOutbox(remote: String?)
    /// Report `.outboxTick` every few seconds, for as long as the app runs.
    case outboxTimer
    /// Report `.syncDue` once, `seconds` from now (the periodic sync; the reducer starts the next).
    case syncTimer(seconds: Int)
    /// Work on the terminal itself, carried out by the terminal runtime between frames.
    case terminal(TerminalEffect)
    /// The link of one item, for `y` on a list row.
    case findLinkToCopy(collectionURI: String, id: String)
    /// Read the outbox (answered by `.outboxLoaded`).
    case loadOutbox
    /// Drop one waiting request without sending it.
    case cancelOutboxAction(id: Int64)
    /// Make every waiting request due now and deliver them.
    case retryOutbox(remote: String?)
    /// Store that a collection is opened now; answered by `.collectionOpened`.
    case recordOpening(uri: String)
    /// Mark items read (or unread); answered by `.readStateSaved`.
    case setRead(collectionURI: String, ids: [String], read: Bool)
    /// Find the next (or previous) unread item from list offset `from`; answered by `.unreadFound`.
    case findUnread(collectionURI: String, filter: ItemFilter, sort: ItemSort, revision: Int, from: Int, backward: Bool)
    /// Mark everything a filter shows read, in one statement; answered by `.allMarkedRead`.
    case markAllRead(collectionURI: String, filter: ItemFilter)
}

/// Work only the terminal runtime can do (bubbletea's `ExecProcess`): the store hands these over
/// instead of running them (`Store.takeTerminalEffects`), and the answer comes back as an action.
public enum TerminalEffect: Hashable, Sendable {
    /// Open a link with the configured browser; a browser that draws in the terminal gets the
    /// screen until it exits. Answered by `.linkHandled`.
    case openLink(String)
    /// Draw with the next theme of the cycle. Answered by `.themeChanged`.
    case nextTheme
    /// Repaint every cell on the next frame (Ctrl-L). Answered by `.terminalRestored`.
    case redraw
    /// Restore the terminal, stop the process (SIGTSTP) and take the screen back on SIGCONT.
    /// Answered by `.terminalRestored`.
    case suspend
    /// Put a link on the clipboard (OSC 52 where configured) and say so, with the link.
    /// Answered by `.linkHandled`.
    case copyLink(String)
}

extension Effect {
    /// Effects that report for as long as the app runs (cache observation, the outbox timer):
    /// a harness that runs effects to completion must skip them.
    public var livesAsLongAsTheApp: Bool {
        self == .observeCache || self == .outboxTimer
    }
}
