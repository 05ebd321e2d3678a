import Foundation
import JoinupSettings
import JoinupTestSupport
import Testing
@testable import JoinupViews

/// The repository's Themes/ folder (a symlink to the embedded copies).
private let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes")

@Suite struct ShippedThemeTests {
    /// Each name embeds its own file: the description and variant written in that file come back.
    @Test(arguments: [("default", "Blue header and cursor for dark terminals", Theme.Variant.dark),
                      ("light", "Dark text and pale bars for light terminals", .light),
                      ("high-contrast", "Black, white and yellow, for low vision and bright rooms", .dark),
                      ("monochrome", "Attributes only (NO_COLOR)", .dark)])
    func everyShippedThemeParsesFromItsOwnFile(name: String, summary: String, variant: Theme.Variant) throws {
        let source = try #require(ThemeCatalog.shipped.first { $0.name == name })
        let theme = try source.parse()
        #expect(theme.summary == summary)
        #expect(theme.variant == variant)
    }

    /// One copy: Themes/ is the folder the binary embeds, and it holds exactly the shipped themes.
    @Test func themesFolderIsTheEmbeddedFolderWithEveryShippedTheme() throws {
        let embedded = themesFolder.deletingLastPathComponent()
            .appendingPathComponent("Sources/JoinupViews/Theme/Shipped").resolvingSymlinksInPath()
        #expect(themesFolder.resolvingSymlinksInPath().path == embedded.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files) == Set(ThemeCatalog.shippedNames.map { "\($0).toml" } + ["REFERENCE.toml"]))
        #expect(ThemeCatalog.shipped.map(\.name) == ThemeCatalog.shippedNames)
    }

    @Test func referenceListsEveryRoleAndIsInSync() throws {
        let onDisk = try String(contentsOf: themesFolder.appendingPathComponent("REFERENCE.toml"), encoding: .utf8)
        #expect(onDisk == ThemeReference.text, "regenerate with: joinup themes --reference > Themes/REFERENCE.toml")
        let reference = try ThemeParser.parse(onDisk, file: "REFERENCE.toml", name: "reference")
        #expect(Set(reference.looks.keys) == Set(StyleRole.allCases))
        for role in StyleRole.allCases {
            #expect(onDisk.contains("[\(role.themeKey)]"))
            #expect(onDisk.contains("# \(role.themeSummary)"))
        }
    }

    @Test func roleKeysAreUniqueAndEveryBaseChainEndsAtNormal() {
        let keys = StyleRole.allCases.map(\.themeKey)
        #expect(Set(keys).count == keys.count)
        for role in StyleRole.allCases {
            var steps = 0
            var current = role
            while let base = current.base { current = base; steps += 1 }
            #expect(current == .normal && steps < 5)
        }
        #expect(StyleRole.selectedRow.base == .listRow)
        #expect(StyleRole.dialogButtonSelected.base == .dialogButton)
        #expect(StyleRole.tabActive.base == .normal)
    }

    /// WCAG 2 asks 4.5:1 for text; decorations (borders, counts, dim text) get 3:1.
    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func foregroundAndBackgroundKeepAReadableContrast(name: String) throws {
        let theme = try #require(ThemeCatalog.shipped.first { $0.name == name }).parse()
        for role in StyleRole.allCases {
            let threshold = role.isText ? 4.5 : 3.0
            #expect(theme.contrast(of: role) >= threshold, "\(name): \(role.themeKey) is \(theme.contrast(of: role))")
        }
    }

    /// Unread titles stand out in every shipped theme by an attribute (the "•" the list draws
    /// besides does not depend on the theme), and the role is written in each file, not inherited.
    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func everyShippedThemeMakesUnreadTitlesBold(name: String) throws {
        let theme = try #require(ThemeCatalog.shipped.first { $0.name == name }).parse()
        #expect(theme.looks[.unreadRow] != nil, "\(name) sets list.unread")
        #expect(theme.resolved(.unreadRow).attributes.contains(.bold), "\(name)")
        #expect(!theme.resolved(.listRow).attributes.contains(.bold), "\(name): read rows are not bold")
    }

    @Test func contrastCheckCatchesAnUnreadablePair() throws {
        let theme = try ThemeParser.parse("[list.selected]\nfg = 244\nbg = 245\n", file: "t.toml", name: "t")
        #expect(theme.contrast(of: .selectedRow) < 1.5)
        #expect(RGB.contrast(RGB(0, 0, 0), RGB(255, 255, 255)) > 20.9)
    }
}

@Suite struct ThemeColorTests {
    @Test func parsesNamesIndexesAndHex() {
        #expect(ThemeColor.parse("default") == .terminalDefault)
        #expect(ThemeColor.parse("red") == .indexed(1))
        #expect(ThemeColor.parse("Bright-White") == .indexed(15))
        #expect(ThemeColor.parse("grey") == .indexed(8))
        #expect(ThemeColor.parse("#ff8000") == .rgb(255, 128, 0))
        #expect(ThemeColor.parse("#ff80") == nil)
        #expect(ThemeColor.parse("#gg0000") == nil)
        #expect(ThemeColor.parse("chartreuse") == nil)
    }

    @Test func mapsTo256Colours() {
        #expect(ThemeColor.indexed(31).colorNumber(for: .colors256) == 31)
        #expect(ThemeColor.rgb(255, 0, 0).colorNumber(for: .colors256) == 196)
        #expect(ThemeColor.rgb(0, 95, 135).colorNumber(for: .colors256) == 24)
        #expect(ThemeColor.rgb(128, 128, 128).colorNumber(for: .colors256) == 244)
        #expect(ThemeColor.rgb(0, 0, 0).colorNumber(for: .colors256) == 16)
        #expect(ThemeColor.terminalDefault.colorNumber(for: .colors256) == -1)
    }

    @Test func mapsTo8Colours() {
        #expect(ThemeColor.indexed(4).colorNumber(for: .colors8) == 4)
        #expect(ThemeColor.indexed(12).colorNumber(for: .colors8) == 4)  // bright blue → blue
        #expect(ThemeColor.indexed(196).colorNumber(for: .colors8) == 1)
        #expect(ThemeColor.rgb(0, 200, 0).colorNumber(for: .colors8) == 2)
        #expect(ThemeColor.rgb(250, 250, 250).colorNumber(for: .colors8) == 7)
        #expect(ThemeColor.indexed(21).colorNumber(for: .colors8) == 4)
    }

    @Test func mapsToNoColourAndSelectionStaysVisible() throws {
        #expect(ThemeColor.indexed(31).colorNumber(for: .none) == -1)
        #expect(ThemeColor.rgb(1, 2, 3).colorNumber(for: .none) == -1)
        let theme = try #require(ThemeCatalog.shipped.first { $0.name == "default" }).parse()
        let palette = theme.palette(for: .none)
        // The default theme marks the selection by background only: without colour it turns reverse.
        #expect(palette.appearance(for: .selectedRow).attributes.contains(.reverse))
        #expect(!palette.appearance(for: .listRow).attributes.contains(.reverse))
    }

    @Test func depthFollowsTheTerminalsColourCount() {
        #expect(ColorDepth(colors: 16_777_216) == .colors256)
        #expect(ColorDepth(colors: 256) == .colors256)
        #expect(ColorDepth(colors: 16) == .colors8)
        #expect(ColorDepth(colors: 8) == .colors8)
        #expect(ColorDepth(colors: 2) == .none)
        #expect(ColorDepth(colors: -1) == .none)
    }
}

@Suite struct ThemeParserTests {
    @Test func aThreeLineThemeInheritsTheRest() throws {
        let theme = try ThemeParser.parse("[list.selected]\nbg = \"#005f87\"\nattrs = [\"bold\"]\n", file: "mine.toml", name: "mine")
        let selected = theme.resolved(.selectedRow)
        #expect(selected.background == .rgb(0, 95, 135))
        #expect(selected.foreground == .terminalDefault)
        #expect(selected.attributes == .bold)
        #expect(theme.palette(for: .colors256).appearance(for: .selectedRow) == Appearance(foreground: -1, background: 24, attributes: .bold))
    }

    @Test func aRoleInheritsFromItsBaseUnlessItSaysOtherwise() throws {
        let text = """
            [dialog]
            fg = "white"
            bg = "blue"
            attrs = ["bold"]
            [dialog.button.selected]
            bg = "red"
            attrs = []
            """
        let theme = try ThemeParser.parse(text, file: "t.toml", name: "t")
        #expect(theme.resolved(.dialogButton) == ResolvedLook(foreground: .indexed(7), background: .indexed(4), attributes: .bold))
        #expect(theme.resolved(.dialogButtonSelected) == ResolvedLook(foreground: .indexed(7), background: .indexed(1), attributes: []))
        #expect(theme.resolved(.help) == ResolvedLook(foreground: .terminalDefault, background: .terminalDefault, attributes: []))
    }

    @Test(arguments: [
        ("variant = \"dark\"\n[list.selected]\nbg = \"chartreuse\"\n", 3, "list.selected.bg", "not a colour"),
        ("\n[list]\nfg = 300\n", 3, "list.fg", "outside 0–255"),
        ("[status.ok]\nattrs = [\"blink\"]\n", 2, "status.ok.attrs", "unknown attribute"),
        ("[lists.selected]\nfg = 1\n", 1, "lists.selected", "unknown role"),
        ("[list]\ncolour = 1\n", 2, "list.colour", "unknown key"),
        ("variant = \"dim\"\n", 1, "variant", "dark"),
        ("[list]\nfg = [1]\n", 2, "list.fg", "not a list"),
    ])
    func semanticErrorsNameTheLineAndKey(text: String, line: Int, key: String, message: String) {
        #expect {
            _ = try ThemeParser.parse(text, file: "bad.toml", name: "bad")
        } throws: { error in
            guard let issue = error as? SettingsIssue else { return false }
            return issue.file == "bad.toml" && issue.line == line && issue.key == key && issue.message.contains(message)
                && issue.description.hasPrefix("bad.toml:\(line): \(key): ")
        }
    }

    /// `config --check` lists every problem of a theme, in line order, not only the first.
    @Test func everyProblemOfAThemeIsReportedInLineOrder() throws {
        let text = "variant = \"dim\"\n[status.ok]\nattrs = [\"blink\"]\nfg = 300\n[zzz]\nfg = 1\n[list]\nfg = \"nope\"\n"
        let (_, issues) = try ThemeParser.read(text, file: "bad.toml", name: "bad")
        #expect(issues.map { "\($0.line ?? 0) \($0.key ?? "")" }
            == ["1 variant", "3 status.ok.attrs", "4 status.ok.fg", "5 zzz", "8 list.fg"])
        let source = ThemeSource(name: "bad", origin: .user, file: "bad.toml", text: text)
        #expect(source.problems() == issues)
    }

    @Test func syntaxErrorsCarryTOMLKitsLine() {
        #expect {
            _ = try ThemeParser.parse("[list]\nfg = 1\n\n[status\nfg = 2\n", file: "broken.toml", name: "broken")
        } throws: { error in
            guard let issue = error as? SettingsIssue else { return false }
            return issue.line == 4 && issue.message.contains("not valid TOML")
        }
    }
}

@Suite struct ThemeChoiceTests {
    private func catalog(with files: [String: String]) throws -> (ThemeCatalog, TemporaryFolder) {
        let folder = try TemporaryFolder()
        for (name, text) in files {
            try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
        }
        return (ThemeCatalog(userFolder: folder.path), folder)
    }

    @Test func noColorSelectsMonochromeUnlessAThemeIsChosen() throws {
        let (catalog, folder) = try catalog(with: [:])
        defer { withExtendedLifetime(folder) {} }
        let noColor = ThemeChoice.choose(flag: nil, config: nil, environment: ["NO_COLOR": "1"], catalog: catalog)
        #expect(noColor.themes[noColor.index].name == "monochrome")
        let empty = ThemeChoice.choose(flag: nil, config: nil, environment: ["NO_COLOR": ""], catalog: catalog)
        #expect(empty.themes[empty.index].name == "default")
        let configured = ThemeChoice.choose(flag: nil, config: "light", environment: ["NO_COLOR": "1"], catalog: catalog)
        #expect(configured.themes[configured.index].name == "light")
        let flagged = ThemeChoice.choose(flag: "high-contrast", config: "light", environment: [:], catalog: catalog)
        #expect(flagged.themes[flagged.index].name == "high-contrast")
        #expect(flagged.problem == nil)
    }

    @Test func userThemesAreFoundAndAnInvalidOneFallsBackToDefaultSayingWhere() throws {
        let (catalog, folder) = try catalog(with: [
            "mine.toml": "[list.selected]\nbg = 22\n",
            "broken.toml": "# comment\n[header]\nfg = \"purple-ish\"\n",
        ])
        #expect(catalog.all().map(\.name) == ThemeCatalog.shippedNames + ["broken", "mine"])
        let mine = ThemeChoice.choose(flag: "mine", config: nil, environment: [:], catalog: catalog)
        #expect(mine.themes[mine.index].name == "mine")
        #expect(mine.themes.map(\.name) == ThemeCatalog.shippedNames + ["mine"])  // the broken one is skipped

        let broken = ThemeChoice.choose(flag: folder.path("broken.toml"), config: nil, environment: [:], catalog: catalog)
        #expect(broken.themes[broken.index].name == "default")
        #expect(broken.problem == "Theme broken.toml:3: header.fg: \"purple-ish\" is not a colour (a name, 0–255, #rrggbb or default); using the default theme")

        let missing = ThemeChoice.choose(flag: "nope", config: nil, environment: [:], catalog: catalog)
        #expect(missing.themes[missing.index].name == "default")
        #expect(missing.problem?.contains("no such theme") == true)
    }
}

@Suite struct ThemeSwatchTests {
    @Test func drawnSwatchesUseSGRAndPlainOnesNameTheColours() throws {
        #expect(ThemeSwatch.escape(Appearance(foreground: 231, background: 24, attributes: [.bold, .underline]))
            == "\u{1B}[0;1;4;38;5;231;48;5;24m")
        #expect(ThemeSwatch.escape(Appearance()) == "\u{1B}[0m")
        let theme = try ThemeParser.parse("[list.selected]\nfg = \"#0a0b0c\"\nbg = 12\nattrs = [\"reverse\", \"bold\"]\n",
                                          file: "t.toml", name: "t")
        let plain = ThemeSwatch.lines(theme, depth: .colors256, drawn: false)
        #expect(plain.count == StyleRole.allCases.count)
        #expect(plain.contains { $0.hasPrefix("list.selected ") && $0.hasSuffix("fg #0a0b0c, bg bright-blue, bold reverse") })
        #expect(plain.allSatisfy { !$0.contains("\u{1B}") })
        let drawn = ThemeSwatch.lines(theme, depth: .colors256, drawn: true)
        #expect(drawn.contains { $0.hasPrefix("list.selected ") && $0.contains("\u{1B}[0;1;7;38;5;232;48;5;12m") })
    }
}
