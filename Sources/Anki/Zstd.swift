import CZstd
import Foundation

/// Zstandard compression through the system libzstd: the collections, media maps and media
/// files of current Anki packages are zstd frames.
enum Zstd {
    /// A zstd frame that does not decode, or that decodes to more than allowed.
    enum Failure: Error, Equatable {
        /// libzstd's own message.
        case corrupt(String)
        /// The frame decodes to more than `limit` bytes (a zip bomb, or a damaged frame).
        case tooLarge(limit: Int)
    }

    /// Decompresses `data` (one or more zstd frames) through `consume`, a chunk at a time.
    ///
    /// Stops with `.tooLarge` as soon as more than `limit` bytes have come out, so a small
    /// frame that would expand to gigabytes never does. `read` hears how many bytes of `data`
    /// have been decompressed after each chunk.
    static func decompress(
        _ data: Data, limit: Int, read: (Int) -> Void = { _ in }, consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        guard let stream = ZSTD_createDStream() else { throw Failure.corrupt("out of memory") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        let chunk = ZSTD_DStreamOutSize()
        var output = [UInt8](repeating: 0, count: chunk)
        var produced = 0
        var finished = false
        try data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while true {
                let (result, written) = output.withUnsafeMutableBytes { buffer -> (Int, Int) in
                    var out = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
                    let result = ZSTD_decompressStream(stream, &out, &input)
                    return (result, out.pos)
                }
                if ZSTD_isError(result) != 0 {
                    throw Failure.corrupt(String(cString: ZSTD_getErrorName(result)))
                }
                produced += written
                if produced > limit { throw Failure.tooLarge(limit: limit) }
                if written > 0 {
                    try output.withUnsafeBytes { try consume(UnsafeRawBufferPointer(rebasing: $0[0..<written])) }
                    read(input.pos)
                }
                let inputDone = input.pos == input.size
                // 0: a frame is complete and flushed; with input left, another frame follows.
                if result == 0 && inputDone {
                    finished = true
                    break
                }
                if inputDone && written < chunk { break }  // wants more input, and there is none
            }
        }
        if !finished { throw Failure.corrupt("the frame is cut short") }
    }

    /// Decompresses `data` into memory, refusing more than `limit` bytes.
    static func decompress(_ data: Data, limit: Int) throws -> Data {
        var result = Data()
        try decompress(data, limit: limit) { result.append(contentsOf: $0) }
        return result
    }

    /// Compresses `data` into one zstd frame (level 3, libzstd's default).
    static func compress(_ data: Data, level: Int32 = 3) throws -> Data {
        let bound = ZSTD_compressBound(data.count)
        var output = Data(count: bound)
        let size = output.withUnsafeMutableBytes { (destination: UnsafeMutableRawBufferPointer) in
            data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
                ZSTD_compress(destination.baseAddress, bound, source.baseAddress, source.count, level)
            }
        }
        if ZSTD_isError(size) != 0 { throw Failure.corrupt(String(cString: ZSTD_getErrorName(size))) }
        output.count = size
        return output
    }
}
