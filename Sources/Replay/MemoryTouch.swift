/// Loads memory early so that a later access finds it in the cache.
enum MemoryTouch {
    /// Uses `value`, so that the loads that made it cannot be optimised away.
    @inline(never) @_optimize(none)
    static func keep(_ value: UInt8) {}
}

#if canImport(Glibc)
    import Glibc
#endif

extension MemoryTouch {
    /// Asks the kernel to back the large buffer at `start` with huge pages where it can (Linux,
    /// transparent huge pages in `madvise` mode): fewer page faults when it is first written.
    static func adviseHugePages(_ start: UnsafeRawPointer?, byteCount: Int) {
        #if os(Linux)
            guard let start else { return }
            let huge = 2 << 20
            let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: start) + byteCount) & ~(huge - 1)
            guard end > first, let address = UnsafeMutableRawPointer(bitPattern: first) else { return }
            _ = madvise(address, end - first, MADV_HUGEPAGE)
        #endif
    }
}

extension MemoryTouch {
    /// Reads in the pages of `bytes` (a memory-mapped file) at once, so that parsing them does
    /// not stop at a page fault every few kilobytes (Linux 5.14 and later; elsewhere a hint).
    static func populate(_ bytes: UnsafeBufferPointer<UInt8>) {
        #if os(Linux)
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let first = Int(bitPattern: base) & ~(page - 1)
            guard let address = UnsafeMutableRawPointer(bitPattern: first) else { return }
            let length = Int(bitPattern: base) + bytes.count - first
            // 22 is MADV_POPULATE_READ (Linux 5.14 and later).
            if madvise(address, length, 22) != 0 {
                _ = madvise(address, length, MADV_WILLNEED)
            }
        #endif
    }
}
