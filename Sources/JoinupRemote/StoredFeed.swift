import Foundation

/// A data folder's feed.xml, served as stored. A feed longer than the page size is cut between its
/// `<item>` elements: every page is the file's own bytes (channel head, a run of items, the end of
/// the document) with only the RFC 5005 next link inserted, so no item is ever re-rendered.
struct StoredFeed: Sendable {
    var document: StoredDocument
    /// Byte offsets of each `<item>…</item>` in the document.
    var items: [Range<Int>]
    /// Changes whenever the file changes; carried in next links so a page of an older listing is refused.
    var version: String

    init(_ document: StoredDocument) {
        self.document = document
        items = Self.itemRanges(document.data)
        version = String(WireFormat.entityTag(document.data).dropFirst().dropLast())
    }

    /// Page `number` (from 1) of `pageSize` items, with `nextURL` inserted before its first item when
    /// given. The whole file when it fits on one page.
    func page(_ number: Int, of pageSize: Int, nextURL: String?) -> Data {
        let bytes = document.data
        guard let first = items.first, let last = items.last else { return bytes }
        let size = pageSize > 0 ? pageSize : items.count
        let slice = items[(number - 1) * size..<min(items.count, number * size)]
        guard let from = slice.first?.lowerBound, let to = slice.last?.upperBound else { return bytes }
        var out = Data(bytes[bytes.startIndex..<bytes.startIndex + first.lowerBound])
        if let nextURL {
            // Declared inline: the file's own head need not declare the atom namespace.
            out += Data("<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"next\" type=\"application/rss+xml\" href=\"\(WireFormat.xml(nextURL))\"/>\n".utf8)
            out += Data(indentation(before: first.lowerBound).utf8)
        }
        out += bytes[bytes.startIndex + from..<bytes.startIndex + to]
        out += bytes[bytes.startIndex + last.upperBound..<bytes.endIndex]
        return out
    }

    /// The spaces and tabs that open the line an offset is on, so an inserted line is indented alike.
    private func indentation(before offset: Int) -> String {
        let bytes = document.data
        var start = offset
        while start > 0, bytes[bytes.startIndex + start - 1] == UInt8(ascii: " ") || bytes[bytes.startIndex + start - 1] == UInt8(ascii: "\t") {
            start -= 1
        }
        return String(decoding: bytes[bytes.startIndex + start..<bytes.startIndex + offset], as: UTF8.self)
    }

    /// Where each `<item>` element starts and its `</item>` ends, skipping comments, CDATA and
    /// processing instructions (where `<item>` would be text). Empty for a document with no items
    /// (or not XML at all), which is then served whole.
    static func itemRanges(_ data: Data) -> [Range<Int>] {
        data.withUnsafeBytes { raw -> [Range<Int>] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var ranges: [Range<Int>] = []
            var open: Int?
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?") {
                    index = skipped(bytes, at: index)
                } else if open == nil, starts(bytes, at: index, with: "<item"), index + 5 < bytes.count,
                          endsName(bytes[index + 5]) {
                    open = index
                    index += 5
                } else if let start = open, starts(bytes, at: index, with: "</item>") {
                    ranges.append(start..<index + 7)
                    open = nil
                    index += 7
                } else {
                    index += 1
                }
            }
            return ranges
        }
    }

    /// The offset after the comment, CDATA section, processing instruction or declaration (`<!DOCTYPE`)
    /// starting at `index`.
    private static func skipped(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let closing = starts(bytes, at: index, with: "<!--") ? "-->"
            : starts(bytes, at: index, with: "<![CDATA[") ? "]]>"
            : bytes[index + 1] == UInt8(ascii: "?") ? "?>" : ">"
        var cursor = index + 2
        while cursor < bytes.count, !starts(bytes, at: cursor, with: closing) { cursor += 1 }
        return min(bytes.count, cursor + closing.utf8.count)
    }

    /// Whether a byte ends an element name (`<item>`, `<item …`, not `<items>`).
    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: String) -> Bool {
        let utf8 = prefix.utf8
        guard index + utf8.count <= bytes.count else { return false }
        return zip(bytes[index..<index + utf8.count], utf8).allSatisfy { $0 == $1 }
    }
}
