import Foundation

/// The dates of `after:` and `before:`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, each meaning the start
/// of that day, month or year in Europe/Brussels (00:00 Brussels time, whatever the machine's zone).
/// The CLI's `--since`/`--until` read the same forms.
public enum QueryDate {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = JoinupDate.brussels
        return calendar
    }()

    /// The instant a `YYYY[-MM[-DD]]` value starts at in `timeZone` (the user's own, for
    /// `joinup digest --since`), or nil when it is not a real date.
    public static func start(of value: String, in timeZone: TimeZone) -> Date? {
        guard let brussels = start(of: value) else { return nil }
        let p = calendar.dateComponents([.year, .month, .day], from: brussels)
        var local = Calendar(identifier: .gregorian)
        local.timeZone = timeZone
        return local.date(from: DateComponents(year: p.year, month: p.month, day: p.day, hour: 0, minute: 0, second: 0))
    }

    /// The instant a `YYYY[-MM[-DD]]` value starts at, or nil when it is not a real date.
    public static func start(of value: String) -> Date? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              let year = number(parts[0], digits: 4), year >= 1 else { return nil }
        var month = 1
        var day = 1
        if parts.count >= 2 {
            guard let m = number(parts[1], digits: 2), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard let d = number(parts[2], digits: 2), (1...daysIn(month: month, year: year)).contains(d) else { return nil }
            day = d
        }
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0))
    }

    /// The instant just after the day, month or year a `YYYY[-MM[-DD]]` value names (the start of
    /// the next one), or nil when it is not a real date: an inclusive "until" as an exclusive bound.
    public static func end(of value: String) -> Date? {
        guard let start = start(of: value) else { return nil }
        let unit: Calendar.Component = switch value.split(separator: "-").count {
        case 1: .year
        case 2: .month
        default: .day
        }
        return calendar.date(byAdding: unit, value: 1, to: start)
    }

    /// The Brussels day of an instant as `YYYY-MM-DD` (a time of day is dropped).
    static func day(of date: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        return pad(p.year ?? 0, 4) + "-" + pad(p.month ?? 1, 2) + "-" + pad(p.day ?? 1, 2)
    }

    private static func number(_ text: Substring, digits: Int) -> Int? {
        guard text.count == digits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
