import Foundation
/// TEMPORARY
public enum ImportTrace {
    nonisolated(unsafe) static var last = Date()
    nonisolated(unsafe) static var lastCPU = 0.0
    public static func mark(_ what: String) {
        let now = Date()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        FileHandle.standardError.write(Data(String(format: "trace %-30@ %.2f wall %.2f cpu\n", what as NSString, now.timeIntervalSince(last), cpu - lastCPU).utf8))
        last = now
        lastCPU = cpu
    }
}
