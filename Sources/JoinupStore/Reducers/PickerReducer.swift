import JoinupCache

/// The collections picker (`c`): moves over every cached collection; what it decides for the rest
/// of the app (close, switch) comes back as a `Choice` for the root to carry out.
enum PickerReducer {
    /// What a command in the picker asks of the app.
    enum Choice: Equatable {
        case stay
        case close
        /// Show this collection.
        case open(uri: String)
    }

    /// The cache's answer to `.listCollections`, and a fresh list after a sync.
    static func reduce(_ modal: inout Modal, _ action: Action, _ context: ReducerContext) -> [Effect] {
        switch action {
        case .cacheChanged:
            return modal.picker == nil ? [] : [.listCollections]
        case .collectionsListed(let collections):
            let current = collections.firstIndex { $0.uri == context.collectionURI } ?? 0
            modal.updatePicker { picker in
                picker.collections = collections
                picker.cursor = ListCursor().moved(to: current, count: collections.count, rows: context.viewport.memberRows)
            }
            return []
        default:
            return []
        }
    }

    /// Keys while the picker is open: move, Enter switches, Esc closes.
    static func command(_ command: Command, _ picker: inout CollectionPicker, _ context: ReducerContext) -> Choice {
        switch command {
        case .back:
            return .close
        case .open:
            guard let chosen = picker.selected else { return .stay }
            return .open(uri: chosen.uri)
        default:
            let count = picker.collections?.count ?? 0
            let rows = context.viewport.memberRows
            if let target = target(of: command, from: picker.cursor.selection, count: count, page: rows) {
                picker.cursor = picker.cursor.moved(to: target, count: count, rows: rows)
            }
            return .stay
        }
    }
}
