import Foundation

/// Runs a program to completion and measures it: wall time and peak resident memory (from
/// `wait4`'s resource usage), with standard output sent to a file.
struct MeasuredProcess {
    /// Wall-clock seconds from spawn to exit.
    let seconds: Double
    /// Peak resident set size in bytes.
    let peakBytes: Int
    /// CPU seconds, user and system, over all threads.
    let cpuSeconds: Double
    /// The exit status (or 128 + the signal).
    let status: Int32

    /// A program that could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        let program: String
        let code: Int32

        var description: String { "cannot run \(program): \(String(cString: strerror(code)))" }
    }

    /// Runs `arguments[0]` (looked up in PATH) with `arguments`, stdout to `outputPath`.
    static func run(_ arguments: [String], stdoutTo outputPath: String) throws -> MeasuredProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard code == 0 else { throw SpawnError(program: arguments[0], code: code) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #if os(Linux)
            let peak = Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
            let peak = Int(usage.ru_maxrss)  // bytes on macOS
        #endif
        let exited = status & 0x7F == 0
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return MeasuredProcess(
            seconds: seconds, peakBytes: peak, cpuSeconds: cpu,
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    }
}
