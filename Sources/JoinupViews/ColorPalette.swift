import CNcurses

/// Text attributes a role can carry; they work without colour, so monochrome stays readable.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// How one role looks: terminal colour numbers (-1 = the terminal's default) and attributes.
public struct Appearance: Hashable, Sendable {
    public var foreground: Int16
    public var background: Int16
    public var attributes: TextAttributes

    public init(foreground: Int16 = -1, background: Int16 = -1, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// The mapping from style roles to appearances, and the colour pairs that draw them.
///
/// Role `r` uses pair number `index of r in StyleRole.allCases + 1` (pair 0 is the terminal's
/// default). A theme replaces the whole palette by building another `ColorPalette`.
public struct ColorPalette: Hashable, Sendable {
    public var appearances: [StyleRole: Appearance]

    public init(appearances: [StyleRole: Appearance]) {
        self.appearances = appearances
    }

    /// A role's appearance; an unset role looks like `.normal`.
    public func appearance(for role: StyleRole) -> Appearance {
        appearances[role] ?? appearances[.normal] ?? Appearance()
    }

    /// The colour pair number a role is drawn with.
    public static func pairNumber(for role: StyleRole) -> Int16 {
        Int16((StyleRole.allCases.firstIndex(of: role) ?? -1) + 1)
    }

    /// The built-in palette for a terminal with `colors` colours (256, 8, or fewer: attributes only).
    public static func standard(colors: Int) -> ColorPalette {
        if colors >= 256 { return standard256 }
        if colors >= 8 { return standard8 }
        return monochrome
    }

    /// Defines one colour pair per role; call after `start_color()` and `use_default_colors()`.
    /// Returns false (and defines nothing) when the terminal has no colours.
    @MainActor
    @discardableResult
    public func install() -> Bool {
        guard has_colors() else { return false }
        let colors = Int16(clamping: nc_colors())
        for role in StyleRole.allCases {
            let look = appearance(for: role)
            // A colour the terminal lacks falls back to its default rather than failing the pair.
            let fg = look.foreground < colors ? look.foreground : -1
            let bg = look.background < colors ? look.background : -1
            init_pair(Self.pairNumber(for: role), fg, bg)
        }
        return true
    }

    /// For terminals without colour: every role is distinguished by attributes alone.
    public static let monochrome = ColorPalette(appearances: [
        .normal: Appearance(),
        .header: Appearance(),
        .headerTitle: Appearance(attributes: .bold),
        .tabActive: Appearance(attributes: [.reverse, .bold]),
        .tabInactive: Appearance(),
        .listRow: Appearance(),
        .selectedRow: Appearance(attributes: .reverse),
        .facetLabel: Appearance(),
        .facetCount: Appearance(attributes: .dim),
        .categoryMarker: Appearance(attributes: .bold),
        .kindTag: Appearance(attributes: .bold),
        .topicTag: Appearance(attributes: .dim),
        .dim: Appearance(attributes: .dim),
        .statusBar: Appearance(attributes: .reverse),
        .statusOK: Appearance(attributes: .reverse),
        .statusBusy: Appearance(attributes: [.reverse, .bold]),
        .statusError: Appearance(attributes: [.reverse, .bold]),
        .dialog: Appearance(),
        .help: Appearance(),
        .helpKey: Appearance(attributes: .bold),
        .searchMatch: Appearance(attributes: [.underline, .bold]),
        .border: Appearance(),
        .detailTitle: Appearance(attributes: .bold),
        .detailLabel: Appearance(attributes: .bold),
        .link: Appearance(attributes: .underline),
    ])

    /// 8 colours (`COLOR_*` numbers), e.g. under `TERM=screen`.
    public static let standard8 = ColorPalette(appearances: [
        .normal: Appearance(),
        .header: Appearance(foreground: 7, background: 4),
        .headerTitle: Appearance(foreground: 7, background: 4, attributes: .bold),
        .tabActive: Appearance(foreground: 7, background: 4, attributes: .bold),
        .tabInactive: Appearance(),
        .listRow: Appearance(),
        .selectedRow: Appearance(foreground: 0, background: 6),
        .facetLabel: Appearance(),
        .facetCount: Appearance(foreground: 6),
        .categoryMarker: Appearance(foreground: 3, attributes: .bold),
        .kindTag: Appearance(foreground: 6, attributes: .bold),
        .topicTag: Appearance(foreground: 2),
        .dim: Appearance(attributes: .dim),
        .statusBar: Appearance(foreground: 0, background: 7),
        .statusOK: Appearance(foreground: 2, background: 7),
        .statusBusy: Appearance(foreground: 3, background: 7, attributes: .bold),
        .statusError: Appearance(foreground: 7, background: 1, attributes: .bold),
        .dialog: Appearance(foreground: 7, background: 4),
        .help: Appearance(foreground: 7, background: 4),
        .helpKey: Appearance(foreground: 3, background: 4, attributes: .bold),
        .searchMatch: Appearance(foreground: 0, background: 3),
        .border: Appearance(foreground: 4),
        .detailTitle: Appearance(attributes: .bold),
        .detailLabel: Appearance(foreground: 6, attributes: .bold),
        .link: Appearance(foreground: 4, attributes: .underline),
    ])

    /// 256 colours (xterm numbers), e.g. under `TERM=xterm-256color` or `tmux-256color`.
    public static let standard256 = ColorPalette(appearances: [
        .normal: Appearance(),
        .header: Appearance(foreground: 231, background: 24),
        .headerTitle: Appearance(foreground: 231, background: 24, attributes: .bold),
        .tabActive: Appearance(foreground: 231, background: 25, attributes: .bold),
        .tabInactive: Appearance(foreground: 250),
        .listRow: Appearance(),
        .selectedRow: Appearance(foreground: 231, background: 31),
        .facetLabel: Appearance(),
        .facetCount: Appearance(foreground: 245),
        .categoryMarker: Appearance(foreground: 214, attributes: .bold),
        .kindTag: Appearance(foreground: 38, attributes: .bold),
        .topicTag: Appearance(foreground: 108),
        .dim: Appearance(foreground: 244),
        .statusBar: Appearance(foreground: 252, background: 237),
        .statusOK: Appearance(foreground: 114, background: 237),
        .statusBusy: Appearance(foreground: 221, background: 237, attributes: .bold),
        .statusError: Appearance(foreground: 231, background: 124, attributes: .bold),
        .dialog: Appearance(foreground: 252, background: 236),
        .help: Appearance(foreground: 252, background: 236),
        .helpKey: Appearance(foreground: 221, background: 236, attributes: .bold),
        .searchMatch: Appearance(foreground: 16, background: 221),
        .border: Appearance(foreground: 240),
        .detailTitle: Appearance(attributes: .bold),
        .detailLabel: Appearance(foreground: 110, attributes: .bold),
        .link: Appearance(foreground: 75, attributes: .underline),
    ])
}
