import ArgumentParser
import JoinupViews

/// `--readonly`: nothing that changes the remote (join, leave, outbox delivery) is sent.
struct ReadonlyOption: ParsableArguments {
    @Flag(help: "Read-only: never send anything that changes the remote (also `readonly = true` in config.toml).")
    var readonly = false

    func isReadonly(configFile: String) -> Bool {
        ReadonlySetting.resolve(flag: readonly, configFile: configFile)
    }
}

/// Whether read-only mode is on: the flag, else `readonly = true` in config.toml.
enum ReadonlySetting {
    static func resolve(flag: Bool, configFile: String) -> Bool {
        flag || (AppConfig.load(path: configFile).0.readonly ?? false)
    }
}
