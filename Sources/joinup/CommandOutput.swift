import ArgumentParser
import Foundation
import JoinupModel

/// A problem to report as one line on stderr, with the exit code scripts see.
struct CommandFailure: Error {
    var message: String
    /// 2: the command line asked for something impossible; 1: it could not be done.
    var exitCode: Int32 = 2
}

extension ParsableCommand {
    /// Runs `body`, turning any failure into one line on stderr and an exit code.
    func reportingFailures(_ name: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("joinup \(name): \(failure.message)\n".utf8))
            throw ExitCode(failure.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let line = "\(error)".replacingOccurrences(of: "\n", with: " ")
            FileHandle.standardError.write(Data("joinup \(name): \(line)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Buffered stdout (a 100,000-line export should not be 100,000 writes).
struct OutputBuffer {
    private var data = Data()

    mutating func line(_ text: String, terminator: String = "\n") {
        data.append(contentsOf: text.utf8)
        data.append(contentsOf: terminator.utf8)
        if data.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(data)
        data.removeAll(keepingCapacity: true)
    }
}

/// RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; records end in CRLF.
enum CSV {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    static let lineEnd = "\r\n"
}

/// One JSON object per line, keys sorted, slashes unescaped; `JSONEncoder` does the escaping.
enum JSONLines {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func line(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// ISO 8601 with the Brussels offset, e.g. 2023-06-26T13:43:00+02:00.
enum ISODate {
    static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = JoinupDate.brussels
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = JoinupDate.brussels.secondsFromGMT(for: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        let sign = offset < 0 ? "-" : "+"
        return String(format: "%04d", p.year ?? 0) + "-\(two(p.month))-\(two(p.day))T\(two(p.hour)):\(two(p.minute)):\(two(p.second))"
            + "\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) % 3600 / 60))"
    }
}

/// A table cell or tab-separated field: one line, no tabs.
func cell(_ text: String) -> String {
    TerminalText.line(text).replacingOccurrences(of: "\t", with: " ")
}

/// A topic as the `--json` outputs name it.
struct TopicRecord: Encodable {
    var uri: String
    var label: String

    init(_ topic: Topic) {
        uri = topic.uri
        label = topic.label
    }
}
