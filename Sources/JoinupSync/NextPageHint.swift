import Foundation
import JoinupModel

/// A feed page's next-page link read by a byte scan of its channel header, so the next page can be
/// requested (and parsed) while this one is still being parsed. Only a hint: a page is used only
/// once the full parse of the page before it names the same link.
enum NextPageHint {
    /// How far into a body the channel header is looked for.
    static let headerLimit = 65_536

    /// The `href` of the last `<atom:link … rel="next" …>` before the first item, or nil when there
    /// is none or the header holds anything the scan does not read exactly like the XML parser
    /// (a comment, CDATA, an entity other than the five predefined ones, whitespace in the link).
    static func scan(_ body: Data) -> String? {
        body.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let end = min(bytes.count, headerLimit)
            var found: String?
            var index = 0
            while index < end {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if starts(bytes, at: index, end: end, with: "<item") || starts(bytes, at: index, end: end, with: "<!")
                    || starts(bytes, at: index, end: end, with: "</channel") {
                    break
                }
                if starts(bytes, at: index, end: end, with: "<atom:link ") {
                    var close = index
                    while close < end, bytes[close] != UInt8(ascii: ">") { close += 1 }
                    guard close < end else { return nil }
                    let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<close]), as: UTF8.self)
                    if tag.contains(" rel=\"next\"") {
                        guard let href = attribute("href", in: tag) else { return nil }
                        found = href
                    }
                    index = close
                }
                index += 1
            }
            return found
        }
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= end else { return false }
        let start = prefix.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }

    /// A double-quoted attribute's value with predefined entities decoded, sanitised like the parser's.
    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let open = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[open.upperBound...]
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        var value = String(rest[..<quote])
        if value.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "<" }) { return nil }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")] {
            value = value.replacingOccurrences(of: entity, with: character)
        }
        let ampersands = value.count(where: { $0 == "&" })
        guard ampersands == value.components(separatedBy: "&amp;").count - 1 else { return nil }
        return TerminalText.line(value.replacingOccurrences(of: "&amp;", with: "&"))
    }
}
