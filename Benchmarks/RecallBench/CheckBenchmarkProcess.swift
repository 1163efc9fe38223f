import Foundation

/// Runs a command and measures its wall time and peak memory (from `wait4`'s rusage).
enum CheckBenchmarkProcess {
    /// What one run cost.
    struct Measurement {
        var seconds: Double
        /// User plus system CPU time: steadier than wall time on a busy machine.
        var cpuSeconds: Double
        var maxResidentMiB: Double
    }

    /// Runs `command` (argv, the first element a path) with output discarded.
    static func measure(_ command: [String], expectingStatus expected: Int32) throws -> Measurement {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        var cArguments = command.map { strdup($0) }
        cArguments.append(nil)
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, command[0], &fileActions, nil, cArguments, environ)
        guard spawned == 0 else { throw CheckBenchmarkError.failed("cannot run \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitStatus == expected else {
            throw CheckBenchmarkError.failed(
                "\(command.joined(separator: " ")) exited with status \(exitStatus), expected \(expected)")
        }
        // Linux reports ru_maxrss in KiB.
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Measurement(seconds: seconds, cpuSeconds: cpu, maxResidentMiB: Double(usage.ru_maxrss) / 1024)
    }
}
