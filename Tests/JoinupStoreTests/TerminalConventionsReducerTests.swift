import Foundation
import JoinupModel
import JoinupTestSupport
import Testing
@testable import JoinupStore

/// Issue 16's terminal conventions as the reducer sees them: redraw and suspend, the reader's
/// next/previous item, readline editing of the search line, the kept query, one filter at a time,
/// and the filter pane's headings.
@Suite struct TerminalConventionsReducerTests {
    static let uri = ReducerTests.uri

    @Test func ctrlLAndCtrlZAreTerminalWorkFromAnyFocusAndTheirAnswerChangesNothing() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.redraw, effects: [.terminal(.redraw)])
        store.receive(.terminalRestored, from: .terminal(.redraw))
        // Over the search line and over help alike: nothing covering the tabs takes the keys first.
        store.send(.startSearch) { $0.modal = .search(SearchLine(target: .items, base: ItemFilter.none)) }
        store.send(.suspend, effects: [.terminal(.suspend)])
        store.receive(.terminalRestored, from: .terminal(.suspend))
        store.send(.cancelSearch) { $0.modal = .none }
        store.send(.toggleHelp) { $0.modal = .help(HelpState(), over: .none) }
        store.send(.redraw, effects: [.terminal(.redraw)])
    }

    @Test func bracketsOpenTheNextAndPreviousItemFromTheReader() {
        var store = TestStore(ReducerTests.loaded())
        store.send(.open, effects: [.loadItem(collectionURI: Self.uri, id: "item-0")])
        store.receive(.itemLoaded(ReducerTests.detail(0)), from: .loadItem(collectionURI: Self.uri, id: "item-0")) {
            $0.overview.openedItem = ReducerTests.detail(0)
        }
        store.send(.nextItem, effects: [.loadItem(collectionURI: Self.uri, id: "item-1")]) {
            $0.overview.cursor.selection = 1
        }
        store.receive(.itemLoaded(ReducerTests.detail(1)), from: .loadItem(collectionURI: Self.uri, id: "item-1")) {
            $0.overview.openedItem = ReducerTests.detail(1)
        }
        store.send(.previousItem, effects: [.loadItem(collectionURI: Self.uri, id: "item-0")]) {
            $0.overview.cursor.selection = 0
        }
        store.receive(.itemLoaded(ReducerTests.detail(0)), from: .loadItem(collectionURI: Self.uri, id: "item-0")) {
            $0.overview.openedItem = ReducerTests.detail(0)
        }
        // Before the first item there is nothing to open: the reader stays.
        store.send(.previousItem)
        #expect(store.state.focus == .itemDetail)
    }

    @Test func bracketsStopAtTheLastItemAndDoNothingInTheList() {
        var store = TestStore(ReducerTests.loaded(count: 3))
        store.send(.nextItem)
        store.assume {
            $0.overview.cursor = ListCursor(selection: 2, scrollTop: 0)
            $0.overview.openedItem = ReducerTests.detail(2)
        }
        store.send(.nextItem)
    }

    /// The line after `/` on a loaded Overview with no filter, typed plain words reloading as they go.
    static func typing(_ text: String, into store: inout TestStore) -> SearchLine {
        var line = SearchLine(target: .items, base: ItemFilter.none)
        store.send(.startSearch) { $0.modal = .search(line) }
        for character in text {
            line.text.append(character)
            let words = line.text.trimmingCharacters(in: .whitespaces)
            // A trailing space changes no filter, so nothing reloads.
            guard words != store.state.overview.filter.text else {
                store.send(.typed(character)) { $0.modal = .search(line) }
                continue
            }
            let step = FilterReducerTests.reloading(store, save: false) {
                $0.modal = .search(line)
                $0.overview.filter.text = words
            }
            store.send(.typed(character), effects: step.effects, step.update)
        }
        return line
    }

    /// Sends `command` to the search line, which must then read `text` with `after` characters
    /// after the cursor and filter by the text's words again.
    static func edit(_ command: Command, _ line: inout SearchLine, to text: String, after: Int, in store: inout TestStore,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        line.text = text
        line.charactersAfterCursor = after
        let expected = line
        let step = FilterReducerTests.reloading(store, save: false) {
            $0.modal = .search(expected)
            $0.overview.filter.text = text.trimmingCharacters(in: .whitespaces)
        }
        store.send(command, effects: step.effects, sourceLocation: sourceLocation, step.update)
    }

    @Test func theSearchLineEditsLikeReadline() {
        var store = TestStore(FilterReducerTests.loaded())
        var line = Self.typing("open source", into: &store)
        // Moving the cursor filters nothing again.
        for (edit, after) in [(LineEdit.left, 1), (.left, 2), (.home, 11), (.right, 10), (.end, 0), (.home, 11)] {
            line.charactersAfterCursor = after
            store.send(.editLine(edit)) { $0.modal = .search(line) }
        }
        store.send(.editLine(.left)) // already at the start
        store.send(.deleteBackward) // nothing before the cursor
        // Typing goes in at the cursor, not at the end.
        Self.edit(.typed("x"), &line, to: "xopen source", after: 11, in: &store)
        Self.edit(.typed(" "), &line, to: "x open source", after: 11, in: &store)
        // Delete takes the character under the cursor, Ctrl-U everything before it.
        Self.edit(.editLine(.deleteForward), &line, to: "x pen source", after: 10, in: &store)
        Self.edit(.editLine(.killToStart), &line, to: "pen source", after: 10, in: &store)
        // Ctrl-W at the end takes "source"; Home then Ctrl-K takes the rest.
        line.charactersAfterCursor = 0
        store.send(.editLine(.end)) { $0.modal = .search(line) }
        Self.edit(.editLine(.killWordBackward), &line, to: "pen ", after: 0, in: &store)
        line.charactersAfterCursor = 4
        store.send(.editLine(.home)) { $0.modal = .search(line) }
        Self.edit(.editLine(.killToEnd), &line, to: "", after: 0, in: &store)
        store.send(.editLine(.killToEnd))
    }

    @Test func theNextSlashOpensTheKeptQueryAsTypedOverItsBase() {
        var store = TestStore(FilterReducerTests.loaded())
        store.assume { $0.overview.filter.topicURIs = [FilterReducerTests.security.uri] }
        let base = ItemFilter(topicURIs: [FilterReducerTests.security.uri])
        let query = "type:news after:2022-06"
        var line = SearchLine(target: .items, text: query, base: base)
        store.assume { $0.modal = .search(line) }
        let parsed = ItemFilter(topicURIs: base.topicURIs, kinds: [.news], since: Date(timeIntervalSince1970: 1_654_034_400))
        line.error = nil
        let step = FilterReducerTests.reloading(store, save: false) {
            $0.modal = .search(line)
            $0.overview.filter = parsed
        }
        store.send(.searchParsed(text: query, result: .filter(parsed)), effects: step.effects, step.update)
        store.send(.submitSearch, effects: [.saveView(uri: Self.uri, filter: parsed, sort: .newest)]) {
            $0.modal = .none
            $0.overview.query = KeptQuery(text: query, base: base)
        }
        // The hidden filter is not hidden: `/` shows the query, editable, over the topic chosen before.
        store.send(.startSearch) { $0.modal = .search(SearchLine(target: .items, text: query, base: base)) }
        store.send(.submitSearch, effects: [.saveView(uri: Self.uri, filter: parsed, sort: .newest)]) { $0.modal = .none }
        // Changing the filter another way forgets the query (the filter line still names every part).
        let cleared = FilterReducerTests.reloading(store) {
            $0.overview.filter = .none
            $0.overview.query = nil
            $0.status = StatusMessage(.info, "Filters cleared")
        }
        store.send(.clearFilters, effects: cleared.effects, cleared.update)
        // An info message ends with the next command.
        store.send(.startSearch) {
            $0.modal = .search(SearchLine(target: .items, base: ItemFilter.none))
            $0.status = nil
        }
    }

    @Test func backspaceInTheListRemovesOneFilterAtATimeFromTheEnd() {
        var store = TestStore(FilterReducerTests.loaded())
        let since = Date(timeIntervalSince1970: 1_654_034_400)
        store.assume {
            $0.overview.filter = ItemFilter(topicURIs: [FilterReducerTests.ictTerm.uri], kinds: [.news], text: "open", since: since)
        }
        for expected in [ItemFilter(topicURIs: [FilterReducerTests.ictTerm.uri], kinds: [.news], text: "open"),
                         ItemFilter(topicURIs: [FilterReducerTests.ictTerm.uri], kinds: [.news]),
                         ItemFilter(topicURIs: [FilterReducerTests.ictTerm.uri]),
                         ItemFilter.none] {
            let step = FilterReducerTests.reloading(store) { $0.overview.filter = expected }
            store.send(.removeLastFilter, effects: step.effects, step.update)
        }
        store.send(.removeLastFilter)
    }

    @Test func movingBackUpTheFilterPaneShowsItsHeadingAgain() {
        var state = FilterReducerTests.loaded()
        // A pane of three rows: "Type", News, Event, "Topics", ICT, ICT, ICT security.
        state.viewport.facetRows = 3
        var store = TestStore(state)
        store.send(.focusFilters) { $0.overview.paneFocus = .filters }
        for (selection, top) in [(2, 0), (4, 2), (5, 3)] {
            store.send(.moveDown) { $0.overview.facetCursor = ListCursor(selection: selection, scrollTop: top) }
        }
        // Back up: the first topic brings "Topics" into view, the first type brings "Type".
        store.send(.moveUp) { $0.overview.facetCursor = ListCursor(selection: 4, scrollTop: 3) }
        store.send(.moveUp) { $0.overview.facetCursor = ListCursor(selection: 2, scrollTop: 2) }
        store.send(.moveUp) { $0.overview.facetCursor = ListCursor(selection: 1, scrollTop: 0) }
        // A resize brings back a heading a smaller pane had scrolled off.
        store.assume { $0.overview.facetCursor = ListCursor(selection: 1, scrollTop: 1) }
        var small = state.viewport
        small.facetRows = 2
        store.send(.viewportChanged(small)) {
            $0.viewport = small
            $0.overview.facetCursor = ListCursor(selection: 1, scrollTop: 0)
        }
    }
}
