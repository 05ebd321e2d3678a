import JoinupSettings
/// What one role of a theme sets; anything left nil comes from the role's base.
public struct RoleLook: Hashable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    /// Replaces (never adds to) the base's attributes when set.
    public var attributes: TextAttributes?

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: TextAttributes? = nil) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A role with inheritance applied: every part decided.
public struct ResolvedLook: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes
}

/// A colour theme: a look per role, parsed from TOML (see Themes/REFERENCE.toml).
public struct Theme: Hashable, Sendable {
    /// Whether the theme expects a dark or a light terminal (what `default` is assumed to be
    /// when checking contrast).
    public enum Variant: String, Hashable, Sendable { case dark, light }

    public var name: String
    public var summary: String
    public var variant: Variant
    public var looks: [StyleRole: RoleLook]

    public init(name: String, summary: String = "", variant: Variant = .dark, looks: [StyleRole: RoleLook] = [:]) {
        self.name = name
        self.summary = summary
        self.variant = variant
        self.looks = looks
    }

    /// A role's look with what it leaves out taken from its base roles, down to `normal`
    /// and finally the terminal's own colours with no attributes.
    public func resolved(_ role: StyleRole) -> ResolvedLook {
        var chain: [RoleLook] = []
        var current: StyleRole? = role
        while let step = current {
            chain.append(looks[step] ?? RoleLook())
            current = step.base
        }
        return ResolvedLook(foreground: chain.lazy.compactMap(\.foreground).first ?? .terminalDefault,
                            background: chain.lazy.compactMap(\.background).first ?? .terminalDefault,
                            attributes: chain.lazy.compactMap(\.attributes).first ?? [])
    }

    /// The palette for a terminal of `depth`. Without colours a role that only a background set
    /// apart is drawn in reverse video, so the selected row stays visible on any theme.
    public func palette(for depth: ColorDepth) -> ColorPalette {
        var appearances: [StyleRole: Appearance] = [:]
        for role in StyleRole.allCases {
            let look = resolved(role)
            var attributes = look.attributes
            if depth == .none, look.background != .terminalDefault, look.background != resolved(.normal).background {
                attributes.insert(.reverse)
            }
            appearances[role] = Appearance(foreground: look.foreground.colorNumber(for: depth),
                                           background: look.background.colorNumber(for: depth),
                                           attributes: attributes)
        }
        return ColorPalette(appearances: appearances)
    }

    /// The contrast of a role's text on its background, assuming xterm's palette and, for
    /// `default`, white on black (dark themes) or black on white (light ones).
    public func contrast(of role: StyleRole) -> Double {
        let look = resolved(role)
        let terminalForeground = variant == .dark ? RGB(229, 229, 229) : RGB(0, 0, 0)
        let terminalBackground = variant == .dark ? RGB(0, 0, 0) : RGB(255, 255, 255)
        var foreground = look.foreground.rgbValue ?? terminalForeground
        var background = look.background.rgbValue ?? terminalBackground
        if look.attributes.contains(.reverse) { swap(&foreground, &background) }
        return RGB.contrast(foreground, background)
    }
}

/// Reads a theme from TOML and reports every problem with its line and key.
public enum ThemeParser {
    static let attributeNames: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "italic": .italic,
    ]

    /// Parses theme text; a theme is named by its file (`light.toml` is `light`). Throws the
    /// first problem in line order (`read` gives them all).
    public static func parse(_ text: String, file: String, name: String) throws(SettingsIssue) -> Theme {
        let (theme, issues) = try read(text, file: file, name: name)
        if let first = issues.first { throw first }
        return theme
    }

    /// The theme and every problem in it, in line order; throws only when the text is not TOML.
    public static func read(_ text: String, file: String, name: String) throws(SettingsIssue) -> (Theme, [SettingsIssue]) {
        let document = try SettingsDocument.parse(text, file: file)
        var theme = Theme(name: name)
        var issues: [SettingsIssue] = []
        for (key, value) in document.root.sorted(by: { $0.key < $1.key }) {
            switch (key, value) {
            case ("description", .string(let text)): theme.summary = text
            case ("variant", .string(let text)):
                if let variant = Theme.Variant(rawValue: text) {
                    theme.variant = variant
                } else {
                    issues.append(document.issue(key, "must be \"dark\" or \"light\", not \"\(text)\""))
                }
            case ("description", _), ("variant", _):
                issues.append(document.issue(key, "must be a string, not \(value.kindName)"))
            case (_, .table(let table)):
                readRole(path: key, table: table, into: &theme, issues: &issues, document: document)
            default:
                issues.append(document.issue(key, "unknown key (expected description, variant or a role table; a theme is named by its file name)"))
            }
        }
        return (theme, issues.inLineOrder())
    }

    private static func readRole(path: String, table: [String: SettingsDocument.Value], into theme: inout Theme,
                                 issues: inout [SettingsIssue], document: SettingsDocument) {
        var look = RoleLook()
        var hasFields = false
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            let keyPath = "\(path).\(key)"
            do throws(SettingsIssue) {
                switch key {
                case "fg", "bg":
                    hasFields = true
                    let color = try color(value, at: keyPath, document: document)
                    if key == "fg" { look.foreground = color } else { look.background = color }
                case "attrs":
                    hasFields = true
                    look.attributes = try attributes(value, at: keyPath, document: document)
                default:
                    guard case .table(let child) = value else {
                        throw document.issue(keyPath, "unknown key (a role sets fg, bg and attrs)")
                    }
                    readRole(path: keyPath, table: child, into: &theme, issues: &issues, document: document)
                }
            } catch {
                issues.append(error)
            }
        }
        guard hasFields else { return }
        guard let role = StyleRole(themeKey: path) else {
            issues.append(document.issue(path, "unknown role (Themes/REFERENCE.toml lists every role)"))
            return
        }
        theme.looks[role] = look
    }

    private static func color(_ value: SettingsDocument.Value, at path: String,
                              document: SettingsDocument) throws(SettingsIssue) -> ThemeColor {
        switch value {
        case .integer(let index) where (0...255).contains(index):
            return .indexed(index)
        case .integer(let index):
            throw document.issue(path, "colour index \(index) is outside 0–255")
        case .string(let text):
            guard let color = ThemeColor.parse(text) else {
                throw document.issue(path, "\"\(text)\" is not a colour (a name, 0–255, #rrggbb or default)")
            }
            return color
        default:
            throw document.issue(path, "a colour is a name, 0–255, #rrggbb or default, not \(value.kindName)")
        }
    }

    private static func attributes(_ value: SettingsDocument.Value, at path: String,
                                   document: SettingsDocument) throws(SettingsIssue) -> TextAttributes {
        let names: [SettingsDocument.Value]
        switch value {
        case .array(let list): names = list
        case .string: names = [value]
        default: throw document.issue(path, "attributes are a list such as [\"bold\", \"underline\"]")
        }
        var result: TextAttributes = []
        for name in names {
            guard case .string(let text) = name, let attribute = attributeNames[text.lowercased()] else {
                throw document.issue(path, "unknown attribute (use bold, dim, underline, reverse, italic)")
            }
            result.insert(attribute)
        }
        return result
    }
}
