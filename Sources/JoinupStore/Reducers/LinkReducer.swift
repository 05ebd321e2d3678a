import JoinupModel

/// Links: `o` in About opens the chooser, whose keys pick a link to open; `y` copies an item's link.
enum LinkReducer {
    /// `o` on the About tab: the chooser over the collection's links, or why there is none.
    static func openChooser(in state: inout AppState) -> [Effect] {
        guard let about = state.about.collection else {
            state.status = StatusMessage(.error, "The collection's links are not loaded yet")
            return []
        }
        let links = LinkChooser.aboutLinks(about, directory: state.about.directory)
        guard !links.isEmpty else {
            state.status = StatusMessage(.error, "This collection has no links to open")
            return []
        }
        state.modal = .linkChooser(LinkChooser(links: links))
        return []
    }

    /// A key in the chooser: move, pick by number or Enter, close with Esc.
    static func chooser(_ command: Command, _ chooser: LinkChooser, in state: inout AppState) -> [Effect] {
        var chooser = chooser
        switch command {
        case .moveUp: chooser.selection = max(0, chooser.selection - 1)
        case .moveDown: chooser.selection = min(chooser.links.count - 1, chooser.selection + 1)
        case .moveToTop: chooser.selection = 0
        case .moveToBottom: chooser.selection = chooser.links.count - 1
        case .open, .openLink:
            state.modal = .none
            return [.terminal(.openLink(chooser.links[chooser.selection].url))]
        case .chooseLink(let number):
            guard chooser.links.indices.contains(number - 1) else { return [] }
            state.modal = .none
            return [.terminal(.openLink(chooser.links[number - 1].url))]
        case .back, .cancelDialog:
            state.modal = .none
            return []
        default:
            return []
        }
        state.modal = .linkChooser(chooser)
        return []
    }

    /// `y`: the opened item's link, or the selected row's (read from the cache first).
    static func requestCopy(_ state: inout AppState) -> [Effect] {
        switch AppReducer.itemLinkTarget(&state, outside: "y copies the link of an item: select one on the Overview") {
        case .link(let link): [.terminal(.copyLink(link))]
        case .row(let uri, let id): [.findLinkToCopy(collectionURI: uri, id: id)]
        case nil: []
        }
    }
}
