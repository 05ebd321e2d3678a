import JoinupSettings
/// How themes name the style roles: dotted keys whose prefix is the role they inherit from.
extension StyleRole {
    /// The key a theme file writes for this role ("list.selected").
    public var themeKey: String {
        switch self {
        case .normal: "normal"
        case .header: "header"
        case .headerTitle: "header.title"
        case .tabActive: "tab.active"
        case .tabInactive: "tab.inactive"
        case .listRow: "list"
        case .selectedRow: "list.selected"
        case .facetLabel: "facet.label"
        case .facetCount: "facet.count"
        case .categoryMarker: "facet.marker"
        case .kindTag: "list.kind"
        case .topicTag: "list.topic"
        case .dim: "dim"
        case .statusBar: "status"
        case .statusOK: "status.ok"
        case .statusBusy: "status.busy"
        case .statusError: "status.error"
        case .dialog: "dialog"
        case .dialogTitle: "dialog.title"
        case .dialogButton: "dialog.button"
        case .dialogButtonSelected: "dialog.button.selected"
        case .help: "help"
        case .helpKey: "help.key"
        case .searchMatch: "search.match"
        case .border: "border"
        case .detailTitle: "detail.title"
        case .detailLabel: "detail.label"
        case .link: "link"
        case .selectedRowUnfocused: "list.selected.unfocused"
        case .unreadRow: "list.unread"
        }
    }

    /// What the role colours, for REFERENCE.toml and `joinup themes`.
    public var themeSummary: String {
        switch self {
        case .normal: "Everything else; every role without a closer base inherits from it"
        case .header: "The three header lines (collection, counts)"
        case .headerTitle: "The collection's title in the header"
        case .tabActive: "The tab on screen in the tab bar"
        case .tabInactive: "The other tabs"
        case .listRow: "A row of the content list and the members list"
        case .selectedRow: "The row under the cursor (lists, filters, picker)"
        case .facetLabel: "A type or topic in the filter pane"
        case .facetCount: "The (count) after a filter"
        case .categoryMarker: "The ▸ category and ✓ selection marks in the filter pane"
        case .kindTag: "The content type tag of a list row (News, Event…)"
        case .topicTag: "The topics of a list row"
        case .dim: "Secondary text: dates, hints, \"↓ 12 more\""
        case .statusBar: "The status line"
        case .statusOK: "A status message that reports success"
        case .statusBusy: "A status message while work runs (sync)"
        case .statusError: "A status message that reports a failure"
        case .dialog: "A dialog box (confirmations)"
        case .dialogTitle: "A dialog's title"
        case .dialogButton: "A dialog button"
        case .dialogButtonSelected: "The focused dialog button"
        case .help: "The help overlay and the collections picker"
        case .helpKey: "Key names in the help overlay"
        case .searchMatch: "Text matching the search"
        case .border: "Box frames and separators"
        case .detailTitle: "An opened item's title, selected filters"
        case .detailLabel: "Labels in the item and About views, filter headings"
        case .link: "Links (URLs)"
        case .selectedRowUnfocused: "The cursor's row in the pane without the keys (the list while the filters have them)"
        case .unreadRow: "An unread item's title in the content list (a • marks it too, whatever the colours)"
        }
    }

    /// True for roles that carry words people read, held to the stricter contrast threshold.
    public var isText: Bool {
        switch self {
        case .dim, .border, .facetCount, .categoryMarker, .topicTag: false
        default: true
        }
    }

    /// The role this one inherits what it leaves out from: the longest key prefix that is a
    /// role ("dialog.button.selected" → "dialog.button"), else `normal`; nil for `normal`.
    public var base: StyleRole? {
        guard self != .normal else { return nil }
        var components = themeKey.split(separator: ".").map(String.init)
        while components.count > 1 {
            components.removeLast()
            if let role = StyleRole(themeKey: components.joined(separator: ".")) { return role }
        }
        return .normal
    }

    /// The role a theme key names.
    public init?(themeKey: String) {
        guard let role = StyleRole.allCases.first(where: { $0.themeKey == themeKey }) else { return nil }
        self = role
    }
}
