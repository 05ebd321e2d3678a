import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import JoinupViews
import JoinupModel
import JoinupStore

/// Widths come from `wcwidth`, which needs a UTF-8 locale; every suite calls this first.
enum TestLocale {
    static let isUTF8: Bool = setlocale(LC_ALL, "C.UTF-8") != nil

    static func ensure() {
        precondition(isUTF8, "C.UTF-8 locale is missing")
    }
}

/// Renders a state on a fresh memory surface.
func render(_ state: AppState, width: Int, height: Int, keyMap: KeyMap = .standard) -> MemorySurface {
    TestLocale.ensure()
    var surface = MemorySurface(width: width, height: height)
    Screen.render(state, on: &surface, keyMap: keyMap)
    return surface
}

/// Compares a whole frame with the expected text. Set JOINUP_SNAPSHOT_DIR to write the actual
/// frame there when they differ (to review it by eye and update the test).
func expectFrame(_ surface: MemorySurface, _ expected: String, name: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var actual = surface.lines
    while actual.last == "" && actual.count > expectedLines.count { actual.removeLast() }
    if actual != expectedLines, let dir = ProcessInfo.processInfo.environment["JOINUP_SNAPSHOT_DIR"] {
        try? surface.text.write(toFile: "\(dir)/\(name).txt", atomically: true, encoding: .utf8)
    }
    #expect(actual == expectedLines, "frame \(name) differs:\n\(surface.text)", sourceLocation: sourceLocation)
}

/// The column where `needle` starts on row `y`, counted in cells (wide characters take two).
func column(of needle: String, row y: Int, in surface: MemorySurface) -> Int? {
    guard y >= 0, y < surface.height else { return nil }
    let row = surface.rows[y]
    let target = Array(needle)
    for start in 0..<row.count {
        var chars: [Character] = []
        var x = start
        while x < row.count, chars.count < target.count {
            chars += Array(row[x].text)
            x += 1
        }
        if chars.starts(with: target) && row[start].width > 0 { return start }
    }
    return nil
}

/// A surface that checks every call lands inside it, for views that must size their own text.
struct BoundsCheckingSurface: Surface {
    var inner: MemorySurface
    private(set) var violations: [String] = []

    init(width: Int, height: Int) {
        inner = MemorySurface(width: width, height: height)
    }

    var width: Int { inner.width }
    var height: Int { inner.height }

    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style) -> Int {
        let columns = TextWidth.width(text)
        if columns > 0 && (y < 0 || y >= height || x < 0 || x + columns > width) {
            violations.append("put \(text.debugDescription) at \(x),\(y) (\(columns) columns) on \(width)x\(height)")
        }
        return inner.put(text, x: x, y: y, style: style)
    }

    mutating func fill(_ rect: Rect, style: Style) {
        if !rect.isEmpty && rect.intersection(bounds) != rect {
            violations.append("fill \(rect) on \(width)x\(height)")
        }
        inner.fill(rect, style: style)
    }

    mutating func clear() { inner.clear() }
}
