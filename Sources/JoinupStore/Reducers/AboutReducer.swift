import JoinupModel

/// The About tab: the collection's metadata, scrolled as one text.
enum AboutReducer {
    static func reduce(_ state: inout AboutState, _ action: Action, _ context: inout ReducerContext) -> [Effect] {
        switch action {
        case .collectionLoaded(_, let about, let topics):
            state.collection = about
            state.topics = topics
        case .directoryAboutLoaded(let uri, let directory) where uri == context.collectionURI:
            state.directory = directory
        case .viewportChanged(let viewport):
            state.scroll = min(state.scroll, viewport.aboutMaxScroll)
        default:
            break
        }
        return []
    }

    static func command(_ command: Command, _ state: inout AboutState, _ context: inout ReducerContext) -> [Effect] {
        if let target = scrollTarget(of: command, from: state.scroll, max: context.viewport.aboutMaxScroll,
                                     page: context.viewport.aboutRows - 1) {
            state.scroll = target
        }
        return []
    }
}
