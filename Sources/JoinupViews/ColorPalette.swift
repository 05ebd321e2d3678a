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
/// default). Palettes come from themes (`Theme.palette(for:)`); there are no built-in tables.
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
}
