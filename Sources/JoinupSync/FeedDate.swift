import Foundation

/// Hand-written parsers for the date formats of the remote feed (RFC 822 and ISO 8601).
///
/// Written by hand because a feed parses thousands of dates and `DateFormatter` is slow, locale-bound
/// and not `Sendable`; the arithmetic below is exact for the proleptic Gregorian calendar.
public enum FeedDate {
    /// Parses RFC 822 / 1123 dates ("Mon, 26 Jun 2023 13:43:00 +0200"), weekday optional, zone as
    /// a numeric offset, "GMT"/"UT"/"UTC"/"Z" or a US zone; seconds optional. Nil when not a valid date.
    public static func rfc822(_ text: String) -> Date? {
        // A feed carries one date per item; nearly all are ASCII, read here byte by byte (a tenth
        // of the cost). Anything else (a weekday in another script, Unicode digits) goes the
        // general way; both read ASCII text alike (`FeedDateTests` compares them).
        // ("\r\n" is one Character there, not a separator: such text goes the general way too.)
        guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != 13 }) else { return rfc822General(text) }
        var text = text
        return text.withUTF8 { rfc822ASCII($0) }
    }

    /// `rfc822` over Characters: any text.
    static func rfc822General(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        var index = 0
        // The weekday is informative only; skip it rather than check it.
        if let first = parts.first, first.first?.isLetter == true { index = 1 }
        guard parts.count - index >= 4 else { return nil }
        guard let day = Int(parts[index]), let month = month(parts[index + 1]),
              var year = Int(parts[index + 2]) else { return nil }
        if parts[index + 2].count == 2 { year += year < 50 ? 2000 : 1900 }
        guard let (hour, minute, second) = clock(parts[index + 3]) else { return nil }
        var offset = 0
        if parts.count - index >= 5 {
            guard let zone = zoneOffset(parts[index + 4]) else { return nil }
            offset = zone
        }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                    fraction: 0, offset: offset)
    }

    /// Parses ISO 8601 / RFC 3339 ("2023-11-21T09:00:00+01:00", "…Z", "…+0100", fractions, or a bare
    /// "2023-11-21"). A time without a zone is taken as UTC. Nil when not a valid date.
    public static func iso8601(_ text: String) -> Date? {
        let s = Array(text.trimmedWhitespace.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= s.count else { return nil }
            var value = 0
            for k in i..<(i + width) {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                value = value * 10 + Int(s[k] - 48)
            }
            i += width
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            if i < s.count, s[i] == byte { i += 1; return true }
            return false
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2),
              skip(UInt8(ascii: "-")), let day = number(2) else { return nil }
        if i == s.count {
            return date(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, fraction: 0, offset: 0)
        }
        guard skip(UInt8(ascii: "T")) || skip(UInt8(ascii: "t")) || skip(UInt8(ascii: " ")),
              let hour = number(2), skip(UInt8(ascii: ":")), let minute = number(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if skip(UInt8(ascii: ":")) {
            guard let value = number(2) else { return nil }
            second = value
            if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                var scale = 0.1
                let start = i
                while i < s.count, s[i] >= 48, s[i] <= 57 {
                    fraction += Double(s[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        var offset = 0
        if i < s.count {
            let zone = String(decoding: s[i...], as: UTF8.self)
            guard let value = zoneOffset(Substring(zone)) else { return nil }
            offset = value
        }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                    fraction: fraction, offset: offset)
    }

    /// `rfc822` over ASCII bytes: the same tokens, numbers and zones as `rfc822General`.
    static func rfc822ASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        // The first six tokens (weekday, day, month, year, time, zone); later ones are ignored.
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(6)
        var start: Int?
        for index in 0...bytes.count {
            let separator = index == bytes.count || [32, 44, 9, 10, 13].contains(bytes[index])
            if separator {
                if let first = start {
                    tokens.append(first..<index)
                    if tokens.count == 6 { break }
                }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
        var index = 0
        if let first = tokens.first, letter(bytes[first.lowerBound]) { index = 1 }
        guard tokens.count - index >= 4 else { return nil }
        guard let day = integer(bytes, tokens[index]), let month = month(bytes, tokens[index + 1]),
              var year = integer(bytes, tokens[index + 2]) else { return nil }
        if tokens[index + 2].count == 2 { year += year < 50 ? 2000 : 1900 }
        guard let (hour, minute, second) = clock(bytes, tokens[index + 3]) else { return nil }
        var offset = 0
        if tokens.count - index >= 5 {
            guard let zone = zoneOffset(bytes, tokens[index + 4]) else { return nil }
            offset = zone
        }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                    fraction: 0, offset: offset)
    }

    /// `Int(_:)` of ASCII bytes: an optional sign, then one or more digits; nil on overflow.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < range.upperBound else { return nil }
        var value = 0
        while index < range.upperBound {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, carried) = shifted.addingReportingOverflow(negative ? -Int(digit) : Int(digit))
            guard !overflowed, !carried else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    private static func month(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count >= 3 else { return nil }
        let key = String(decoding: bytes[range.lowerBound..<(range.lowerBound + 3)].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 },
                         as: UTF8.self)
        return months.firstIndex(of: key).map { $0 + 1 }
    }

    private static func clock(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Int, Int, Int)? {
        var fields: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: ":") {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<range.upperBound)
        guard fields.count == 2 || fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 2 }),
              let hour = integer(bytes, fields[0]), let minute = integer(bytes, fields[1]) else { return nil }
        let second = fields.count == 3 ? integer(bytes, fields[2]) : 0
        guard let second else { return nil }
        return (hour, minute, second)
    }

    private static func zoneOffset(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        if range.count <= 3 {
            // Named zones are short; the general reader has the table.
            let name = Substring(String(decoding: bytes[range], as: UTF8.self))
            if name.first != "+" && name.first != "-" { return zoneOffset(name) }
        }
        let sign = bytes[range.lowerBound]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = bytes[(range.lowerBound + 1)..<range.upperBound].filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        let hours = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
        let minutes = digits.count == 4 ? Int(digits[2] - 48) * 10 + Int(digits[3] - 48) : 0
        guard hours <= 23, minutes <= 59 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ token: Substring) -> Int? {
        guard token.count >= 3 else { return nil }
        let key = token.prefix(3).lowercased()
        return months.firstIndex(of: key).map { $0 + 1 }
    }

    private static func clock(_ token: Substring) -> (Int, Int, Int)? {
        let fields = token.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3,
              fields.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(fields[0]), let minute = Int(fields[1]) else { return nil }
        let second = fields.count == 3 ? Int(fields[2]) : 0
        guard let second else { return nil }
        return (hour, minute, second)
    }

    /// Seconds east of UTC for "+0200", "-05:00", "+01", "Z", "GMT", "UTC", "UT" and RFC 822's US zones.
    private static func zoneOffset(_ token: Substring) -> Int? {
        switch token.uppercased() {
        case "Z", "GMT", "UT", "UTC": return 0
        case "EST": return -5 * 3600
        case "EDT": return -4 * 3600
        case "CST": return -6 * 3600
        case "CDT": return -5 * 3600
        case "MST": return -7 * 3600
        case "MDT": return -6 * 3600
        case "PST": return -8 * 3600
        case "PDT": return -7 * 3600
        default: break
        }
        guard let sign = token.first, sign == "+" || sign == "-" else { return nil }
        let digits = token.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).isEmpty ? "0" : String(digits.dropFirst(2))),
              hours <= 23, minutes <= 59 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    private static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                             fraction: Double, offset: Int) -> Date? {
        // Years 1–9999 (every 4-digit year): a hostile "9223372036854775807" overflowed the day count.
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
