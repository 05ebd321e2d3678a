import Foundation
import JoinupSettings

/// A theme file found somewhere: shipped inside the binary or in the user's themes folder.
public struct ThemeSource: Hashable, Sendable {
    public enum Origin: Hashable, Sendable { case shipped, user }
    public var name: String
    public var origin: Origin
    /// The file named in error messages ("shipped:light.toml" or a real path).
    public var file: String
    public var text: String

    public init(name: String, origin: Origin, file: String, text: String) {
        self.name = name
        self.origin = origin
        self.file = file
        self.text = text
    }

    public func parse() throws(SettingsIssue) -> Theme {
        try ThemeParser.parse(text, file: file, name: name)
    }

    /// Every problem in the theme, in line order (`joinup config --check`, `joinup themes --check`).
    public func problems() -> [SettingsIssue] {
        do {
            return try ThemeParser.read(text, file: file, name: name).1
        } catch {
            return [error]
        }
    }
}

/// Finds themes by name or path: the shipped ones (embedded from Themes/), then
/// `<config dir>/themes/*.toml`, where a user theme may replace a shipped one of the same name.
public struct ThemeCatalog: Sendable {
    /// Shipped theme names in `T`'s cycling order.
    public static let shippedNames = ["default", "light", "high-contrast", "monochrome"]

    public var userFolder: String?

    public init(userFolder: String?) {
        self.userFolder = userFolder
    }

    /// The shipped themes, from the binary.
    public static var shipped: [ThemeSource] {
        let texts: [(String, [UInt8])] = [
            ("default", PackageResources.default_toml), ("light", PackageResources.light_toml),
            ("high-contrast", PackageResources.high_contrast_toml), ("monochrome", PackageResources.monochrome_toml),
        ]
        return texts.map { name, bytes in
            ThemeSource(name: name, origin: .shipped, file: "shipped:\(name).toml",
                        text: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Shipped themes, then user themes (sorted by name), a user theme replacing a shipped one of its name.
    public func all() -> [ThemeSource] {
        var result = Self.shipped
        for source in userThemes() {
            if let index = result.firstIndex(where: { $0.name == source.name }) {
                result[index] = source
            } else {
                result.append(source)
            }
        }
        return result
    }

    /// The theme `NAME` or the theme file at `PATH` (anything containing "/" or ending in ".toml").
    public func find(_ nameOrPath: String) throws(SettingsIssue) -> ThemeSource {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            guard let data = FileManager.default.contents(atPath: nameOrPath) else {
                throw SettingsIssue(file: nameOrPath, line: nil, key: nil, message: "cannot read the theme file")
            }
            let name = ((nameOrPath as NSString).lastPathComponent as NSString).deletingPathExtension
            return ThemeSource(name: name, origin: .user, file: nameOrPath, text: String(decoding: data, as: UTF8.self))
        }
        guard let source = all().first(where: { $0.name == nameOrPath }) else {
            let names = all().map(\.name).joined(separator: ", ")
            throw SettingsIssue(file: nameOrPath, line: nil, key: nil, message: "no such theme (known: \(names))")
        }
        return source
    }

    private func userThemes() -> [ThemeSource] {
        guard let folder = userFolder,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".toml") }.sorted().compactMap { fileName in
            let path = (folder as NSString).appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return ThemeSource(name: (fileName as NSString).deletingPathExtension, origin: .user, file: path,
                               text: String(decoding: data, as: UTF8.self))
        }
    }

    /// The built-in default, parsed; shipped themes are validated by the tests, so this cannot fail
    /// in a released binary — and if it ever did, an empty theme (terminal colours) is still usable.
    public static var defaultTheme: Theme {
        (try? shipped[0].parse()) ?? Theme(name: "default")
    }
}

/// Themes/REFERENCE.toml, generated from the role list so it cannot drift (a test compares).
public enum ThemeReference {
    public static var text: String {
        var lines = [
            "# joinup theme reference: every role a theme can set, with what it colours.",
            "# Generated from the role list (StyleRole.themeSummary); a test keeps this file in sync.",
            "#",
            "# A theme is a TOML file: `joinup --theme NAME|PATH`, `theme = \"NAME\"` in config.toml,",
            "# or a file in <config dir>/themes/ (its name is the file name without .toml).",
            "#",
            "# Each role is a table with up to three keys:",
            "#   fg, bg  a colour: a name (black red green yellow blue magenta cyan white, bright-black … bright-white,",
            "#           grey), a palette index 0–255, \"#rrggbb\", or \"default\" (the terminal's own colour;",
            "#           as a background: transparent). Mapped to the nearest colour the terminal has.",
            "#   attrs   a list of bold, dim, underline, reverse, italic (replaces the base role's list).",
            "# A role leaves out what it inherits from its base: the longest dotted prefix that is a role",
            "# (dialog.button.selected → dialog.button → dialog), else normal. So a theme can be three lines:",
            "#   [list.selected]",
            "#   bg = \"#005f87\"",
            "#",
            "# Top-level keys: description, variant = \"dark\" | \"light\" (the terminal background the",
            "# theme expects; contrast checks assume it). A theme's name is its file name.",
            "",
            "description = \"Every role, set to the terminal's own colours\"",
            "variant = \"dark\"",
        ]
        for role in StyleRole.allCases {
            let base = role.base.map { " Inherits from \($0.themeKey)." } ?? ""
            lines += ["", "# \(role.themeSummary).\(base)", "[\(role.themeKey)]", "fg = \"default\"", "bg = \"default\"",
                      "attrs = []"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
