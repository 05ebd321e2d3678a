import Foundation
import JoinupModel
import JoinupSync
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Messages have a kind and a lifetime: info and success end with the next command, warnings and
/// errors stay until Esc (or a newer one), and every message is kept whole in the log.
@Suite struct MessageReducerTests {
    static let uri = ReducerTests.uri
    static let sortedOldest = StatusMessage(.info, "Sorted \(ItemSort.oldest.label)")

    /// `s` on a loaded browser: its reload and its info message.
    static func sort(_ store: inout TestStore) {
        let step = FilterReducerTests.reloading(store) {
            $0.overview.sort = .oldest
            $0.status = sortedOldest
        }
        store.send(.cycleSort, effects: step.effects, step.update)
    }

    @Test func anInfoEndsWithTheNextCommandAndStaysInTheLog() {
        var store = TestStore(FilterReducerTests.loaded())
        Self.sort(&store)
        store.send(.moveDown) {
            $0.overview.cursor.selection = 1
            $0.status = nil
        }
        #expect(store.state.messages.log.first?.message == Self.sortedOldest)
    }

    @Test func anInfoNeverSurvivesATabSwitch() {
        var store = TestStore(FilterReducerTests.loaded())
        Self.sort(&store)
        store.send(.showTab(.members)) {
            $0.tab = .members
            $0.status = nil
        }
    }

    @Test func aSuccessEndsWithTheNextCommandToo() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.syncFinished(SyncSummary(finishedAt: "14:02", newItems: 3))) {
            $0.status = StatusMessage(.success, "Synced 14:02 · 3 new")
        }
        store.send(.nextTab) {
            $0.tab = .members
            $0.status = nil
        }
    }

    @Test func anErrorStaysThroughCommandsUntilEscapeDismissesIt() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.sync) { $0.status = StatusMessage(.error, noRemoteMessage) }
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.send(.showTab(.about)) { $0.tab = .about }
        #expect(store.state.status?.kind == .error)
        store.send(.dismissMessage) { $0.status = nil }
        #expect(store.state.status == nil)
        #expect(store.state.messages.log.first?.message == StatusMessage(.error, noRemoteMessage))
    }

    @Test func anInfoDoesNotHideAnErrorButANewerErrorReplacesIt() {
        var store = TestStore(FilterReducerTests.loaded())
        let failure = StatusMessage(.error, "Cache error: disk I/O error")
        store.send(.loadFailed(failure.text)) { $0.status = failure }
        Self.sort(&store)
        #expect(store.state.status == failure, "the info is only logged")
        #expect(store.state.messages.log.prefix(2).map(\.message) == [Self.sortedOldest, failure])
        let newer = StatusMessage(.error, "Cache error: database is locked")
        store.send(.loadFailed(newer.text)) { $0.status = newer }
        #expect(store.state.status == newer)
    }

    @Test func aWarningStaysUntilDismissed() {
        var store = TestStore(ReducerTests.loaded())
        let warning = StatusMessage(.warning, "config.toml:3: unknown theme \"x\"; using default")
        store.send(.statusShown(warning)) { $0.status = warning }
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        #expect(store.state.status == warning)
        store.send(.dismissMessage) { $0.status = nil }
    }

    @Test func aQueryErrorGoesOnceAQueryIsKept() {
        var store = TestStore(ReducerTests.loaded())
        store.assume { $0.modal = .search(SearchLine(target: .items, text: "type:", error: "col 6: expected a value", base: ItemFilter.none)) }
        store.send(.submitSearch) {
            $0.modal = .none
            $0.status = StatusMessage(.error, "col 6: expected a value", origin: .query)
        }
        // Other commands leave it; a query that parses ends it.
        store.send(.moveDown) { $0.overview.cursor.selection = 1 }
        store.assume { $0.modal = .search(SearchLine(target: .items, text: "type:news", base: ItemFilter.none)) }
        store.send(.submitSearch, effects: [.saveView(uri: Self.uri, filter: .none, sort: .newest)]) {
            $0.modal = .none
            $0.status = nil
        }
    }

    @Test func aFailedSyncKeepsEveryReasonWhole() {
        var store = TestStore(ReducerTests.loaded())
        let directory = "directory: http://127.0.0.1:9/collections.xml: Could not connect to the server (connection refused)"
        store.send(.syncFinished(SyncSummary(finishedAt: "14:02", failures: [directory, "osor: HTTP 500"]))) {
            $0.status = StatusMessage(.error, "Sync failed: \(directory) (and 1 more) — osor: HTTP 500")
        }
        let text = store.state.status?.text ?? ""
        #expect(text.contains("(connection refused)") && text.contains("osor: HTTP 500"))
    }

    @Test func aMembershipOutcomeNamesTheTitleAsTheShortenablePart() {
        var store = TestStore(ReducerTests.loaded())
        let title = "Grupo de trabajo de ciberseguridad pública"
        let pending = DeliveryResult(action: PendingAction(id: 1, collectionAlias: "gt", collectionURI: "http://data.europa.eu/w21/gt",
                                                           collectionTitle: title, kind: .join, idempotencyKey: "k",
                                                           created: Date(timeIntervalSince1970: 0), nextAttempt: Date(timeIntervalSince1970: 0)),
                                     outcome: .joinPending, membership: .pending)
        store.send(.outboxDelivered([pending], waiting: 0)) {
            $0.account.isSignedIn = true
            $0.status = StatusMessage(.success, "Your membership to the \(title) collection is under approval.", subject: title)
        }
    }

    @Test func mOpensTheLogWhichScrollsAndClosesWithMOrEscape() {
        var store = TestStore(ReducerTests.loaded())
        var viewport = ReducerTests.viewport
        viewport.messagesMaxScroll = 3
        viewport.messagesRows = 10
        store.send(.viewportChanged(viewport)) { $0.viewport = viewport }
        store.send(.toggleMessages) { $0.modal = .messages(MessageLogState(), over: .none) }
        #expect(store.state.focus == .messages)
        store.send(.moveDown) { $0.modal = .messages(MessageLogState(scroll: 1), over: .none) }
        store.send(.moveToBottom) { $0.modal = .messages(MessageLogState(scroll: 3), over: .none) }
        store.send(.pageDown)
        store.send(.toggleMessages) { $0.modal = .none }
        store.send(.toggleMessages) { $0.modal = .messages(MessageLogState(), over: .none) }
        store.send(.back) { $0.modal = .none }
    }

    @Test func theLogOpensOverThePickerAndGivesItBack() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.toggleCollectionPicker, effects: [.listCollections]) { $0.modal = .picker(CollectionsBrowser()) }
        store.send(.toggleMessages) { $0.modal = .messages(MessageLogState(), over: .picker(CollectionsBrowser())) }
        store.send(.back) { $0.modal = .picker(CollectionsBrowser()) }
    }
}

/// The log itself: bounded, newest first, progress collapsed, stamped by the runtime.
@Suite struct MessageLogTests {
    @Test func theLogKeepsTheLast200NewestFirst() {
        var messages = Messages()
        for n in 1...205 { messages.post(StatusMessage(.info, "message \(n)")) }
        #expect(messages.log.count == Messages.logLimit)
        #expect(messages.log.first?.message.text == "message 205")
        #expect(messages.log.last?.message.text == "message 6")
    }

    @Test func progressOfOneRunIsOneEntryThatEndsInItsOutcome() {
        var messages = Messages()
        messages.post(StatusMessage(.busy, "Syncing from http://x…"))
        messages.post(StatusMessage(.busy, "Syncing ec-ospo: 3/5 documents"))
        messages.post(StatusMessage(.busy, "Syncing ec-ospo: 5/5 documents"))
        messages.post(StatusMessage(.success, "Synced 14:02 · 3 new"))
        #expect(messages.log.map(\.message.text) == ["Synced 14:02 · 3 new", "Syncing ec-ospo: 5/5 documents"])
    }

    @Test func stampingDatesOnlyWhatWasNotYetStamped() {
        var messages = Messages()
        let first = Date(timeIntervalSince1970: 1_000), second = Date(timeIntervalSince1970: 2_000)
        messages.post(StatusMessage(.info, "one"))
        messages.stamp(first)
        messages.post(StatusMessage(.error, "two"))
        messages.post(StatusMessage(.info, "three"))
        messages.stamp(second)
        #expect(messages.log.map(\.shownAt) == [second, second, first])
    }

    @Test func theSameMessageTwiceIsOneEntry() {
        var messages = Messages()
        messages.post(StatusMessage(.error, "Read-only mode"))
        messages.post(StatusMessage(.error, "Read-only mode"))
        #expect(messages.log.map(\.message.text) == ["Read-only mode"])
    }
}
