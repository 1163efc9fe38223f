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
}
