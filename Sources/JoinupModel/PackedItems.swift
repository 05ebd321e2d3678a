import Foundation

/// Items kept as one byte buffer until they are stored: a 100,000-item sync held as `[Item]`
/// costs ~1.5 KB an item in string objects, struct copies and allocator overhead; packed, about
/// its text bytes. Decoding gives back equal items (dates to the bit).
public struct PackedItems: Hashable, Sendable {
    /// Chunks of about `chunkSize` bytes, each holding whole items: one growing array would
    /// double its capacity and copy itself, briefly holding 3× the data.
    private var chunks: [[UInt8]] = []
    private var bytes: [UInt8] = []
    private static let chunkSize = 1 << 20
    /// How many items were appended.
    public private(set) var count = 0
    /// The earliest publication date appended (nil when empty).
    public private(set) var oldestPublished: Date?

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public mutating func append(contentsOf items: [Item]) {
        for item in items { append(item) }
    }

    public mutating func append(_ item: Item) {
        if bytes.count >= Self.chunkSize {
            chunks.append(bytes)
            bytes = []
        }
        if bytes.isEmpty { bytes.reserveCapacity(Self.chunkSize + 64 * 1024) }
        write(item.id)
        write(item.collectionURI)
        write(item.kind.rawValue)
        write(item.title)
        write(item.link)
        write(item.body)
        write(item.author)
        write(item.published)
        write(item.eventStart)
        write(item.eventEnd)
        if let location = item.eventLocation {
            bytes.append(1)
            write(location)
        } else {
            bytes.append(0)
        }
        write(UInt32(item.topicURIs.count))
        for uri in item.topicURIs { write(uri) }
        count += 1
        if oldestPublished.map({ item.published < $0 }) ?? true { oldestPublished = item.published }
    }

    /// Calls `body` with each item, in the order appended.
    public func forEach(_ body: (Item) throws -> Void) rethrows {
        for chunk in chunks + [bytes] {
            try Self.decode(chunk, into: body)
        }
    }

    private static func decode(_ chunk: [UInt8], into body: (Item) throws -> Void) rethrows {
        try chunk.withUnsafeBufferPointer { buffer in
            var reader = Reader(buffer: buffer)
            while reader.offset < buffer.count {
                let id = reader.string(), collectionURI = reader.string(), kind = reader.string()
                let title = reader.string(), link = reader.string(), body_ = reader.string(), author = reader.string()
                let published = reader.date(), eventStart = reader.optionalDate(), eventEnd = reader.optionalDate()
                let eventLocation: String? = reader.byte() == 1 ? reader.string() : nil
                let topicURIs = (0..<Int(reader.uint32())).map { _ in reader.string() }
                try body(Item(id: id, collectionURI: collectionURI, kind: ItemKind(rawValue: kind) ?? .news, title: title,
                              link: link, body: body_, author: author, published: published, eventStart: eventStart,
                              eventEnd: eventEnd, eventLocation: eventLocation, topicURIs: topicURIs))
            }
        }
    }

    /// All items, unpacked.
    public var items: [Item] {
        var result: [Item] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }

    private mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// The reference-date interval's bits: `Date` stores exactly that, so the round trip is exact.
    private mutating func write(_ date: Date) {
        withUnsafeBytes(of: date.timeIntervalSinceReferenceDate.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func write(_ date: Date?) {
        if let date {
            bytes.append(1)
            write(date)
        } else {
            bytes.append(0)
        }
    }

    /// Reads what `append` wrote; the buffer is this value's own, so it is trusted.
    private struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func byte() -> UInt8 {
            defer { offset += 1 }
            return buffer[offset]
        }

        mutating func uint32() -> UInt32 {
            var value: UInt32 = 0
            for shift in 0..<4 { value |= UInt32(buffer[offset + shift]) << (8 * shift) }
            offset += 4
            return value
        }

        mutating func string() -> String {
            let length = Int(uint32())
            defer { offset += length }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
        }

        mutating func date() -> Date {
            var bits: UInt64 = 0
            for shift in 0..<8 { bits |= UInt64(buffer[offset + shift]) << (8 * shift) }
            offset += 8
            return Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits))
        }

        mutating func optionalDate() -> Date? {
            byte() == 1 ? date() : nil
        }
    }
}
