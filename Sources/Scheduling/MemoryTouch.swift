/// Loads memory early so that a later access finds it in the cache.
enum MemoryTouch {
    /// Uses `value`, so that the loads that made it cannot be optimised away.
    @inline(never) @_optimize(none)
    static func keep(_ value: UInt8) {}
}
