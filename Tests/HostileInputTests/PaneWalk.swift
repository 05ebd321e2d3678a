import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JoinupCache
import JoinupModel
import JoinupStore
import JoinupViews

/// Drives the real store over a cache as the terminal loop does and renders every pane a user can
/// reach without typing: the Overview, each item opened, Members, About paged through, and the
/// collections picker.
enum PaneWalk {
    static let width = 100, height = 30

    /// One rendered frame per screen visited.
    static func frames(cache: CacheDatabase, collectionURI: String, itemLimit: Int = 40) async -> [MemorySurface] {
        _ = setlocale(LC_ALL, "C.UTF-8")  // widths come from wcwidth
        let runner = EffectRunner(cache: cache)
        var state = AppState()
        var pending = reduce(&state, .started(collectionURI: collectionURI))
        var frames: [MemorySurface] = []
        func settle() async {
            pending += reduce(&state, .viewportChanged(ScreenLayout.viewport(for: state, width: width, height: height)))
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if effect.livesAsLongAsTheApp { continue }  // nothing syncs here
                for action in await runner.run(effect) { pending += reduce(&state, action) }
                pending += reduce(&state, .viewportChanged(ScreenLayout.viewport(for: state, width: width, height: height)))
            }
        }
        func issue(_ command: Command) async {
            pending += reduce(&state, .commandIssued(command))
            await settle()
        }
        func snap() {
            var surface = MemorySurface(width: width, height: height)
            Screen.render(state, on: &surface)
            frames.append(surface)
        }
        await settle()
        snap()
        let items = min(itemLimit, state.overview.itemCount)
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

    /// Cells whose text holds a scalar that is not printable (a control, bidi or invisible format character).
    static func unprintableCells(_ surface: MemorySurface) -> [String] {
        var found: [String] = []
        for (y, row) in surface.rows.enumerated() {
            for (x, cell) in row.enumerated() where !cell.text.unicodeScalars.allSatisfy(TerminalText.isAllowed) {
                found.append("(\(x),\(y)) \(cell.text.debugDescription)")
            }
        }
        return found
    }
}
