import JoinupModel

/// The search line (`/`): typing edits it and filters at once, the Overview's items or the
/// Members tab's names. Its own state is the line; the lists it filters are changed through
/// their reducers.
enum SearchReducer {
    static func start(in state: inout AppState) -> [Effect] {
        if state.tab == .members {
            state.modal = .search(SearchLine(target: .members, text: state.members.nameQuery))
            return []
        }
        state.tab = .overview
        state.overview.paneFocus = .list
        var base = state.overview.filter
        let text = base.text
        base.text = ""
        state.modal = .search(SearchLine(target: .items, text: text, base: base))
        return []
    }

    /// Keys while the line is open; Enter keeps what it found, Esc drops its text.
    static func command(_ command: Command, _ line: SearchLine, in state: inout AppState) -> [Effect] {
        var line = line
        switch command {
        case .typed(let character):
            line.text.append(character)
        case .deleteBackward:
            guard !line.text.isEmpty else { return [] }
            line.text.removeLast()
        case .submitSearch:
            state.modal = .none
            if let error = line.error {
                state.status = StatusMessage(.error, error, origin: .query)
                return []
            }
            state.messages.resolve(.query)
            return line.target == .items ? OverviewReducer.saveView(state.overview, state.context) : []
        case .cancelSearch, .back:
            state.modal = .none
            state.messages.resolve(.query)
            switch line.target {
            case .items:
                return OverviewReducer.setFilter(line.base ?? state.overview.filter, &state.overview, state.context)
            case .members:
                state.members.nameQuery = ""
                return MembersReducer.reload(state.members, state.context)
            }
        default:
            return []
        }
        state.modal = .search(line)
        return apply(line, in: &state)
    }

    /// The runtime parsed query-language text: filter by it, or show why it does not parse.
    static func parsed(text: String, result: SearchParse, in state: inout AppState) -> [Effect] {
        guard var line = state.modal.search, line.text == text, line.target == .items else { return [] }
        switch result {
        case .filter(let filter):
            line.error = nil
            state.modal.updateSearch { $0 = line }
            return OverviewReducer.setFilter(filter, &state.overview, state.context)
        case .error(let message):
            line.error = message
            state.modal.updateSearch { $0 = line }
            return []
        }
    }

    /// Filters by the line's current text: plain words directly, the query language via the
    /// runtime (resolving topic names needs the vocabulary in the cache).
    private static func apply(_ line: SearchLine, in state: inout AppState) -> [Effect] {
        switch line.target {
        case .members:
            return MembersReducer.setNameQuery(line.text, &state.members, state.context)
        case .items:
            let base = line.base ?? .none
            if SearchText.usesQueryLanguage(line.text) {
                guard let uri = state.collectionURI else { return [] }
                return [.parseSearch(uri: uri, text: line.text, base: base)]
            }
            state.modal.updateSearch { $0.error = nil }
            var filter = base
            filter.text = line.text.trimmingCharacters(in: .whitespaces)
            return OverviewReducer.setFilter(filter, &state.overview, state.context)
        }
    }
}
