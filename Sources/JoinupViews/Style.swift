/// What a piece of the screen *is*; a palette (and later a theme) decides how each role looks.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case normal
    case header
    case headerTitle
    case tabActive
    case tabInactive
    case listRow
    case selectedRow
    case facetLabel
    case facetCount
    case categoryMarker
    case kindTag
    case topicTag
    case dim
    case statusBar
    case statusOK
    case statusBusy
    case statusError
    case dialog
    case help
    case helpKey
    case searchMatch
    case border
    case detailTitle
    case detailLabel
    case link
    case dialogTitle
    case dialogButton
    case dialogButtonSelected
    /// The cursor's row in a pane that does not have the keys (the list while the filters do).
    case selectedRowUnfocused
    case unreadRow
}

/// How a cell is drawn, named by role rather than by colour.
public struct Style: Hashable, Sendable {
    public var role: StyleRole

    public init(_ role: StyleRole) {
        self.role = role
    }

    public static let normal = Style(.normal)
    public static let header = Style(.header)
    public static let headerTitle = Style(.headerTitle)
    public static let tabActive = Style(.tabActive)
    public static let tabInactive = Style(.tabInactive)
    public static let listRow = Style(.listRow)
    public static let selectedRow = Style(.selectedRow)
    public static let facetLabel = Style(.facetLabel)
    public static let facetCount = Style(.facetCount)
    public static let categoryMarker = Style(.categoryMarker)
    public static let kindTag = Style(.kindTag)
    public static let topicTag = Style(.topicTag)
    public static let dim = Style(.dim)
    public static let statusBar = Style(.statusBar)
    public static let statusOK = Style(.statusOK)
    public static let statusBusy = Style(.statusBusy)
    public static let statusError = Style(.statusError)
    public static let dialog = Style(.dialog)
    public static let help = Style(.help)
    public static let helpKey = Style(.helpKey)
    public static let searchMatch = Style(.searchMatch)
    public static let border = Style(.border)
    public static let detailTitle = Style(.detailTitle)
    public static let detailLabel = Style(.detailLabel)
    public static let link = Style(.link)
    public static let dialogTitle = Style(.dialogTitle)
    public static let dialogButton = Style(.dialogButton)
    public static let dialogButtonSelected = Style(.dialogButtonSelected)
    public static let unreadRow = Style(.unreadRow)

    public static let selectedRowUnfocused = Style(.selectedRowUnfocused)

    /// The cursor's row: bright where the keys are, muted in the other pane.
    public static func cursor(focused: Bool) -> Style { focused ? .selectedRow : .selectedRowUnfocused }
}
