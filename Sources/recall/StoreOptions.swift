import ArgumentParser
import Foundation
import Progress

/// The `--store PATH` option every command embeds with `@OptionGroup`, and the one place
/// that finds and opens the progress store.
///
///     @OptionGroup var storeOptions: StoreOptions
///     let store = try storeOptions.open()                  // read-write, created if missing
///     let store = try storeOptions.open(access: .readOnly) // for exports and stats
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The progress store (default: $RECALL_STORE, else $XDG_DATA_HOME/recall/progress.sqlite).",
            valueName: "path"))
    var path: String?

    /// The store's path: `--store`, else `$RECALL_STORE`, else the XDG data folder.
    var resolvedPath: String {
        StoreLocation.resolve(option: path)
    }

    /// Opens the store; a `ProgressError` (exit 1) says what is wrong and leaves the file untouched.
    func open(access: ProgressStore.Access = .readWrite) throws -> ProgressStore {
        try ProgressStore(path: resolvedPath, access: access)
    }
}
