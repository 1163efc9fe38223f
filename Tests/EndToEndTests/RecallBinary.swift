import Foundation

/// Locates the built `recall` binary next to the test bundle.
enum RecallBinary {
    /// The directory SwiftPM put the products in (the test bundle's directory).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The `recall` executable.
    static var url: URL { productsDirectory.appendingPathComponent("recall") }

    /// Puts the `recall` executable at `destination` (for tests of where it finds its decks).
    ///
    /// A hard link when it can be made: copying writes a new executable, and while other
    /// tests fork processes in parallel a child can inherit the copy's open file, so running
    /// the copy fails with "Text file busy". Falls back to a copy across file systems.
    static func place(at destination: URL) throws {
        do {
            try FileManager.default.linkItem(at: url, to: destination)
        } catch {
            try FileManager.default.copyItem(at: url, to: destination)
        }
    }
}
