import ArgumentParser
import Foundation

/// `--readonly`: nothing that changes the remote (join, leave, outbox delivery) is sent.
struct ReadonlyOption: ParsableArguments {
    @Flag(help: "Read-only: never send anything that changes the remote (also `readonly = true` in config.toml).")
    var readonly = false

    func isReadonly(configFile: String) -> Bool {
        ReadonlySetting.resolve(flag: readonly, configFile: configFile)
    }
}

/// Whether read-only mode is on: the flag, else a top-level `readonly = true` line in config.toml.
/// (The same small reading `RemoteSetting` does, until the config has a TOML parser.)
enum ReadonlySetting {
    static func resolve(flag: Bool, configFile: String) -> Bool {
        if flag { return true }
        guard let text = try? String(contentsOfFile: configFile, encoding: .utf8) else { return false }
        return fromConfig(text)
    }

    static func fromConfig(_ text: String) -> Bool {
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if line.hasPrefix("[") { return false }  // tables start: `readonly` is a top-level key
            guard line.hasPrefix("readonly") else { continue }
            let rest = line.dropFirst("readonly".count).trimmingCharacters(in: .whitespaces)
            guard rest.hasPrefix("=") else { continue }
            return rest.dropFirst().trimmingCharacters(in: .whitespaces) == "true"
        }
        return false
    }
}
