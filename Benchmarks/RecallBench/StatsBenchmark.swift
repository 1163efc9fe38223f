import Foundation
import Progress

/// Times the stats report on a big store: `recall-bench stats --store PATH`.
func runStatsBenchmark(_ arguments: [String]) throws {
    guard let flag = arguments.firstIndex(of: "--store"), arguments.indices.contains(flag + 1) else {
        print("usage: recall-bench stats --store PATH")
        return
    }
    let path = arguments[flag + 1]
    let clock = ContinuousClock()
    var openTimes: [Duration] = []
    var reportTimes: [Duration] = []
    var report: StatsReport?
    for _ in 0..<5 {
        var store: ProgressStore?
        openTimes.append(try clock.measure { store = try ProgressStore(path: path, access: .readOnly) })
        guard let store else { continue }
        reportTimes.append(try clock.measure { report = try store.statsReport() })
    }
    print("open: \(openTimes)")
    print("report: \(reportTimes)")
    if let report { print(report.total.reviews, report.total.cards, report.leechCount, report.streak) }
}
