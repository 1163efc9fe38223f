import Foundation
import FuzzTargets

#if FUZZING
    // Built by `make fuzz` with -sanitize=fuzzer: libFuzzer runs the inputs and calls these.
    // The target is chosen with RECALL_FUZZ_TARGET (RECALL_FUZZ_TARGET=list prints the names).

    /// The target this process fuzzes, chosen once at start.
    nonisolated(unsafe) private var selected: FuzzTarget?

    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzerInitialize(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> CInt {
        let name = getenv("RECALL_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        if name == "list" {
            for target in FuzzTarget.all { print(target.name) }
            exit(0)
        }
        guard let target = FuzzTarget.named(name) else {
            let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("error: set RECALL_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(2)
        }
        selected = target
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        selected?.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }

    /// libFuzzer's entry point for programs that have a `main` of their own.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable with `main` defined as `RecallFuzz_main`, so that is where
    /// the program starts: hand over to libFuzzer.
    @_cdecl("RecallFuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
    }
#else
    /// `recall-fuzz TARGET FILE…`: runs files through a fuzz target without libFuzzer (to
    /// reproduce a crash in a normal build); `recall-fuzz` alone lists the targets.
    @main
    enum RecallFuzz {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first else {
                for target in FuzzTarget.all { print(target.name) }
                return
            }
            guard let target = FuzzTarget.named(name) else {
                FileHandle.standardError.write(
                    Data("error: no fuzz target \"\(name)\" (run recall-fuzz to list them)\n".utf8))
                exit(2)
            }
            for path in arguments.dropFirst() {
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
                    exit(1)
                }
                bytes.withUnsafeBytes { target.run($0) }
                print("\(path): ok")
            }
        }
    }
#endif
