import Foundation
import JoinupCache
import JoinupModel
import JoinupRemote
import JoinupStore

/// The collections browser over a directory of generated collections: how long `c` takes to be
/// ready (the cache read the runtime does, then the browser indexing it), and what a topic toggle
/// and a search keystroke cost in the browser (in memory, no cache read).
enum DirectoryBench {
    static func run(collections count: Int, runs: Int, warmup: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try CacheDatabase(path: folder.appendingPathComponent("bench.sqlite").path)
        let vocabulary = CollectionGenerator.generate(itemsPerCollection: 1, collections: 1, seed: 1).vocabulary
        let terms = vocabulary.filter { !$0.isCategory }
        var random = SystemRandomNumberGenerator()
        let words = ["open", "data", "interoperability", "health", "procurement", "cities", "justice", "software", "public"]
        let listed = (0..<count).map { n in
            DirectoryCollection(
                uri: "http://data.europa.eu/w21/bench-\(n)", alias: "bench-\(n)",
                title: "Collection \(n) \(words[n % words.count]) \(words[(n / 9) % words.count])",
                abstract: "Generated collection \(n) about \(words[(n / 3) % words.count]) in public administrations.",
                isClosed: n % 3 == 0, state: n % 50 == 0 ? "archived" : "validated",
                topicURIs: (0..<(1 + n % 3)).map { _ in terms.randomElement(using: &random)!.uri })
        }
        try cache.storeDirectory(CollectionDirectorySnapshot(collections: listed, topics: vocabulary), remote: "http://bench",
                                 source: .sparql)
        print("directory: \(count) collections, \(vocabulary.count) topics")

        let runner = EffectRunner(cache: cache)
        var ready: [Double] = [], read: [Double] = []
        var browser = CollectionsBrowser()
        for run in 0..<(warmup + runs) {
            var catalog: CollectionCatalog?
            let start = DispatchTime.now().uptimeNanoseconds
            for action in await runner.run(.listCollections) {
                if case .collectionsListed(let listed) = action { catalog = listed }
            }
            let afterRead = DispatchTime.now().uptimeNanoseconds
            browser = CollectionsBrowser()
            browser.load(catalog!, current: nil, rows: 22)
            let end = DispatchTime.now().uptimeNanoseconds
            if run >= warmup {
                read.append(Double(afterRead - start) / 1_000_000)
                ready.append(Double(end - start) / 1_000_000)
            }
        }
        print("c ready (cache read + browser load): \(summary(ready))")
        print("  of which the cache read:           \(summary(read))")

        var toggles: [Double] = [], selected: [Int] = []
        for run in 0..<(warmup + runs) {
            let ms = milliseconds { browser.point(atTopic: run % 5, rows: 22) }
            if run >= warmup { toggles.append(ms) }
            selected.append(browser.shown.count)
            browser.point(atTopic: run % 5, rows: 22)  // and off again, untimed
        }
        print("topic toggle on (one of the five biggest topics; \(selected.min()!)–\(selected.max()!) collections then shown): \(summary(toggles))")

        var keystrokes: [Double] = []
        // A first round warms up; the phrase is 13 keystrokes, so runs/10 rounds give about as many samples.
        for round in 0...max(1, runs / 10) {
            _ = browser.handle(.startSearch, rows: 22)
            for character in "public health" {
                let ms = milliseconds { _ = browser.handle(.typed(character), rows: 22) }
                if round > 0 { keystrokes.append(ms) }
            }
            _ = browser.handle(.cancelSearch, rows: 22)
        }
        print("search keystroke (\"public health\" typed): \(summary(keystrokes))")
    }
}
