import ArgumentParser
import JoinupSettings

/// `--readonly`: nothing that changes the remote (join, leave, outbox delivery) is sent.
struct ReadonlyOption: ParsableArguments {
    @Flag(help: "Read-only: never send anything that changes the remote (also `readonly = true` in config.toml).")
    var readonly = false

    func isReadonly(config: AppConfig) -> Bool {
        ReadonlySetting.resolve(flag: readonly, config: config)
    }
}

/// Whether read-only mode is on: the flag, else `readonly = true` in config.toml.
enum ReadonlySetting {
    static func resolve(flag: Bool, config: AppConfig) -> Bool {
        flag || (config.readonly ?? false)
    }
}
