import ArgumentParser

/// The `--store PATH` option of every command that uses the progress store (`@OptionGroup
/// var storeOptions: StoreOptions`, and conformance to `UsesStore`).
public struct StoreOptions: ParsableArguments {
    /// The store's path, when given.
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The progress store (default: $RECALL_STORE, else $XDG_DATA_HOME/recall/progress.sqlite).",
            valueName: "path"),
        completion: .file(extensions: ["sqlite"]))
    public var path: String?

    /// Creates the options (ArgumentParser fills them in).
    public init() {}
}
