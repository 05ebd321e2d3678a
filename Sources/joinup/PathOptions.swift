import ArgumentParser

/// The folder overrides every subcommand accepts (tests always pass them).
struct PathOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Folder for the cache (default: $JOINUP_DATA_DIR, else $XDG_DATA_HOME/joinup).", valueName: "dir"))
    var dataDirectory: String?

    @Option(name: .customLong("config-dir"), help: ArgumentHelp(
        "Folder for config.toml (default: $JOINUP_CONFIG_DIR, else $XDG_CONFIG_HOME/joinup).", valueName: "dir"))
    var configDirectory: String?

    var paths: AppPaths { AppPaths.resolve(dataFlag: dataDirectory, configFlag: configDirectory) }
}

/// The collection a reading subcommand shows.
struct CollectionOption: ParsableArguments {
    @Option(name: .customLong("collection"), help: ArgumentHelp(
        "Collection to open, by alias or URI (default: the first one cached, by title).", valueName: "alias"))
    var collection: String?
}
