import Scheduling

/// A flat byte buffer that hands its contents to a sink when it fills up.
struct FlushingBuffer: ByteSink {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private let sink: (UnsafeBufferPointer<UInt8>) -> Void

    /// A buffer of `capacity` bytes flushing to `sink`.
    init(capacity: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        storage = .allocate(capacity: capacity)
        self.sink = sink
    }

    /// Makes room for `bytes` more bytes, flushing (and growing, for very long rows) as needed.
    mutating func reserve(_ bytes: Int) {
        guard count + bytes > storage.count else { return }
        flush()
        if bytes > storage.count {
            storage.deallocate()
            storage = .allocate(capacity: bytes)
        }
    }

    /// Appends one byte; there must be room (see ``reserve(_:)``).
    mutating func append(_ byte: UInt8) {
        storage[count] = byte
        count += 1
    }

    /// Appends two bytes (one store); there must be room.
    mutating func append(_ first: UInt8, _ second: UInt8) {
        UnsafeMutableRawPointer(storage.baseAddress.map { $0 + count })?
            .storeBytes(of: UInt16(littleEndian: UInt16(first) | UInt16(second) << 8), as: UInt16.self)
        count += 2
    }

    /// Appends bytes; there must be room.
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, let target = storage.baseAddress else { return }
        (target + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Hands the contents to the sink and empties the buffer.
    mutating func flush() {
        if count > 0 { sink(UnsafeBufferPointer(rebasing: storage[..<count])) }
        count = 0
    }

    /// Flushes and frees the storage.
    mutating func close() {
        flush()
        storage.deallocate()
        storage = UnsafeMutableBufferPointer(start: nil, count: 0)
    }
}
