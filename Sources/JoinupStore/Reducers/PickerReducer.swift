import JoinupCache

/// The collections browser (`c`, CollectionsBrowser.swift): results for it, and its keys; what it
/// decides for the rest of the app (close, open, sync then open) comes back as a `Choice` for the
/// root to carry out.
enum PickerReducer {
    typealias Choice = CollectionsBrowser.Choice

    /// The cache's answer to `.listCollections`, a fresh list after a sync, a new screen size.
    static func reduce(_ modal: inout Modal, _ action: Action, _ context: ReducerContext) -> [Effect] {
        switch action {
        case .cacheChanged:
            return modal.picker == nil ? [] : [.listCollections]
        case .collectionsListed(let catalog):
            modal.updatePicker { $0.load(catalog, current: context.collectionURI, rows: context.viewport.pickerRows) }
            return []
        case .viewportChanged(let viewport):
            modal.updatePicker { $0.fit(rows: viewport.pickerRows) }
            return []
        default:
            return []
        }
    }

    /// Keys and clicks while the browser is open.
    static func command(_ command: Command, _ picker: inout CollectionsBrowser, _ context: ReducerContext) -> Choice {
        let rows = context.viewport.pickerRows
        switch command {
        case .pointAtCollection(let index):
            return picker.point(atCollection: index, rows: rows)
        case .pointAtCollectionTopic(let index):
            picker.point(atTopic: index, rows: rows)
            return .stay
        default:
            return picker.handle(command, rows: rows)
        }
    }
}
