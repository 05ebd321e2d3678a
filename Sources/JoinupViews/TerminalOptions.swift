import JoinupSettings

/// What the browser was configured with beyond the store: themes, mouse, links.
public struct TerminalOptions: Sendable {
    /// Themes `T` cycles through, in order; `themeIndex` is the one to start with.
    public var themes: [Theme]
    public var themeIndex: Int
    /// Said in the status line at start (an invalid theme or config, and what was used instead).
    public var startupMessage: String?
    public var mouse: Bool
    /// The configured link command (config `browser`), nil for $BROWSER / xdg-open.
    public var browser: [String]?
    public var environment: [String: String]
    /// How `y` copies a link (config `clipboard`).
    public var clipboard: ClipboardMode = .osc52

    public init(themes: [Theme] = [ThemeCatalog.defaultTheme], themeIndex: Int = 0, startupMessage: String? = nil,
                mouse: Bool = true, browser: [String]? = nil, environment: [String: String] = [:]) {
        self.themes = themes.isEmpty ? [ThemeCatalog.defaultTheme] : themes
        self.themeIndex = min(max(0, themeIndex), self.themes.count - 1)
        self.startupMessage = startupMessage
        self.mouse = mouse
        self.browser = browser
        self.environment = environment
    }

    /// The theme after `index` in the cycle, wrapping round.
    public func nextThemeIndex(after index: Int) -> Int {
        (index + 1) % themes.count
    }
}
