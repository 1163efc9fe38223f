import Foundation

extension Date {
    /// The date as whole Unix milliseconds, the store's time format (rounded to the nearest).
    var unixMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1_000).rounded())
    }

    /// The date `milliseconds` after the Unix epoch.
    init(unixMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }
}
