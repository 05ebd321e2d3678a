import Foundation
import JoinupModel

/// Text escaping and date spellings of the documents joinup-remote writes.
enum WireFormat {
    /// Escapes text for XML character data and attribute values.
    static func xml(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Broken-down time for whole seconds since 1970 (Howard Hinnant's `civil_from_days`).
    private static func civil(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 7) % 7
        return (year, month, day, rest / 3600, rest % 3600 / 60, rest % 60, weekday)
    }

    private static func offsetText(_ offset: Int, colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return sign + two(minutes / 60) + (colon ? ":" : "") + two(minutes % 60)
    }

    /// RFC 822 in Brussels time, as Joinup writes `pubDate`: "Mon, 26 Jun 2023 13:43:00 +0200".
    static func rfc822(_ date: Date) -> String {
        let offset = JoinupDate.brussels.secondsFromGMT(for: date)
        let t = civil(Int(date.timeIntervalSince1970.rounded(.down)) + offset)
        return "\(weekdays[t.weekday]), \(two(t.day)) \(months[t.month - 1]) \(t.year) \(two(t.hour)):\(two(t.minute)):\(two(t.second)) \(offsetText(offset, colon: false))"
    }

    /// ISO 8601 in Brussels time: "2023-11-21T09:00:00+01:00".
    static func iso8601(_ date: Date) -> String {
        let offset = JoinupDate.brussels.secondsFromGMT(for: date)
        let t = civil(Int(date.timeIntervalSince1970.rounded(.down)) + offset)
        return "\(t.year)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))\(offsetText(offset, colon: true))"
    }

    /// The HTTP date (IMF-fixdate, GMT): "Sun, 06 Nov 1994 08:49:37 GMT".
    static func httpDate(_ date: Date) -> String {
        let t = civil(Int(date.timeIntervalSince1970.rounded(.down)))
        return "\(weekdays[t.weekday]), \(two(t.day)) \(months[t.month - 1]) \(t.year) \(two(t.hour)):\(two(t.minute)):\(two(t.second)) GMT"
    }

    /// A strong entity tag for a body: FNV-1a 64 of its bytes and its length.
    static func entityTag(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }
}
