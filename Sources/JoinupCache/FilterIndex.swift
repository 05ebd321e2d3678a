import Foundation
import GRDB
import JoinupModel

/// An in-memory, read-only picture of one collection's items for filtering: per item its kind,
/// list date and effective topics (own terms plus their categories), and the list orders.
///
/// Why: counting topic facets over a large result set in SQL (a GROUP BY over `item_topic`)
/// costs 150–400 ms at 100,000 items; over these arrays it is one pass of a few milliseconds.
/// SQLite still answers what it is good at: the full-text match and the author filter give id
/// sets, and the rows shown are read by id. An index is keyed by the collection's
/// `content_version`, which every changing apply bumps, and is rebuilt on first use after that.
final class FilterIndex: @unchecked Sendable {
    let version: Int64
    /// Position → item id, ascending.
    let ids: [Int64]
    /// Position → index into `ItemKind.allCases`.
    let kinds: [UInt8]
    /// Position → list date (epoch seconds).
    let dates: [Double]
    /// Position p's effective topics are `topicIDs[topicStart[p]..<topicStart[p + 1]]`.
    let topicStart: [Int32]
    let topicIDs: [UInt16]
    /// Topic number → URI, and back.
    let topicURIs: [String]
    let topicNumbers: [String: Int]
    /// Positions newest first (list date descending, then id descending).
    let newestOrder: [Int32]
    private let firstID: Int64
    /// Position by `id - firstID` when ids are dense enough, else nil (then `sparsePositions`).
    private let densePositions: [Int32]?
    private let sparsePositions: [Int64: Int32]
    private let lock = NSLock()
    private var titleOrderStorage: [Int32]?

    var count: Int { ids.count }

    /// `newestOrder` is computed when not given (a stored index carries its own: FilterIndexStorage.swift).
    init(version: Int64, ids: [Int64], kinds: [UInt8], dates: [Double], topicStart: [Int32], topicIDs: [UInt16],
         topicURIs: [String], topicNumbers: [String: Int], newestOrder: [Int32]? = nil) {
        self.version = version
        self.ids = ids
        self.kinds = kinds
        self.dates = dates
        self.topicStart = topicStart
        self.topicIDs = topicIDs
        self.topicURIs = topicURIs
        self.topicNumbers = topicNumbers
        self.newestOrder = newestOrder ?? (0..<Int32(ids.count)).sorted { a, b in
            dates[Int(a)] != dates[Int(b)] ? dates[Int(a)] > dates[Int(b)] : a > b
        }
        firstID = ids.first ?? 0
        let span = (ids.last ?? 0) - firstID + 1
        if !ids.isEmpty && span <= Int64(ids.count) * 4 {
            var dense = [Int32](repeating: -1, count: Int(span))
            for (position, id) in ids.enumerated() { dense[Int(id - firstID)] = Int32(position) }
            densePositions = dense
            sparsePositions = [:]
        } else {
            densePositions = nil
            var sparse: [Int64: Int32] = [:]
            sparse.reserveCapacity(ids.count)
            for (position, id) in ids.enumerated() { sparse[id] = Int32(position) }
            sparsePositions = sparse
        }
    }

    /// Items per kind number, over the whole collection.
    func kindTotals() -> [Int] {
        var totals = [Int](repeating: 0, count: ItemKind.allCases.count)
        for kind in kinds { totals[Int(kind)] += 1 }
        return totals
    }

    func position(of id: Int64) -> Int? {
        if let densePositions {
            let offset = id - firstID
            guard offset >= 0, offset < densePositions.count else { return nil }
            let position = densePositions[Int(offset)]
            return position < 0 ? nil : Int(position)
        }
        return sparsePositions[id].map(Int.init)
    }

    /// Reads a collection's index from the database (inside the caller's read transaction).
    static func build(collectionURI: String, version: Int64, in db: Database) throws -> FilterIndex {
        var topicURIs: [String] = []
        var topicNumbers: [String: Int] = [:]
        var parentOf: [Int: Int] = [:]
        var parentURIs: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT uri, parent_uri FROM topic ORDER BY rowid") {
            let uri: String = row[0]
            topicNumbers[uri] = topicURIs.count
            if let parent: String = row[1] { parentURIs[topicURIs.count] = parent }
            topicURIs.append(uri)
        }
        for (child, parent) in parentURIs {
            if let number = topicNumbers[parent] { parentOf[child] = number }
        }

        // The collection's items from the covering index (no sort in SQL), then put in id order.
        var ids: [Int64] = [], kinds: [UInt8] = [], dates: [Double] = []
        let kindNumbers = Dictionary(uniqueKeysWithValues: ItemKind.allCases.enumerated().map { ($1.rawValue, UInt8($0)) })
        let items = try Row.fetchCursor(db, sql: "SELECT id, kind, list_date FROM item WHERE collection_uri = ?",
                                        arguments: [collectionURI])
        // Read by position, not through `ItemRecord`: this loop runs over every item of a
        // collection when its stored index is missing or stale.
        while let row = try items.next() {
            let kind: String = row[1]
            guard let number = kindNumbers[kind] else { throw CacheError.unreadableValue(column: "item.kind", value: kind) }
            ids.append(row[0])
            kinds.append(number)
            dates.append(row[2])
        }
        if zip(ids, ids.dropFirst()).contains(where: { $0 >= $1 }) {
            let permutation = ids.indices.sorted { ids[$0] < ids[$1] }
            ids = permutation.map { ids[$0] }
            kinds = permutation.map { kinds[$0] }
            dates = permutation.map { dates[$0] }
        }

        // Own terms only; the categories they imply come from the vocabulary (the same rule
        // `item_topic`'s implied rows follow). `item_topic` is read in primary-key order over the
        // collection's id range (one import makes one contiguous range), which is id order.
        var topicStart: [Int32] = [0]
        var topicIDs: [UInt16] = []
        topicStart.reserveCapacity(ids.count + 1)
        topicIDs.reserveCapacity(ids.count * 5)
        let pairs = try Row.fetchCursor(db, sql: """
            SELECT item_id, topic_uri FROM item_topic
            WHERE item_id BETWEEN ? AND ? AND position IS NOT NULL
            """, arguments: [ids.first ?? 0, ids.last ?? -1])
        var position = 0
        var own: [Int] = []
        func flush() {
            var effective = own
            for number in own { if let parent = parentOf[number], !effective.contains(parent) { effective.append(parent) } }
            for number in effective where !topicIDs[Int(topicStart.last!)...].contains(UInt16(number)) {
                topicIDs.append(UInt16(number))
            }
            topicStart.append(Int32(topicIDs.count))
            own.removeAll(keepingCapacity: true)
        }
        while let row = try pairs.next() {
            let itemID: Int64 = row[0]
            while position < ids.count && ids[position] < itemID {
                flush()
                position += 1
            }
            // Rows of another collection's items inside the range are skipped.
            guard position < ids.count, ids[position] == itemID else { continue }
            if let number = topicNumbers[row[1] as String] { own.append(number) }
        }
        while position < ids.count {
            flush()
            position += 1
        }
        return FilterIndex(version: version, ids: ids, kinds: kinds, dates: dates, topicStart: topicStart,
                           topicIDs: topicIDs, topicURIs: topicURIs, topicNumbers: topicNumbers)
    }

    /// Positions by folded title (built on first use: most sessions never sort by title).
    func titleOrder(collectionURI: String, in db: Database) throws -> [Int32] {
        lock.lock()
        if let order = titleOrderStorage { lock.unlock(); return order }
        lock.unlock()
        var order: [Int32] = []
        order.reserveCapacity(ids.count)
        let cursor = try Int64.fetchCursor(db, sql: """
            SELECT id FROM item WHERE collection_uri = ? ORDER BY title_key, id
            """, arguments: [collectionURI])
        while let id = try cursor.next() {
            if let position = position(of: id) { order.append(Int32(position)) }
        }
        lock.lock()
        titleOrderStorage = order
        lock.unlock()
        return order
    }
}

/// The filter indexes built so far, one per collection (the newest version wins).
final class FilterIndexStore: @unchecked Sendable {
    private let lock = NSLock()
    /// Held while loading or building, so two reads at start (header and list) share one load.
    private let loading = NSLock()
    private var indexes: [String: FilterIndex] = [:]

    /// The index of a collection at the version the read transaction sees, built if needed.
    func index(collectionURI: String, in db: Database) throws -> FilterIndex {
        let version = try Int64.fetchOne(db.cachedStatement(sql: "SELECT content_version FROM collection WHERE uri = ?"),
                                         arguments: [collectionURI]) ?? -1
        lock.lock()
        let known = indexes[collectionURI]
        lock.unlock()
        if let known, known.version == version { return known }
        loading.lock()
        defer { loading.unlock() }
        lock.lock()
        let loaded = indexes[collectionURI]
        lock.unlock()
        if let loaded, loaded.version == version { return loaded }
        let built = try FilterIndexStorage.load(collectionURI: collectionURI, version: version, in: db)
            ?? FilterIndex.build(collectionURI: collectionURI, version: version, in: db)
        lock.lock()
        if (indexes[collectionURI]?.version ?? Int64.min) <= version { indexes[collectionURI] = built }
        lock.unlock()
        return built
    }
}

/// One filter evaluated over a `FilterIndex`.
struct IndexedFilter {
    let index: FilterIndex
    /// Positions passing every constraint but topics and kinds.
    private var base: [Bool]
    /// Positions `base` dropped for the Upcoming/Past choice alone (nil when there is none), so
    /// the two can be counted over everything else.
    private var droppedForTiming: [Bool]?
    /// The moment that splits upcoming from past events.
    private let moment: Double
    private let topicSelected: [Bool]
    private let hasTopics: Bool
    private let kindSelected: [Bool]
    private let hasKinds: Bool
    /// Position → read; the read-state filter is kept apart so the "Unread" count can ignore it.
    let read: [Bool]
    private let readWanted: Bool?

    init(index: FilterIndex, readMarks: ReadMarkStore, collectionURI: String, filter: ItemFilter, now: Date,
         in db: Database) throws {
        self.index = index
        let n = index.count
        base = [Bool](repeating: true, count: n)
        if let match = try FoldedSearch.fullTextMatch(filter.text, in: db) {
            var hit = [Bool](repeating: false, count: n)
            let cursor = try Int64.fetchCursor(db.cachedStatement(sql: "SELECT rowid FROM item_fts WHERE item_fts MATCH ?"),
                                               arguments: [match])
            while let id = try cursor.next() {
                if let position = index.position(of: id) { hit[position] = true }
            }
            base = hit
        }
        if let author = filter.author.map({ TextFolding.fold($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
           !author.isEmpty {
            var hit = [Bool](repeating: false, count: n)
            let cursor = try Int64.fetchCursor(db.cachedStatement(sql: """
                SELECT id FROM item WHERE collection_uri = ? AND instr(author_key, ?) > 0
                """), arguments: [collectionURI, author])
            while let id = try cursor.next() {
                if let position = index.position(of: id) { hit[position] = true }
            }
            for p in 0..<n where !hit[p] { base[p] = false }
        }
        let topicCount = index.topicURIs.count
        if !filter.excludedTopicURIs.isEmpty {
            var excluded = [Bool](repeating: false, count: topicCount)
            for uri in filter.excludedTopicURIs { if let number = index.topicNumbers[uri] { excluded[number] = true } }
            for p in 0..<n where base[p] {
                for k in Int(index.topicStart[p])..<Int(index.topicStart[p + 1]) where excluded[Int(index.topicIDs[k])] {
                    base[p] = false
                    break
                }
            }
        }
        let since = filter.since?.timeIntervalSince1970, until = filter.until?.timeIntervalSince1970
        let eventKind = UInt8(ItemKind.allCases.firstIndex(of: .event)!)
        let moment = now.timeIntervalSince1970
        self.moment = moment
        if since != nil || until != nil || filter.eventTiming != nil {
            var dropped = filter.eventTiming == nil ? nil : [Bool](repeating: false, count: n)
            for p in 0..<n where base[p] {
                let date = index.dates[p]
                if let since, date < since { base[p] = false; continue }
                if let until, date >= until { base[p] = false; continue }
                if let timing = filter.eventTiming {
                    let keep = index.kinds[p] == eventKind && (timing == .upcoming ? date >= moment : date < moment)
                    if !keep {
                        base[p] = false
                        dropped?[p] = true
                    }
                }
            }
            droppedForTiming = dropped
        }
        read = try readMarks.positions(collectionURI: collectionURI, index: index, in: db)
        readWanted = filter.readState.map { $0 == .read }
        var topics = [Bool](repeating: false, count: topicCount)
        var anyTopic = false
        for uri in filter.topicURIs {
            anyTopic = true
            if let number = index.topicNumbers[uri] { topics[number] = true }
        }
        topicSelected = topics
        hasTopics = anyTopic
        var kinds = [Bool](repeating: false, count: ItemKind.allCases.count)
        for kind in filter.kinds { kinds[ItemKind.allCases.firstIndex(of: kind)!] = true }
        kindSelected = kinds
        hasKinds = !filter.kinds.isEmpty
    }

    @inline(__always) private func topicOK(_ p: Int) -> Bool {
        guard hasTopics else { return true }
        for k in Int(index.topicStart[p])..<Int(index.topicStart[p + 1]) where topicSelected[Int(index.topicIDs[k])] {
            return true
        }
        return false
    }

    @inline(__always) private func kindOK(_ p: Int) -> Bool {
        !hasKinds || kindSelected[Int(index.kinds[p])]
    }

    @inline(__always) private func readOK(_ p: Int) -> Bool {
        guard let readWanted else { return true }
        return read[p] == readWanted
    }

    @inline(__always) func matches(_ p: Int) -> Bool { base[p] && readOK(p) && kindOK(p) && topicOK(p) }

    /// Count, per-topic counts (ignoring the topic selection), per-kind counts (ignoring the
    /// kind selection) and the unread count (ignoring the read-state selection), in one pass.
    func tally() -> (count: Int, topics: [Int], kinds: [Int], unread: Int) {
        var count = 0, unread = 0
        var topicCounts = [Int](repeating: 0, count: index.topicURIs.count)
        var kindCounts = [Int](repeating: 0, count: ItemKind.allCases.count)
        for p in 0..<index.count where base[p] {
            let kind = kindOK(p), topic = topicOK(p)
            if kind && topic && !read[p] { unread += 1 }
            guard readOK(p) else { continue }
            if kind {
                for k in Int(index.topicStart[p])..<Int(index.topicStart[p + 1]) { topicCounts[Int(index.topicIDs[k])] += 1 }
            }
            if topic {
                kindCounts[Int(index.kinds[p])] += 1
                if kind { count += 1 }
            }
        }
        return (count, topicCounts, kindCounts, unread)
    }

    /// Upcoming and past events over the filter minus its own Upcoming/Past choice (as the type
    /// facet ignores the type selection): the counts beside the two filter rows.
    func eventTimingTally() -> [EventTiming: Int] {
        let eventKind = UInt8(ItemKind.allCases.firstIndex(of: .event)!)
        var upcoming = 0, past = 0
        for p in 0..<index.count where index.kinds[p] == eventKind && topicOK(p) && readOK(p) {
            guard base[p] || droppedForTiming?[p] == true else { continue }
            if index.dates[p] >= moment { upcoming += 1 } else { past += 1 }
        }
        return [.upcoming: upcoming, .past: past]
    }

    func count() -> Int {
        var count = 0
        for p in 0..<index.count where matches(p) { count += 1 }
        return count
    }

    /// Item ids of one window in list order.
    func window(order: [Int32], reversed: Bool, offset: Int, limit: Int) -> [Int64] {
        var skipped = 0
        var result: [Int64] = []
        func visit(_ position: Int32) -> Bool {
            let p = Int(position)
            guard matches(p) else { return true }
            if skipped < offset { skipped += 1; return true }
            result.append(index.ids[p])
            return result.count < limit
        }
        if reversed {
            for position in order.reversed() where !visit(position) { break }
        } else {
            for position in order where !visit(position) { break }
        }
        return result
    }
}
