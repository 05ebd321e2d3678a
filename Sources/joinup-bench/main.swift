// joinup-bench: how fast the cache answers the browser's filter changes and search keystrokes.
//
// Times the generation of the collection first (what `joinup-remote --generate` does before
// serving; a unit test holds no clock to it). Builds (or reuses) a cache holding that collection,
// then times, after a warm-up, what the browser reads on every change: item count + topic facet
// counts + type counts + the first 40 rows (`CacheDatabase.filteredItems`, one read
// transaction). Not a test: run it in release.
//
//   swift build -c release --product joinup-bench
//   .build/release/joinup-bench --items 100000 --runs 30
//
// With `--directory N` it times the collections browser over a directory of N generated
// collections instead (DirectoryBench.swift).
import Foundation
import JoinupCache
import JoinupModel
import JoinupRemote

struct Options {
    var items = 100_000
    var runs = 30
    var warmup = 5
    var cachePath: String?
    var directory: Int?

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments.dropFirst()
        func value() -> String {
            guard let next = rest.popFirst() else { fail("missing value after \(arguments[arguments.count - rest.count - 1])") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--items": options.items = Int(value()) ?? options.items
            case "--runs": options.runs = max(1, Int(value()) ?? options.runs)
            case "--warmup": options.warmup = max(0, Int(value()) ?? options.warmup)
            case "--cache": options.cachePath = value()
            case "--directory": options.directory = Int(value())
            case "-h", "--help":
                print("usage: joinup-bench [--items N] [--runs N] [--warmup N] [--cache FILE (kept; reused when it exists)] [--directory N]")
                exit(0)
            default: fail("unknown argument \(argument)")
            }
        }
        return options
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("joinup-bench: \(message)\n".utf8))
    exit(2)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func summary(_ samples: [Double]) -> String {
    let sorted = samples.sorted()
    let n = sorted.count
    let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    return String(format: "median %.2f ms (min %.2f – max %.2f), %d runs", median, sorted.first!, sorted.last!, n)
}

let options = Options.parse(CommandLine.arguments)
let now = Date(timeIntervalSince1970: 1_719_576_000)
if let count = options.directory {
    try await DirectoryBench.run(collections: count, runs: options.runs, warmup: options.warmup)
    exit(0)
}

// MARK: The cache

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("joinup-bench-\(UUID().uuidString)")
let path = options.cachePath ?? folder.appendingPathComponent("bench.sqlite").path
if options.cachePath == nil {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
}
defer { if options.cachePath == nil { try? FileManager.default.removeItem(at: folder) } }

let cache = try CacheDatabase(path: path)
var generatedSet: GeneratedDataSet?
let generateSeconds = milliseconds {
    generatedSet = CollectionGenerator.generate(itemsPerCollection: options.items, collections: 1, seed: 1)
} / 1000
let set = generatedSet!
print(String(format: "generate %d items in memory (CollectionGenerator, seed 1): %.2f s", options.items, generateSeconds))
let generated = set.collections[0]
let uri = generated.collection.uri
if try cache.itemCount(collectionURI: uri, filter: .none, now: now) != options.items {
    let snapshot = CollectionSnapshot(collection: generated.collection, topics: set.vocabulary, items: generated.items,
                                      members: generated.members, isCompleteListing: true)
    let seconds = try milliseconds { try cache.apply(snapshot, origin: .remote("bench"), at: now) } / 1000
    print(String(format: "import of %d items into an empty cache: %.2f s", options.items, seconds))
}
print("cache: \(options.items) items in one collection\(options.cachePath.map { " (\($0))" } ?? "")")

// MARK: First read after opening: loads the collection's stored filter index (FilterIndexStorage)

var coldOpen: [Double] = []
for _ in 0..<5 {
    let fresh = try CacheDatabase(path: path)
    coldOpen.append(try milliseconds { _ = try fresh.filteredItems(collectionURI: uri, filter: .none, limit: 40, now: now) })
}
print("first read after opening the cache (loads the stored filter index): \(summary(coldOpen))")

// MARK: Filter change: toggle one topic on, then off again

let topicChoices = [
    "http://joinup.eu/ontology/topic#open-source-software", "http://joinup.eu/ontology/topic/category#ict",
    "http://joinup.eu/ontology/topic#ehealth", "http://joinup.eu/ontology/topic/category#justice",
    "http://joinup.eu/ontology/topic#smart-cities",
]
var toggleOn: [Double] = [], toggleOff: [Double] = []
for run in 0..<(options.warmup + options.runs) {
    let topic = topicChoices[run % topicChoices.count]
    let on = try milliseconds {
        _ = try cache.filteredItems(collectionURI: uri, filter: ItemFilter(topicURIs: [topic]), limit: 40, now: now)
    }
    let off = try milliseconds { _ = try cache.filteredItems(collectionURI: uri, filter: .none, limit: 40, now: now) }
    if run >= options.warmup {
        toggleOn.append(on)
        toggleOff.append(off)
    }
}
print("filter change (toggle one topic; count + facets + type counts + 40 rows):")
print("  both directions: \(summary(toggleOn + toggleOff))")
print("  topic on:        \(summary(toggleOn))")
print("  topic off:       \(summary(toggleOff))")

// MARK: Search keystroke: the text grows by one character

let phrases = ["public procurement of software", "donnees ouvertes", "interoperabilitat"]
var keystrokes: [Double] = []
var byLength: [Int: [Double]] = [:]
var round = 0
while keystrokes.count < options.runs || round == 0 {
    for phrase in phrases {
        var text = ""
        for character in phrase {
            text.append(character)
            let filter = ItemFilter(text: text)
            let ms = try milliseconds { _ = try cache.filteredItems(collectionURI: uri, filter: filter, limit: 40, now: now) }
            if round > 0 || options.warmup == 0 {
                keystrokes.append(ms)
                byLength[text.count, default: []].append(ms)
            }
        }
    }
    round += 1
}
print("search keystroke (\(phrases.map { "\"\($0)\"" }.joined(separator: ", ")) typed one character at a time):")
print("  all keystrokes:  \(summary(keystrokes))")
for length in byLength.keys.sorted() where length <= 4 {
    print("  \(length) character\(length == 1 ? " " : "s"):    \(summary(byLength[length]!))")
}
let longer = byLength.filter { $0.key > 4 }.flatMap(\.value)
if !longer.isEmpty { print("  5+ characters:   \(summary(longer))") }

// MARK: Read state: half the items read, then the unread filter, counts, n, and marking all read

let halfRead = ItemFilter(kinds: [.news])
let markedHalf = try milliseconds { _ = try cache.markAllRead(collectionURI: uri, filter: halfRead, now: now) }
print(String(format: "mark the News items read (one statement): %.1f ms", markedHalf))
var firstUnread: [Double] = [], unreadOn: [Double] = [], unreadOff: [Double] = [], unreadCounts: [Double] = [], nextUnread: [Double] = []
var toggles: [Double] = []
// `m` as the browser runs it: store one mark (which updates the kept read positions in place),
// then read the list again under the Unread filter. Toggle one mark each run.
let someID = try cache.itemSummaries(collectionURI: uri, filter: .none, offset: 0, limit: 1, now: now)[0].id
for run in 0..<(options.warmup + options.runs) {
    let mark = try milliseconds { try cache.setRead(run % 2 == 0, collectionURI: uri, ids: [someID], now: now) }
    let first = try milliseconds { _ = try cache.filteredItems(collectionURI: uri, filter: ItemFilter(readState: .unread), limit: 40, now: now) }
    let topic = topicChoices[run % topicChoices.count]
    let on = try milliseconds {
        _ = try cache.filteredItems(collectionURI: uri, filter: ItemFilter(topicURIs: [topic], readState: .unread), limit: 40, now: now)
    }
    let off = try milliseconds { _ = try cache.filteredItems(collectionURI: uri, filter: .none, limit: 40, now: now) }
    let counts = try milliseconds { _ = try cache.collections() }
    let next = try milliseconds { _ = try cache.unreadOffset(collectionURI: uri, filter: .none, from: 0, now: now) }
    if run >= options.warmup {
        firstUnread.append(first)
        toggles.append(mark + first)
        unreadOn.append(on)
        unreadOff.append(off)
        unreadCounts.append(counts)
        nextUnread.append(next)
    }
}
print("read state (half the items read):")
print("  unread filter, first read after a mark changed: \(summary(firstUnread))")
print("  m (store one mark, then that read):              \(summary(toggles))")
print("  unread filter + one topic (filter change):      \(summary(unreadOn))")
print("  no filter (counts include the Unread count):    \(summary(unreadOff))")
print("  collections with unread counts (picker):        \(summary(unreadCounts))")
print("  n (next unread offset over the whole list):     \(summary(nextUnread))")
let markedAll = try milliseconds { _ = try cache.markAllRead(collectionURI: uri, filter: .none, now: now) }
print(String(format: "mark all %d items read (one statement): %.1f ms", options.items, markedAll))
