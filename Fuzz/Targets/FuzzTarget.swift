/// One libFuzzer target: a name and a function that must not crash, hang, leak or break
/// its own checks on any input bytes.
///
/// A new target is one file with an extension declaring `static let name = FuzzTarget(…)`
/// and one line in ``all``, plus seed inputs in `Fuzz/corpus/NAME/`. `make fuzz` runs every
/// target in ``all``; the FuzzTargetsTests run every committed input (seeds and
/// regressions) through it in the normal test suite.
public struct FuzzTarget: Sendable {
    /// The name used on the command line and for the corpus folders (`deck`, `replay-csv`).
    public let name: String
    /// Runs one input. It traps (`precondition`) when a property the target checks fails.
    public let run: @Sendable (UnsafeRawBufferPointer) -> Void

    /// A target named `name` that runs `body` on each input.
    public init(_ name: String, _ body: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.name = name
        self.run = body
    }

    /// The target with this name, if there is one.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
