import Foundation
import GRDB
import JoinupModel

/// Keeps each collection's `FilterIndex` in the cache file as one blob, written in the same
/// transaction as the items it describes, so opening the browser loads it (a few milliseconds)
/// instead of rebuilding it from 100,000 item rows and 300,000 topic rows (≈ 130 ms).
///
/// A blob is used only when its `content_version` is the collection's current one; anything else
/// (an older cache, a blob from another version, a malformed blob) falls back to building.
/// The format is native-endian arrays: the file is a local cache, never exchanged.
enum FilterIndexStorage {
    /// "JFI1": the format's first four bytes; a changed layout gets another tag.
    static let tag: UInt32 = 0x4A46_4931

    /// The stored index of a collection at `version`, or nil when none fits.
    static func load(collectionURI: String, version: Int64, in db: Database) throws -> FilterIndex? {
        guard let data = try Data.fetchOne(db.cachedStatement(sql: """
            SELECT data FROM filter_index_snapshot WHERE collection_uri = ? AND content_version = ?
            """), arguments: [collectionURI, version]) else { return nil }
        return decode(data, version: version)
    }

    /// After an apply changed a collection: stores its new index. When topic parents changed,
    /// every other collection's blob is dropped too (their implied categories changed with them).
    static func refresh(collectionURI: String, vocabularyChanged: Bool, in db: Database) throws {
        if vocabularyChanged {
            try db.execute(sql: "DELETE FROM filter_index_snapshot WHERE collection_uri <> ?", arguments: [collectionURI])
        }
        try store(collectionURI: collectionURI, in: db)
    }

    /// Builds a collection's index at its current content version and stores it.
    static func store(collectionURI: String, in db: Database) throws {
        let version = try Int64.fetchOne(db, sql: "SELECT content_version FROM collection WHERE uri = ?",
                                         arguments: [collectionURI]) ?? -1
        let index = try FilterIndex.build(collectionURI: collectionURI, version: version, in: db)
        try db.execute(sql: """
            INSERT OR REPLACE INTO filter_index_snapshot (collection_uri, content_version, data) VALUES (?, ?, ?)
            """, arguments: [collectionURI, version, encode(index)])
    }

    // MARK: The format

    static func encode(_ index: FilterIndex) -> Data {
        var data = Data()
        data.reserveCapacity(index.count * 24 + index.topicIDs.count * 2 + 64)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value) { data.append(contentsOf: $0) } }
        func append<T>(array: [T]) { array.withUnsafeBytes { data.append(contentsOf: $0) } }
        append(tag)
        append(Int64(index.count))
        append(Int64(index.topicIDs.count))
        append(Int64(index.topicURIs.count))
        append(array: index.ids)
        append(array: index.dates)
        append(array: index.kinds)
        append(array: index.topicStart)
        append(array: index.topicIDs)
        append(array: index.newestOrder)
        for uri in index.topicURIs {
            let bytes = Array(uri.utf8)
            append(UInt32(bytes.count))
            data.append(contentsOf: bytes)
        }
        return data
    }

    /// The index in `data`, or nil when the bytes are not a whole, consistent index.
    static func decode(_ data: Data, version: Int64) -> FilterIndex? {
        data.withUnsafeBytes { bytes -> FilterIndex? in
            var reader = Reader(bytes: bytes)
            guard reader.scalar(UInt32.self) == tag,
                  let n = reader.count(), let m = reader.count(), let t = reader.count(),
                  let ids = reader.array(Int64.self, n), let dates = reader.array(Double.self, n),
                  let kinds = reader.array(UInt8.self, n), let topicStart = reader.array(Int32.self, n + 1),
                  let topicIDs = reader.array(UInt16.self, m), let newestOrder = reader.array(Int32.self, n)
            else { return nil }
            var topicURIs: [String] = []
            topicURIs.reserveCapacity(t)
            for _ in 0..<t {
                guard let length = reader.scalar(UInt32.self), let utf8 = reader.array(UInt8.self, Int(length)) else { return nil }
                topicURIs.append(String(decoding: utf8, as: UTF8.self))
            }
            // Everything the filters index with must be in range, whatever the file holds.
            guard reader.atEnd, topicStart.first == 0, topicStart.last == Int32(m),
                  zip(topicStart, topicStart.dropFirst()).allSatisfy({ $0 <= $1 }),
                  zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }),
                  topicIDs.allSatisfy({ Int($0) < t }), kinds.allSatisfy({ Int($0) < ItemKind.allCases.count }),
                  newestOrder.allSatisfy({ $0 >= 0 && Int($0) < n })
            else { return nil }
            var topicNumbers: [String: Int] = [:]
            for (number, uri) in topicURIs.enumerated() { topicNumbers[uri] = number }
            return FilterIndex(version: version, ids: ids, kinds: kinds, dates: dates, topicStart: topicStart,
                               topicIDs: topicIDs, topicURIs: topicURIs, topicNumbers: topicNumbers,
                               newestOrder: newestOrder)
        }
    }

    /// Reads native-endian values and arrays of plain values from a byte buffer, bounds-checked.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func scalar<T: FixedWidthInteger>(_: T.Type) -> T? {
            array(T.self, 1)?.first
        }

        /// A count that fits in memory (no more elements than there are bytes left).
        mutating func count() -> Int? {
            guard let value = scalar(Int64.self), value >= 0, value <= Int64(bytes.count - offset) else { return nil }
            return Int(value)
        }

        mutating func array<T>(_: T.Type, _ count: Int) -> [T]? {
            let size = count * MemoryLayout<T>.stride
            guard count >= 0, size <= bytes.count - offset else { return nil }
            let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)])
            offset += size
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                initialized = count
            }
        }
    }
}
