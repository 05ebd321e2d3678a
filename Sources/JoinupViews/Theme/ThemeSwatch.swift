import Foundation

/// `joinup themes`' preview: one line per role, drawn with ANSI escapes or written out.
public enum ThemeSwatch {
    public static func lines(_ theme: Theme, depth: ColorDepth, drawn: Bool) -> [String] {
        let palette = theme.palette(for: depth)
        let width = StyleRole.allCases.map(\.themeKey.count).max() ?? 0
        return StyleRole.allCases.map { role in
            let key = role.themeKey.padding(toLength: width, withPad: " ", startingAt: 0)
            let look = theme.resolved(role)
            if drawn {
                return "\(key)  \(escape(palette.appearance(for: role))) Sample text \u{1B}[0m"
            }
            return "\(key)  fg \(name(look.foreground)), bg \(name(look.background))"
                + (look.attributes.isEmpty ? "" : ", \(attributeNames(look.attributes))")
        }
    }

    /// SGR codes for an appearance (256-colour form; -1 leaves the terminal's colour).
    static func escape(_ look: Appearance) -> String {
        var codes: [String] = []
        if look.attributes.contains(.bold) { codes.append("1") }
        if look.attributes.contains(.dim) { codes.append("2") }
        if look.attributes.contains(.italic) { codes.append("3") }
        if look.attributes.contains(.underline) { codes.append("4") }
        if look.attributes.contains(.reverse) { codes.append("7") }
        if look.foreground >= 0 { codes.append("38;5;\(look.foreground)") }
        if look.background >= 0 { codes.append("48;5;\(look.background)") }
        return "\u{1B}[0" + codes.map { ";" + $0 }.joined() + "m"
    }

    static func name(_ color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: "default"
        case .indexed(let index) where index < 16: ThemeColor.names[index]
        case .indexed(let index): "\(index)"
        case .rgb(let r, let g, let b):
            "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    static func attributeNames(_ attributes: TextAttributes) -> String {
        ThemeParser.attributeNames.sorted { $0.key < $1.key }.filter { attributes.contains($0.value) }
            .map(\.key).joined(separator: " ")
    }
}
