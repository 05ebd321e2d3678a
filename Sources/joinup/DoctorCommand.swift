import ArgumentParser
import Foundation
import JoinupCache

/// `joinup doctor`: the cache file's health, and a way out when it is broken.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the cache file (schema, integrity, sizes); --reset-cache moves a broken one aside.",
        discussion: """
            Reads the cache without changing it and exits 0 when joinup can use it, 1 when not. \
            --reset-cache writes a fresh cache beside the old one carrying over your own data (saved \
            views, queued join/leave requests, memberships) when the old file can still be read, then \
            renames the old file to joinup.sqlite.broken-<time> (nothing is deleted) and the fresh one \
            into place; synced collections come back with `joinup sync`. It refuses, naming them, while \
            other joinup processes have the cache open, and keeps the old cache in place when the \
            fresh one cannot be written (a full disk).
            """)

    @OptionGroup var options: PathOptions

    @Flag(name: .customLong("reset-cache"), help: "Move the cache file aside and start a fresh one, keeping your own data.")
    var resetCache = false

    func run() throws {
        try reportingFailures {
            let path = options.paths.cacheFile
            var out = OutputBuffer()
            let diagnosis = CacheDoctor.diagnose(path: path)
            for line in DoctorReport.lines(diagnosis) { try out.line(line) }
            if resetCache {
                try options.paths.createDataDirectory()
                let report = try CacheReset.reset(path: path)
                for line in DoctorReport.lines(report, path: path) { try out.line(line) }
                try out.flush()
                return
            }
            if !diagnosis.isUsable {
                try out.line("Run `joinup doctor --reset-cache` to move it aside and start a fresh cache (your own data is kept).")
            }
            try out.flush()
            if !diagnosis.isUsable { throw ExitCode(1) }
        }
    }
}

/// The doctor's words: one fact a line.
enum DoctorReport {
    static func lines(_ diagnosis: CacheDiagnosis) -> [String] {
        var lines = ["Cache: \(diagnosis.path)"]
        switch diagnosis.health {
        case .missing:
            lines.append("Status: no cache yet (the next start creates it)")
            return lines
        case .healthy where diagnosis.isReadOnly:
            lines.append("Status: ok, read-only for this user (reading commands work; to sync, join or save views use a cache of your own with --data-dir or JOINUP_DATA_DIR)")
        case .healthy:
            lines.append("Status: ok")
        case .newerSchema(let unknown):
            lines.append("Status: written by a newer joinup (unknown migrations: \(unknown.joined(separator: ", "))); left untouched")
        case .broken(let reason):
            lines.append("Status: broken: \(reason)")
        }
        lines.append("Size: \(bytes(diagnosis.fileSize))" + (diagnosis.walSize > 0 ? " + \(bytes(diagnosis.walSize)) write-ahead log" : ""))
        if !diagnosis.appliedMigrations.isEmpty || diagnosis.integrity != nil {
            let known = diagnosis.appliedMigrations.filter(diagnosis.knownMigrations.contains).count
            lines.append("Schema: \(known) of \(diagnosis.knownMigrations.count) migrations applied"
                         + (diagnosis.appliedMigrations.last.map { " (latest: \($0))" } ?? ""))
        }
        if let integrity = diagnosis.integrity {
            lines.append("Integrity: " + (integrity == ["ok"] ? "ok" : integrity.prefix(5).joined(separator: "; ")))
        }
        for (table, count) in diagnosis.rowCounts.sorted(by: { $0.key < $1.key }) {
            lines.append("Rows in \(table): \(count)")
        }
        return lines
    }

    static func lines(_ report: CacheResetReport, path: String) -> [String] {
        var lines = [report.movedTo.map { "Moved the old cache to \($0)" } ?? "There was no cache file to move",
                     "Created a fresh cache at \(path)"]
        for (table, count) in report.preservedRows.sorted(by: { $0.key < $1.key }) {
            lines.append("Kept \(count) row(s) of \(table)")
        }
        for (table, reason) in report.unreadableTables.sorted(by: { $0.key < $1.key }) {
            lines.append("Could not read \(table) from the old file (\(reason)); it is still in \(report.movedTo ?? path)")
        }
        lines.append("Run `joinup sync` (or press r in the browser) to fetch your collections again.")
        return lines
    }

    private static func bytes(_ count: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: count, countStyle: .file)
    }
}
