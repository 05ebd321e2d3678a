import JoinupSettings
/// Which themes the browser starts with and cycles through, and what went wrong choosing.
public struct ThemeChoice: Sendable {
    /// The themes `T` cycles through (the valid ones of the catalog, plus a theme given by path).
    public var themes: [Theme]
    public var index: Int
    /// For the status line: the chosen theme was invalid or missing, and the default is used.
    public var problem: String?

    /// `--theme`, else config `theme`, else monochrome when NO_COLOR is set (non-empty, per
    /// no-color.org), else `default`. An invalid or unknown theme falls back to `default`.
    public static func choose(flag: String?, config: String?, environment: [String: String],
                              catalog: ThemeCatalog) -> ThemeChoice {
        let explicit = [flag, config].compactMap { $0 }.first { !$0.isEmpty }
        let wanted = explicit ?? ((environment["NO_COLOR"] ?? "").isEmpty ? "default" : "monochrome")
        var themes = catalog.all().compactMap { try? $0.parse() }
        if themes.isEmpty { themes = [ThemeCatalog.defaultTheme] }
        func position(of name: String) -> Int { themes.firstIndex { $0.name == name } ?? 0 }
        do {
            let theme = try catalog.find(wanted).parse()
            if let index = themes.firstIndex(where: { $0.name == theme.name }) {
                themes[index] = theme
                return ThemeChoice(themes: themes, index: index)
            }
            themes.append(theme)
            return ThemeChoice(themes: themes, index: themes.count - 1)
        } catch {
            return ThemeChoice(themes: themes, index: position(of: "default"),
                               problem: "Theme \(error.shortDescription); using the default theme")
        }
    }
}

extension SettingsIssue {
    /// The description with only the file's name, for the status line.
    public var shortDescription: String {
        var copy = self
        copy.file = String(file.split(separator: "/").last ?? Substring(file))
        return copy.description
    }
}
