import JoinupStore

/// The tab bar: " [1 Overview]  2 Members   3 About ──────", the active tab bracketed and highlighted.
enum TabBar {
    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        var x = rect.x + 1
        for tab in Tab.allCases {
            let label = "\(tab.rawValue + 1) \(tab.title)"
            let active = tab == state.tab
            let text = active ? "[\(label)]" : " \(label) "
            x = surface.put(text, x: x, in: rect, row: 0, style: active ? .tabActive : .tabInactive)
            x += 1
        }
        if x < rect.maxX {
            surface.put(String(repeating: "─", count: rect.maxX - x), x: x, in: rect, row: 0, style: .border)
        }
    }
}
