import JoinupStore

/// Where everything goes on a screen of a given size: header, tab bar, body, status line.
public struct ScreenLayout: Hashable, Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    public static let headerHeight = 3

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Below 40x12 the screen shows only a message asking for more room.
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var header: Rect { Rect(x: 0, y: 0, width: width, height: Self.headerHeight) }
    public var tabBar: Rect { Rect(x: 0, y: Self.headerHeight, width: width, height: 1) }
    public var body: Rect { Rect(x: 0, y: Self.headerHeight + 1, width: width, height: height - Self.headerHeight - 2) }
    public var status: Rect { Rect(x: 0, y: height - 1, width: width, height: 1) }

    /// Width of the topic facet column on the Overview: narrower on small screens, hidden below 56.
    public var facetWidth: Int {
        switch width {
        case 96...: 28
        case 76..<96: 24
        case 56..<76: 18
        default: 0
        }
    }

    /// The topic facet column.
    public var facets: Rect { Rect(x: 0, y: body.y, width: facetWidth, height: body.height) }

    /// The content list (or opened item) beside the facets, separator column included on its left.
    public var list: Rect {
        let left = facetWidth > 0 ? facetWidth + 1 : 0
        return Rect(x: left, y: body.y, width: width - left, height: body.height)
    }

    /// Where list rows and the item's text go: the list area less a one-column margin each side.
    public var listContent: Rect { list.inset(left: 1, right: 1) }

    /// Where the About text goes.
    public var aboutContent: Rect { body.inset(left: 1, right: 1) }

    /// Where member rows go.
    public var membersContent: Rect { body.inset(left: 1, right: 1) }

    /// Items the content list shows at once (the first body row holds the counts by kind).
    public var listRows: Int { ItemList.visibleItems(height: body.height) }

    /// Rows the filter pane scrolls by: the list's screen rows (its tiles' lines), so both sides
    /// of the Overview page alike.
    public var facetRows: Int { listRows * ItemList.linesPerItem }

    /// Rows of the members list (below the count line and the column headings).
    public var memberRows: Int { max(1, body.height - 2) }

    /// What the store needs to know of this screen for a state: list sizes and scroll limits.
    public func viewport(for state: AppState, keyMap: KeyMap = .standard) -> Viewport {
        guard !isTooSmall else {
            return Viewport(width: width, height: height, listRows: 1, memberRows: 1, facetRows: 1 * ItemList.linesPerItem)
        }
        var detailMax = 0
        if let detail = state.overview.openedItem {
            let lines = ItemDetailPane.lines(for: detail, width: listContent.width, zone: state.timeZone).lines.count
            detailMax = ScrolledText.maxScroll(lineCount: lines, height: listContent.height)
        }
        var aboutMax = 0
        if let about = state.about.collection {
            let lines = AboutPane.lines(for: about, topics: state.about.topics, header: state.header,
                                        directory: state.about.directory, width: aboutContent.width,
                                        zone: state.timeZone).lines.count
            aboutMax = ScrolledText.maxScroll(lineCount: lines, height: aboutContent.height)
        }
        let help = HelpOverlay.geometry(keyMap, in: Rect(x: 0, y: 0, width: width, height: height))
        let log = state.modal.layers.contains(where: \.isMessages) ? MessageLogOverlay.geometry(state.messages, in: Rect(x: 0, y: 0, width: width, height: height)) : nil
        return Viewport(width: width, height: height, listRows: listRows, memberRows: memberRows,
                        detailMaxScroll: detailMax, aboutMaxScroll: aboutMax, aboutRows: aboutContent.height,
                        facetRows: facetRows, helpMaxScroll: help?.maxScroll ?? 0, helpRows: help?.inner.height ?? 1,
                        pickerRows: CollectionsBrowserOverlay.Geometry(width: width, height: height).rows,
                        messagesMaxScroll: log?.maxScroll ?? 0, messagesRows: log?.inner.height ?? 1)
    }

    /// The viewport of a `width` x `height` screen for a state.
    public static func viewport(for state: AppState, width: Int, height: Int, keyMap: KeyMap = .standard) -> Viewport {
        ScreenLayout(width: width, height: height).viewport(for: state, keyMap: keyMap)
    }
}
