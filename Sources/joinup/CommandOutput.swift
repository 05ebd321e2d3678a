import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JoinupCache
import JoinupModel

/// A problem to report as one line on stderr, with the exit code scripts see.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    /// `usage` by default: the command line asked for something impossible (see `JoinupExit`).
    var exitCode: ExitCode = JoinupExit.usage

    var description: String { message }

    /// An unknown collection, item or topic.
    static func notFound(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: JoinupExit.notFound)
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any failure into one message on stderr and an exit code of the table.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw reported(error)
        }
    }
}

/// Says what went wrong on stderr, in joinup's style, and gives the exit code of the table.
func reported(_ error: any Error) -> ExitCode {
    switch error {
    case let failure as CommandFailure:
        CLIMessage.error(failure.message)
        return failure.exitCode
    case let failure as OutputFailure:
        // A reader that went away (`joinup items | head`) is not an error: end quietly, as
        // SIGPIPE would have ended us had it not been ignored.
        if failure.isClosedPipe { return ExitCode(OutputFailure.closedPipeStatus) }
        CLIMessage.error("\(failure)")
        return JoinupExit.failure
    case let exit as ExitCode:
        return exit
    case CacheError.unknownCollection:
        CLIMessage.error("\(error)")
        return JoinupExit.notFound
    default:
        CLIMessage.error(TerminalText.line("\(error)"))
        return JoinupExit.failure
    }
}

/// A message on stderr, cleaned like everything printed (error texts can quote the cache), and
/// never a trap when stderr itself cannot be written. Line breaks stay: a query error puts a
/// caret under the echoed query on purpose.
func stderrLine(_ message: String) {
    let line = TerminalText.block(message) + "\n"
    _ = try? StandardStream.write(Data(line.utf8), to: STDERR_FILENO)
}

/// stdout could not be written: the disk is full, the reader closed the pipe, …
struct OutputFailure: Error, CustomStringConvertible {
    var code: Int32

    /// The status a shell reports for a process SIGPIPE ended (128 + 13).
    static let closedPipeStatus: Int32 = 141

    var isClosedPipe: Bool { code == EPIPE }
    var description: String { "cannot write to standard output: \(String(cString: strerror(code)))" }
}

/// Writes with write(2). `FileHandle.write(_:)` traps (`try!`) on Linux when the write fails, so a
/// full disk or a closed pipe ended joinup with SIGILL and a backtrace.
enum StandardStream {
    static func write(_ data: Data, to descriptor: Int32 = STDOUT_FILENO) throws(OutputFailure) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw OutputFailure(code: failure) }
    }

    /// For the commands that `print`: at exit, stdio's buffer is flushed and any write error it met
    /// is reported like `reportingFailures` does (one line, exit 1; a closed pipe exits quietly).
    static func checkBufferedOutputAtExit() {
        atexit {
            if fflush(nil) == 0 { return }
            let code = errno
            if code == EPIPE { _exit(OutputFailure.closedPipeStatus) }
            CLIMessage.error("\(OutputFailure(code: code))")
            _exit(1)
        }
    }
}

/// Buffered stdout (a 100,000-line export should not be 100,000 writes). Every line passes
/// `TerminalText.stream`: whatever a command prints, no refused scalar reaches stdout raw.
struct OutputBuffer {
    private var data = Data()

    mutating func line(_ text: String, terminator: String = "\n") throws(OutputFailure) {
        data.append(contentsOf: TerminalText.stream(text).utf8)
        data.append(contentsOf: terminator.utf8)
        if data.count > 1 << 16 { try flush() }
    }

    mutating func flush() throws(OutputFailure) {
        try StandardStream.write(data)
        data.removeAll(keepingCapacity: true)
    }
}

/// RFC 4180: fields with a comma or quote are quoted, quotes doubled; records end in CRLF. Every
/// field is one line through `TerminalText.line`, as in the tab-separated output, so no field
/// holds a CR or LF.
enum CSV {
    static func field(_ raw: String) -> String {
        let text = TerminalText.line(raw)
        guard text.contains(where: { $0 == "," || $0 == "\"" }) else { return text }
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

    /// The value as one JSON line, holding only what `TerminalText.isAllowed` lets through: a
    /// refused control is dropped whether the encoder escaped it (`\u001b`, `\b`, `\f`, `\r`) or
    /// not (C1, bidi and invisible characters, dropped by `TerminalText.stream` at the output);
    /// `\n` and `\t` stay (an About description has paragraphs).
    static func line(_ value: some Encodable) throws -> String {
        droppingRefusedEscapes(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Removes the escapes of refused controls from encoder output. A backslash occurs only
    /// inside strings in valid JSON, so no tracking of quotes is needed.
    static func droppingRefusedEscapes(_ json: String) -> String {
        guard json.contains("\\") else { return json }
        var out = String.UnicodeScalarView()
        var scalars = json.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let kind = scalars.next() else { out.append(scalar); continue }
            switch kind {
            case "b", "f", "r":
                continue
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                let value = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init)
                if let value, value != "\n", value != "\t", !TerminalText.isAllowed(value) { continue }
                out.append(contentsOf: "\\u\(hex)".unicodeScalars)
            default:
                out.append(scalar)
                out.append(kind)
            }
        }
        return String(out)
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
