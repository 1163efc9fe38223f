import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the `recall` binary on a pseudo-terminal, as a user at a terminal would, and
/// talks to it: `send`, `expect`, Ctrl-C, Ctrl-D.
///
/// The child is started with `posix_spawn` in a new session and opens the terminal's
/// slave side itself, so the pseudo-terminal becomes its controlling terminal: Ctrl-C
/// (byte 0x03) then reaches it as SIGINT, exactly as at a real terminal.
final class PseudoTerminal {
    /// Why talking to the child failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let master: Int32
    let pid: pid_t
    /// Everything the child wrote so far (carriage returns removed).
    private(set) var transcript = ""
    /// Where in `transcript` the next `expect` starts looking.
    private var cursor: String.Index
    private var exitStatus: Int32?
    /// Every byte read, for failure messages.
    private var raw: [UInt8] = []

    /// Starts `recall arguments` with `environment` (PATH-less; the binary is run by path).
    init(arguments: [String], environment: [String: String]) throws {
        master = PTY.openMaster()  // close-on-exec: other tests' children must not hold it
        guard master >= 0, PTY.grant(master) == 0, PTY.unlock(master) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal")
        }
        var name = [CChar](repeating: 0, count: 128)
        guard PTY.name(master, &name, name.count) == 0 else {
            throw Failure(description: "cannot name the pseudo-terminal")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26+): the child starts a new session, so opening the
        // slave makes it the controlling terminal. Default signal handling for SIGINT.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let path = RecallBinary.url.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(description: "posix_spawn failed: \(result)") }
        pid = child
        cursor = transcript.startIndex
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (include "\r" to press Enter).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Types `text` and presses Enter.
    func sendLine(_ text: String) {
        send(text + "\r")
    }

    /// Presses Ctrl-C.
    func sendControlC() { send("\u{03}") }

    /// Presses Ctrl-D.
    func sendEOF() { send("\u{04}") }

    /// Waits until `substring` appears after what earlier `expect`s consumed; returns the
    /// text from there up to and including it.
    @discardableResult
    func expect(_ substring: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = transcript[cursor...].range(of: substring) {
                let text = String(transcript[cursor..<range.upperBound])
                cursor = range.upperBound
                return text
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || !readMore(timeout: remaining) {
                throw Failure(
                    description: "did not see \(substring.debugDescription); the output since the last match was:\n"
                        + String(transcript[cursor...]))
            }
        }
    }

    /// Everything written after the last match (waiting a moment for more).
    func unmatchedOutput(settle: TimeInterval = 0.3) -> String {
        _ = readMore(timeout: settle)
        return String(transcript[cursor...])
    }

    /// Reads what is available within `timeout`; false when nothing more will come.
    private func readMore(timeout: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, timeout * 1000)))
        guard ready > 0 else { return ready == 0 ? false : errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        raw += buffer[..<count]
        let offset = transcript.distance(from: transcript.startIndex, to: cursor)
        transcript += String(decoding: buffer[..<count], as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        cursor = transcript.index(transcript.startIndex, offsetBy: offset)
        return true
    }

    /// Waits for the child to exit and returns its exit status (or 128 + signal).
    func waitForExit(timeout: TimeInterval = 20) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readMore(timeout: 0.05)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                _ = readMore(timeout: 0.05)
                return code
            }
        }
        throw Failure(
            description: "recall did not exit; its whole output:\n"
                + String(decoding: raw, as: UTF8.self).debugDescription)
    }
}

/// The pseudo-terminal functions of the C library, looked up at run time: Swift's Glibc
/// module leaves them out (they need _XOPEN_SOURCE), and this test target links no C.
private enum PTY {
    typealias OpenFunction = @convention(c) (Int32) -> Int32
    typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(nil, name) else { fatalError("the C library has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    static func openMaster() -> Int32 { function("posix_openpt", as: OpenFunction.self)(O_RDWR | O_NOCTTY | O_CLOEXEC) }
    static func grant(_ fd: Int32) -> Int32 { function("grantpt", as: OpenFunction.self)(fd) }
    static func unlock(_ fd: Int32) -> Int32 { function("unlockpt", as: OpenFunction.self)(fd) }
    static func name(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int32 {
        function("ptsname_r", as: NameFunction.self)(fd, buffer, size)
    }
}
