import CZlibDeflate
import Foundation

/// Writes a zip archive entry by entry, deflating at a chosen zlib level.
///
/// The export's package is mostly one large SQLite file. ZIPFoundation always deflates at
/// zlib's default level (6); level 1 takes a third of the time for a file about 8 % larger,
/// and the collection is the slowest part of an export after the review log. This writer
/// keeps to the classic format (no zip64): the exporter uses it only while every size and
/// offset fits in 32 bits and there are fewer than 65 535 entries (``fits(totalBytes:entries:)``),
/// and ZIPFoundation otherwise.
struct ZipWriter {
    /// The zlib level the export deflates at (1: fastest).
    static let fastLevel: Int32 = 1
    /// The largest total of entry sizes this writer takes: room under 4 GiB for the headers
    /// and for deflate's worst case (5 bytes per stored block of incompressible data).
    static let byteLimit: Int64 = 0xF000_0000
    /// The largest number of entries (the classic end record counts them in 16 bits).
    static let entryLimit = 0xFFFE

    /// Whether entries of `totalBytes` bytes in all, `entries` of them, fit this writer.
    static func fits(totalBytes: Int64, entries: Int, byteLimit: Int64 = byteLimit) -> Bool {
        totalBytes <= min(byteLimit, Self.byteLimit) && entries <= entryLimit
    }

    private struct Entry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private let path: String
    private var descriptor: Int32
    private var offset: Int64 = 0
    private var entries: [Entry] = []
    private let time: UInt16
    private let date: UInt16

    /// Creates (or truncates) the archive at `path`.
    init(path: String, modified: Date = Date()) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path) }
        let parts = Calendar(identifier: .gregorian).dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: modified)
        let year = min(max((parts.year ?? 1980) - 1980, 0), 127)
        date = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
    }

    /// Adds `data`, stored as it is.
    mutating func add(_ name: String, data: Data) throws {
        let crc = data.withUnsafeBytes { bytes in
            UInt32(crc32(0, bytes.bindMemory(to: UInt8.self).baseAddress, uInt(bytes.count)))
        }
        let start = offset
        try writeLocalHeader(name, method: 0, crc: crc, compressedSize: data.count, size: data.count)
        try emit(data)
        entries.append(
            Entry(
                name: Array(name.utf8), method: 0, crc: crc, compressedSize: UInt32(data.count),
                size: UInt32(data.count), offset: UInt32(start)))
    }

    /// Adds the file at `file`, deflated at `level`, read and written a megabyte at a time.
    ///
    /// A file of 8 MB to 512 MB is deflated in two halves at once, as pigz does: the second
    /// half on another thread (into memory, primed with the last 32 KB of the first half),
    /// the first ending with a sync flush so that the two streams join into one.
    ///
    /// `progress` hears how many bytes of the file are deflated (of both halves), after each
    /// megabyte deflated on this thread.
    mutating func add(
        _ name: String, file: String, level: Int32 = fastLevel, progress: (Int64) -> Void = { _ in }
    ) throws {
        let input = open(file, O_RDONLY)
        guard input >= 0 else { throw Self.failure(file) }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { throw Self.failure(file) }
        let size = Int64(status.st_size)
        guard size <= Self.byteLimit else {
            throw AnkiError.cannotWrite(path: path, reason: "\(file) is too large for this writer")
        }
        let start = offset
        // Sizes and CRC are known only at the end: the header is written again then.
        try writeLocalHeader(name, method: 8, crc: 0, compressedSize: 0, size: 0)
        let dataStart = offset

        let crc: uLong
        if size >= Self.splitMinimum && size <= Self.splitMaximum {
            let middle = (size / 2) & ~Int64(Self.chunk - 1)
            let dictionary = try Self.bytes(of: input, file, from: middle - 32_768, count: 32_768)
            let second = DeflatedPart()
            // A thread of its own (not a shared pool that other work could keep busy).
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                do {
                    second.crc = try Self.deflate(
                        input, file, from: middle, count: size - middle, level: level, dictionary: dictionary,
                        last: true, path: file, deflated: { second.done = $0 },
                        sink: { second.output.append(contentsOf: $0) })
                } catch {
                    second.failure = error
                }
                done.signal()
            }
            thread.start()
            let firstCRC: uLong
            do {
                firstCRC = try Self.deflate(
                    input, file, from: 0, count: middle, level: level, dictionary: [], last: false, path: path,
                    deflated: { progress($0 + second.done) }, sink: { try emit($0) })
            } catch {
                done.wait()
                throw error
            }
            done.wait()
            if let failure = second.failure { throw failure }
            progress(size)
            try second.output.withUnsafeBytes { try emit($0) }
            crc = crc32_combine(firstCRC, second.crc, off_t(size - middle))
        } else {
            crc = try Self.deflate(
                input, file, from: 0, count: size, level: level, dictionary: [], last: true, path: path,
                deflated: progress, sink: { try emit($0) })
        }
        let compressed = offset - dataStart
        guard compressed <= Int64(UInt32.max) else {
            throw AnkiError.cannotWrite(path: path, reason: "\(file) is too large for this writer")
        }
        try rewriteLocalHeader(
            at: start, name, crc: UInt32(crc), compressedSize: Int(compressed), size: Int(size))
        entries.append(
            Entry(
                name: Array(name.utf8), method: 8, crc: UInt32(crc), compressedSize: UInt32(compressed),
                size: UInt32(size), offset: UInt32(start)))
    }

    /// Files this large or larger are deflated in two halves at once.
    static let splitMinimum: Int64 = 8 << 20
    /// Files up to this size are (the second half waits in memory).
    static let splitMaximum: Int64 = 512 << 20
    /// The size of each read and of the output buffer.
    private static let chunk = 1 << 20

    /// The second half of a file deflated on another thread: read once that thread is done
    /// (but for `done`, which the calling thread reads meanwhile for its progress reports).
    private final class DeflatedPart: @unchecked Sendable {
        var output: [UInt8] = []
        var crc: uLong = 0
        var failure: (any Error)?
        private let lock = NSLock()
        private var bytesDone: Int64 = 0

        /// How many of its bytes are deflated so far.
        var done: Int64 {
            get { lock.withLock { bytesDone } }
            set { lock.withLock { bytesDone = newValue } }
        }
    }

    /// `count` bytes of `input` from `start`.
    private static func bytes(of input: Int32, _ file: String, from start: Int64, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes {
                pread(input, $0.baseAddress.map { $0 + done }, count - done, off_t(start) + off_t(done))
            }
            guard read > 0 else {
                throw read == 0
                    ? AnkiError.cannotWrite(path: file, reason: "it changed while being read") : failure(file)
            }
            done += read
        }
        return bytes
    }

    /// Deflates `count` bytes of `input` from `start` (after `dictionary`, the bytes before
    /// them), handing the output to `sink` a piece at a time, and returns their CRC-32. The
    /// last part finishes the stream; another ends with a sync flush, so that the next part
    /// follows on at a byte boundary. `deflated` hears how many of the bytes are deflated
    /// after each chunk.
    private static func deflate(
        _ input: Int32, _ file: String, from start: Int64, count: Int64, level: Int32, dictionary: [UInt8],
        last: Bool, path: String, deflated: (Int64) -> Void, sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> uLong {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw AnkiError.cannotWrite(path: path, reason: "cannot start compressing") }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            var dictionary = dictionary
            let code = dictionary.withUnsafeMutableBufferPointer {
                deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
            }
            guard code == Z_OK else { throw AnkiError.cannotWrite(path: path, reason: "cannot start compressing") }
        }
        var inputBuffer = [UInt8](repeating: 0, count: chunk)
        var outputBuffer = [UInt8](repeating: 0, count: chunk)
        var crc: uLong = 0
        var position: Int64 = 0
        var done = false
        while !done {
            let wanted = Int(min(Int64(chunk), count - position))
            var got = 0
            while got < wanted {
                let read = inputBuffer.withUnsafeMutableBytes {
                    pread(input, $0.baseAddress.map { $0 + got }, wanted - got, off_t(start + position) + off_t(got))
                }
                guard read > 0 else {
                    throw read == 0
                        ? AnkiError.cannotWrite(path: file, reason: "it changed while being read") : failure(file)
                }
                got += read
            }
            position += Int64(got)
            done = position == count
            let flush = done ? (last ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH
            try inputBuffer.withUnsafeMutableBufferPointer { source in
                crc = crc32(crc, source.baseAddress, uInt(got))
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(got)
                repeat {
                    let produced = try outputBuffer.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(chunk)
                        let code = CZlibDeflate.deflate(&stream, flush)
                        guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                            throw AnkiError.cannotWrite(path: path, reason: "compressing failed (zlib \(code))")
                        }
                        return chunk - Int(stream.avail_out)
                    }
                    try outputBuffer.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0.prefix(produced))) }
                } while stream.avail_out == 0
            }
            deflated(position)
        }
        return crc
    }

    /// Writes the central directory and closes the file.
    mutating func finish() throws {
        let directoryStart = offset
        var directory: [UInt8] = []
        for entry in entries {
            directory.append(le32: 0x0201_4b50)
            directory.append(le16: 0x0314)  // made by: Unix, zip 2.0
            directory.append(le16: 20)  // needed: 2.0 (deflate)
            directory.append(le16: entry.name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)
            directory.append(le16: entry.method)
            directory.append(le16: time)
            directory.append(le16: date)
            directory.append(le32: entry.crc)
            directory.append(le32: entry.compressedSize)
            directory.append(le32: entry.size)
            directory.append(le16: UInt16(entry.name.count))
            directory.append(le16: 0)  // extra
            directory.append(le16: 0)  // comment
            directory.append(le16: 0)  // disk
            directory.append(le16: 0)  // internal attributes
            directory.append(le32: 0o100644 << 16)  // external: a regular file, rw-r--r--
            directory.append(le32: entry.offset)
            directory.append(contentsOf: entry.name)
        }
        guard directoryStart + Int64(directory.count) < Int64(UInt32.max) else {
            throw AnkiError.cannotWrite(path: path, reason: "the archive is too large for this writer")
        }
        let directorySize = directory.count
        directory.append(le32: 0x0605_4b50)
        directory.append(le16: 0)
        directory.append(le16: 0)
        directory.append(le16: UInt16(entries.count))
        directory.append(le16: UInt16(entries.count))
        directory.append(le32: UInt32(directorySize))
        directory.append(le32: UInt32(directoryStart))
        directory.append(le16: 0)
        try directory.withUnsafeBytes { try emit($0) }
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw Self.failure(path)
        }
        descriptor = -1
    }

    /// Closes the file if `finish()` did not (after a failure).
    mutating func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    // MARK: - Writing

    private func localHeader(_ name: String, method: UInt16, crc: UInt32, compressedSize: Int, size: Int)
        -> [UInt8]
    {
        let nameBytes = Array(name.utf8)
        var header: [UInt8] = []
        header.append(le32: 0x0403_4b50)
        header.append(le16: 20)
        header.append(le16: nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)
        header.append(le16: method)
        header.append(le16: time)
        header.append(le16: date)
        header.append(le32: crc)
        header.append(le32: UInt32(compressedSize))
        header.append(le32: UInt32(size))
        header.append(le16: UInt16(nameBytes.count))
        header.append(le16: 0)
        header.append(contentsOf: nameBytes)
        return header
    }

    private mutating func writeLocalHeader(
        _ name: String, method: UInt16, crc: UInt32, compressedSize: Int, size: Int
    ) throws {
        let header = localHeader(name, method: method, crc: crc, compressedSize: compressedSize, size: size)
        try header.withUnsafeBytes { try emit($0) }
    }

    private func rewriteLocalHeader(at position: Int64, _ name: String, crc: UInt32, compressedSize: Int, size: Int)
        throws
    {
        let header = localHeader(name, method: 8, crc: crc, compressedSize: compressedSize, size: size)
        let written = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(position)) }
        guard written == header.count else { throw Self.failure(path) }
    }

    private mutating func emit(_ data: Data) throws {
        try data.withUnsafeBytes { try emit($0) }
    }

    private mutating func emit(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let count = write(descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Self.failure(path) }
            done += count
        }
        offset += Int64(bytes.count)
    }

    private static func failure(_ path: String) -> AnkiError {
        AnkiError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}

extension [UInt8] {
    fileprivate mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
