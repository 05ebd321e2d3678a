import Foundation

/// A colour as a theme writes it: the terminal's own, a palette index, or an exact RGB value.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background (a transparent background).
    case terminalDefault
    /// An xterm palette index, 0–255 (0–15 are the named colours).
    case indexed(Int)
    /// `#rrggbb`.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 names themes may use, in palette order (index = position).
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                               "bright-black", "bright-red", "bright-green", "bright-yellow",
                               "bright-blue", "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses `default`, a name (`grey` = `bright-black`), `#rrggbb`; nil when it is none of those.
    public static func parse(_ text: String) -> ThemeColor? {
        let lowered = text.lowercased()
        if lowered == "default" { return .terminalDefault }
        if lowered == "grey" || lowered == "gray" { return .indexed(8) }
        if let index = names.firstIndex(of: lowered) { return .indexed(index) }
        if lowered.hasPrefix("#"), lowered.count == 7, let value = UInt32(lowered.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        return nil
    }

    /// The colour's RGB value (xterm's defaults for palette indexes); nil for the terminal default.
    public var rgbValue: RGB? {
        switch self {
        case .terminalDefault: nil
        case .indexed(let index): XtermPalette.rgb(of: index)
        case .rgb(let r, let g, let b): RGB(r, g, b)
        }
    }

    /// The terminal colour number for a terminal of `depth`: -1 means "the terminal's default".
    public func colorNumber(for depth: ColorDepth) -> Int16 {
        switch (self, depth) {
        case (_, .none), (.terminalDefault, _): return -1
        case (.indexed(let index), .colors256): return Int16(index)
        case (.indexed(let index), .colors8) where index < 16:
            // Bright variants are the same hue on 8-colour terminals.
            return Int16(index % 8)
        case (_, .colors256): return Int16(XtermPalette.nearest(to: rgbValue!, in: 16..<256))
        case (_, .colors8): return Int16(XtermPalette.nearest(to: rgbValue!, in: 0..<8))
        }
    }
}

/// How many colours the terminal really has, as `COLORS` reports it.
public enum ColorDepth: String, Hashable, Sendable, CaseIterable {
    case none, colors8, colors256

    /// 256 or more → 256 (direct-colour terminals too: see README "Themes"), 8–255 → 8, else none.
    public init(colors: Int) {
        switch colors {
        case 256...: self = .colors256
        case 8..<256: self = .colors8
        default: self = .none
        }
    }
}

/// An RGB triple.
public struct RGB: Hashable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { (self.r, self.g, self.b) = (r, g, b) }

    /// WCAG 2.x relative luminance.
    public var luminance: Double {
        func channel(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG contrast ratio between two colours, 1…21.
    public static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (a.luminance, b.luminance)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}

/// xterm's default 256-colour palette, which the mapping and the contrast checks assume.
public enum XtermPalette {
    private static let system: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette index 0–255.
    public static func rgb(of index: Int) -> RGB {
        switch index {
        case ..<16: return system[max(0, index)]
        case 16..<232:
            let n = index - 16
            return RGB(cubeLevels[n / 36], cubeLevels[n / 6 % 6], cubeLevels[n % 6])
        default:
            let level = UInt8(8 + 10 * (min(index, 255) - 232))
            return RGB(level, level, level)
        }
    }

    /// The index in `range` closest to `color` (squared RGB distance, weighted for the eye).
    public static func nearest(to color: RGB, in range: Range<Int>) -> Int {
        func distance(_ a: RGB, _ b: RGB) -> Int {
            let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
            return 2 * dr * dr + 4 * dg * dg + 3 * db * db
        }
        return range.min { distance(rgb(of: $0), color) < distance(rgb(of: $1), color) } ?? range.lowerBound
    }
}
