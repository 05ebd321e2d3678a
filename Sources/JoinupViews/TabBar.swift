import JoinupStore

/// The tab bar: " [1 Overview]  2 Members   3 About ──────", the active tab bracketed and highlighted.
enum TabBar {
    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        var x = rect.x + 1
        for (tab, columns) in spans(state, in: rect) {
            let active = tab == state.tab
            x = surface.put(text(tab, active: active), x: columns.lowerBound, in: rect, row: 0,
                            style: active ? .tabActive : .tabInactive)
            x += 1
        }
        if x < rect.maxX {
            surface.put(String(repeating: "─", count: rect.maxX - x), x: x, in: rect, row: 0, style: .border)
        }
    }

    private static func text(_ tab: Tab, active: Bool) -> String {
        let label = "\(tab.rawValue + 1) \(tab.title)"
        return active ? "[\(label)]" : " \(label) "
    }

    /// The columns each tab's label takes (what a mouse click is tested against).
    static func spans(_ state: AppState, in rect: Rect) -> [(Tab, Range<Int>)] {
        var x = rect.x + 1
        return Tab.allCases.map { tab in
            let width = TextWidth.width(text(tab, active: tab == state.tab))
            defer { x += width + 1 }
            return (tab, x..<(x + width))
        }
    }
}
