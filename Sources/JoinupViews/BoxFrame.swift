/// The bordered, filled box that overlays (help, collections picker) are drawn in.
enum BoxFrame {
    static func draw(_ box: Rect, title: String, on surface: inout some Surface) {
        guard box.width >= 2, box.height >= 2 else { return }
        surface.fill(box, style: .help)
        let horizontal = String(repeating: "─", count: max(0, box.width - 2))
        surface.put("┌" + horizontal + "┐", x: box.x, y: box.y, style: .border)
        surface.put("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: .border)
        for y in (box.y + 1)..<(box.maxY - 1) {
            surface.put("│", x: box.x, y: y, style: .border)
            surface.put("│", x: box.maxX - 1, y: y, style: .border)
        }
        surface.put(title, x: box.x + 2, y: box.y, maxWidth: box.width - 4, style: .helpKey)
    }
}
