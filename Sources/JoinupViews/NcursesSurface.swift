import CNcurses

/// The terminal as a surface: draws cells on `stdscr` with the wide-character API.
///
/// It only draws; the owner of the screen (`initscr`, input, `refresh`) calls `clear()`,
/// renders a frame, then refreshes, and ncurses sends only the cells that changed.
@MainActor
public final class NcursesSurface: @MainActor Surface {
    private let window: UnsafeMutablePointer<WINDOW>?
    private let palette: ColorPalette
    private let usesColor: Bool

    /// Draws on `stdscr`. Pass `usesColor: false` when `ColorPalette.install()` returned false:
    /// roles are then drawn with their attributes only.
    public init(palette: ColorPalette, usesColor: Bool) {
        window = nc_stdscr()
        self.palette = palette
        self.usesColor = usesColor
    }

    /// 0 before `initscr()`, so nothing is drawn.
    public var width: Int { window.map { max(0, Int(getmaxx($0))) } ?? 0 }
    public var height: Int { window.map { max(0, Int(getmaxy($0))) } ?? 0 }

    @discardableResult
    public func put(_ text: String, x: Int, y: Int, style: Style) -> Int {
        let (attrs, pair) = look(style)
        guard y >= 0, y < height else { return x + TextWidth.width(text) }
        let (placements, end) = CellPlacement.place(text, x: x, width: width)
        for placement in placements {
            var chars: [wchar_t]
            switch placement.content {
            case .cell(let cell): chars = cell.scalars.map { wchar_t(bitPattern: $0.value) }
            case .blank: chars = [wchar_t(32)]
            }
            chars.append(0)
            // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
            _ = nc_put_cell(Int32(y), Int32(placement.x), chars, attrs, pair)
        }
        return end
    }

    public func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let (attrs, pair) = look(style)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                _ = nc_put_wch(Int32(y), Int32(x), wchar_t(32), attrs, pair)
            }
        }
    }

    public func clear() {
        fill(bounds, style: .normal)
    }

    private func look(_ style: Style) -> (attr_t, Int16) {
        let appearance = palette.appearance(for: style.role)
        var attrs = nc_a_normal()
        if appearance.attributes.contains(.bold) { attrs |= nc_a_bold() }
        if appearance.attributes.contains(.dim) { attrs |= nc_a_dim() }
        if appearance.attributes.contains(.underline) { attrs |= nc_a_underline() }
        if appearance.attributes.contains(.reverse) { attrs |= nc_a_reverse() }
        if appearance.attributes.contains(.italic) { attrs |= nc_a_italic() }
        return (attrs, usesColor ? ColorPalette.pairNumber(for: style.role) : 0)
    }
}
