import ArgumentParser
import Foundation
import Progress

/// The `--store PATH` option every command embeds with `@OptionGroup`, and the one place
/// that finds and opens the progress store.
///
///     @OptionGroup var storeOptions: StoreOptions
///     let store = try storeOptions.open()                  // read-write, created if missing
///     let store = try storeOptions.open(access: .readOnly) // for exports and stats
///     let store = try storeOptions.open(verified: false)   // quick_check in the background
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
    ///
    /// With `verified` (the default) it also waits for the store's `quick_check`, so a
    /// damaged store is refused before anything runs; a study session that wants its first
    /// question on screen at once passes `false` (its first write waits for the check).
    func open(access: ProgressStore.Access = .readWrite, verified: Bool = true) throws -> ProgressStore {
        let store = try ProgressStore(path: resolvedPath, access: access)
        if verified { try store.verify() }
        return store
    }
}
