import Foundation
import Testing

/// Whether this machine lets a user and mount namespace mount file systems (`unshare -rm`).
let namespaceMountsWork: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = [
        "-rm", "sh", "-c", "mkdir -p /tmp/.recall-mount-probe && mount -t tmpfs none /tmp/.recall-mount-probe",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

/// Issue 16 F9 on real file systems: a store on a read-only mount, and a full disk. The mounts
/// are made in a user and mount namespace (`unshare -rm`); where that is not allowed, the
/// tests are reported as skipped.
@Suite(.enabled(if: namespaceMountsWork, "skipped: needs `unshare -rm` to mount a read-only or a full file system"))
struct ReadOnlyMediaTests {
    /// Runs `script` (sh) in a new user and mount namespace; `$RECALL` is the binary. Returns
    /// what it printed, both streams.
    static func inNamespace(_ script: String, sandbox: REPLSandbox) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-rm", "sh", "-c", script]
        var environment = sandbox.environment()
        environment["RECALL"] = RecallBinary.url.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func readingCommandsWorkOnAReadOnlyMountAndStudySaysWhyItCannot() throws {
        let sandbox = try REPLSandbox()
        let store = sandbox.path("progress.sqlite")
        #expect(
            try sandbox.pipe(
                ["debug", "record-answer", "--store", store, "--deck", "plot", "--card", "c", "--count", "3"], input: ""
            ).status == 0)
        let mount = sandbox.path("media")
        let output = try Self.inNamespace(
            """
            mkdir -p '\(mount)' && mount -t tmpfs none '\(mount)' && cp '\(store)' '\(mount)/progress.sqlite' \
              && mount -o remount,ro '\(mount)' || exit 99
            "$RECALL" log --store '\(mount)/progress.sqlite'; echo "log=$?"
            "$RECALL" stats --store '\(mount)/progress.sqlite' > /dev/null; echo "stats=$?"
            "$RECALL" debug record-answer --store '\(mount)/progress.sqlite' --deck plot --card c; echo "answer=$?"
            """, sandbox: sandbox)
        #expect(output.contains("log=0"), "\(output)")
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("plot/c,") }.count == 3, "\(output)")
        #expect(output.contains("stats=0"), "\(output)")
        #expect(output.contains("it is on a read-only file system"), "\(output)")
        #expect(output.contains("answer=1"), "\(output)")
        #expect(!output.contains("unable to open database file"), "\(output)")
    }

    @Test func aFullDiskAtCreationIsSaidToBeFull() throws {
        let sandbox = try REPLSandbox()
        let mount = sandbox.path("full")
        let output = try Self.inNamespace(
            """
            mkdir -p '\(mount)' && mount -t tmpfs -o size=64k none '\(mount)' || exit 99
            dd if=/dev/zero of='\(mount)/filler' bs=4096 2> /dev/null
            "$RECALL" debug record-answer --store '\(mount)/progress.sqlite' --deck plot --card c; echo "answer=$?"
            ls -a '\(mount)'
            """, sandbox: sandbox)
        #expect(output.contains("cannot create progress store \(mount)/progress.sqlite: the disk is full"), "\(output)")
        #expect(output.contains("answer=1"), "\(output)")
        #expect(!output.contains(".new-"), "a half-made store was left behind: \(output)")
    }
}
