import Foundation

/// Joinup's date formats, always in Europe/Brussels time whatever the machine's zone.
public enum JoinupDate {
    public static let brussels: TimeZone = TimeZone(identifier: "Europe/Brussels") ?? TimeZone(secondsFromGMT: 3600)!

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = brussels
        return calendar
    }()

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func parts(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    private static func two(_ n: Int?) -> String {
        let n = n ?? 0
        return n < 10 ? "0\(n)" : "\(n)"
    }

    /// "Mon, 26/06/2023 - 13:43" (`D, d/m/Y - H:i`), as in the collection header.
    public static func lastUpdate(_ date: Date) -> String {
        let p = parts(date)
        let weekday = weekdays[((p.weekday ?? 1) - 1) % 7]
        return "\(weekday), \(two(p.day))/\(two(p.month))/\(p.year ?? 0) - \(two(p.hour)):\(two(p.minute))"
    }

    /// "26/06/2023", as on a content tile.
    public static func day(_ date: Date) -> String {
        let p = parts(date)
        return "\(two(p.day))/\(two(p.month))/\(p.year ?? 0)"
    }

    /// "26/06/2023 13:43", for detail views.
    public static func dayAndTime(_ date: Date) -> String {
        let p = parts(date)
        return "\(day(date)) \(two(p.hour)):\(two(p.minute))"
    }

    /// "26/06 13:43", for the status line.
    public static func shortDateTime(_ date: Date) -> String {
        let p = parts(date)
        return "\(two(p.day))/\(two(p.month)) \(two(p.hour)):\(two(p.minute))"
    }
}
