import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JoinupCache
import JoinupModel
import JoinupStore
import JoinupTestSupport
import JoinupViews

/// Drives the real store over a cache as the terminal loop does and renders every pane a user can
/// reach without typing: the Overview, each item opened, Members, About paged through, and the
/// collections picker.
enum PaneWalk {
    static let width = 100, height = 30

    /// One rendered frame per screen visited, with every string the views handed to it.
    static func frames(cache: CacheDatabase, collectionURI: String, itemLimit: Int = 40) async -> [RecordingSurface] {
        _ = setlocale(LC_ALL, "C.UTF-8")  // widths come from wcwidth
        var store = await SettledStore(runner: EffectRunner(cache: cache), collectionURI: collectionURI) {
            ScreenLayout.viewport(for: $0, width: width, height: height)
        }
        var frames: [RecordingSurface] = []
        func issue(_ command: Command) async { await store.send(command) }
        func snap() {
            var surface = RecordingSurface(width: width, height: height)
            Screen.render(store.state, on: &surface)
            frames.append(surface)
        }
        snap()
        let items = min(itemLimit, store.state.overview.itemCount)
        for _ in 0..<items {
            await issue(.open)
            snap()
            await issue(.pageDown)
            snap()
            await issue(.back)
            await issue(.moveDown)
        }
        await issue(.showTab(.members))
        snap()
        await issue(.pageDown)
        snap()
        await issue(.showTab(.about))
        for _ in 0..<4 {
            snap()
            await issue(.pageDown)
        }
        await issue(.toggleCollectionPicker)
        snap()
        return frames
    }

    /// The strings handed to the surface holding a scalar that must not reach a terminal (a
    /// control, line break, bidi or invisible format character). Checked before the surface's own
    /// filter, which drops such scalars from the cells: the views must not rely on it.
    static func unsanitised(_ surface: RecordingSurface) -> [String] {
        surface.handed.filter { !$0.unicodeScalars.allSatisfy(TerminalText.isAllowed) }.map(\.debugDescription)
    }
}

/// A memory surface that keeps every string handed to it, as it was handed, before anything is
/// cut or filtered.
struct RecordingSurface: Surface {
    private(set) var inner: MemorySurface
    private(set) var handed: [String] = []

    init(width: Int, height: Int) {
        inner = MemorySurface(width: width, height: height)
    }

    var width: Int { inner.width }
    var height: Int { inner.height }

    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style) -> Int {
        handed.append(text)
        return inner.put(text, x: x, y: y, style: style)
    }

    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int, style: Style) -> Int {
        handed.append(text)
        return inner.put(text, x: x, y: y, maxWidth: maxWidth, style: style)
    }

    mutating func fill(_ rect: Rect, style: Style) { inner.fill(rect, style: style) }

    mutating func clear() { inner.clear() }
}
