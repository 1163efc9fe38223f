import Foundation

/// Appends lines to a journal and makes them durable (`fsync`) before `finish` returns.
final class JournalAppender {
    let path: String
    private let descriptor: Int32

    /// Opens `path` for appending (creating it), or empties it first with `truncate`.
    init(path: String, truncate: Bool) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0o644)
        guard descriptor >= 0 else {
            throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends `lines`, each followed by a newline.
    func append(_ lines: [String]) throws {
        guard !lines.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.count * 160)
        for line in lines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
        }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// Syncs the file to disk and returns its size.
    func finish() throws -> Int64 {
        guard fsync(descriptor) == 0 else {
            throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw DeviceSyncError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        return Int64(info.st_size)
    }

    /// Syncs the folder holding `path`, so a new or renamed file survives a power cut.
    static func syncFolder(of path: String) {
        let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
        guard folder >= 0 else { return }
        _ = fsync(folder)
        close(folder)
    }
}
