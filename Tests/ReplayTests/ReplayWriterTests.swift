import Foundation
import Scheduling
import Testing

@testable import Replay

struct ReplayWriterTests {
    @Test func sixDecimalsAreCorrectlyRounded() {
        var generator = SplitMix64(seed: 6)
        let random = (0..<2_000).map { _ in
            Double(generator.next() >> 11) * 0x1.0p-53 * pow(10, Double(generator.next() % 8) - 2)
        }
        for value in [
            0.0, 0.212, 2.3065, 0.0000005, 0.0000015, 1.0000005, 36_500.123456789, 123_456.5, 2.5e-7, 9_999_999.9999995,
            1e20,
        ] + random {
            var bytes: [UInt8] = []
            ReplayWriter.appendFixed6(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(format: "%.6f", value))
        }
    }
}
