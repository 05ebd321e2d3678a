import Foundation

/// Joinup's date formats. Europe/Brussels by default, as Joinup's page shows them (the "Last
/// update" stamp); the browser passes the user's own zone for every other time it shows.
public enum JoinupDate {
    public static let brussels: TimeZone = TimeZone(identifier: "Europe/Brussels") ?? TimeZone(secondsFromGMT: 3600)!

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = brussels
        return calendar
    }()

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func parts(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = calendar
        if zone != brussels { calendar.timeZone = zone }
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    private static func two(_ n: Int?) -> String {
        let n = n ?? 0
        return n < 10 ? "0\(n)" : "\(n)"
    }

    /// "Mon, 26/06/2023 - 13:43" (`D, d/m/Y - H:i`), as in the collection header.
    public static func lastUpdate(_ date: Date, in zone: TimeZone = brussels) -> String {
        let p = parts(date, zone)
        let weekday = weekdays[((p.weekday ?? 1) - 1) % 7]
        return "\(weekday), \(two(p.day))/\(two(p.month))/\(p.year ?? 0) - \(two(p.hour)):\(two(p.minute))"
    }

    /// "26/06/2023", as on a content tile.
    public static func day(_ date: Date, in zone: TimeZone = brussels) -> String {
        let p = parts(date, zone)
        return "\(two(p.day))/\(two(p.month))/\(p.year ?? 0)"
    }

    /// "26/06/2023 13:43", for detail views.
    public static func dayAndTime(_ date: Date, in zone: TimeZone = brussels) -> String {
        "\(day(date, in: zone)) \(clock(date, in: zone))"
    }

    /// "13:43".
    public static func clock(_ date: Date, in zone: TimeZone = brussels) -> String {
        let p = parts(date, zone)
        return "\(two(p.hour)):\(two(p.minute))"
    }

    /// "26/06 13:43", for the status line.
    public static func shortDateTime(_ date: Date, in zone: TimeZone = brussels) -> String {
        let p = parts(date, zone)
        return "\(two(p.day))/\(two(p.month)) \(clock(date, in: zone))"
    }
}
