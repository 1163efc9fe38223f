/// Why `recall sync` stopped; each message says what to do.
public enum DeviceSyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two stores share one device id: the same event number came with different contents.
    case duplicateDevice(file: String, line: Int, device: String, sequence: Int64)
    /// The sync folder cannot be created or is not a folder.
    case unusableFolder(path: String, reason: String)
    /// A journal cannot be read.
    case cannotRead(path: String, reason: String)
    /// This device's journal cannot be written.
    case cannotWrite(path: String, reason: String)
    /// No folder was given and none is configured.
    case noFolder

    /// The message, without the `error: ` prefix.
    public var description: String {
        switch self {
        case .duplicateDevice(let file, let line, let device, let sequence):
            "\(file):\(line): device \(device) has two different events numbered \(sequence): two stores share one "
                + "device id (a store file copied to another machine?); run 'recall sync --new-device' on one of them"
        case .unusableFolder(let path, let reason):
            "cannot use the sync folder \(path): \(reason)"
        case .cannotRead(let path, let reason):
            "cannot read \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason); nothing was lost, run 'recall sync' again once it is fixed"
        case .noFolder:
            "no sync folder: give one ('recall sync DIR') or configure one ('recall settings --sync-dir DIR')"
        }
    }
}
