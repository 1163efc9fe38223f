import Foundation
import Testing

@testable import Anki

/// `BatchPipeline`: values made on the helper thread arrive in order, all of them; a consumer
/// that throws stops the producer and gets its error back.
struct BatchPipelineTests {
    struct Stop: Error {}

    @Test(arguments: [1, 7, 4_096])
    func everyValueArrivesInOrder(batchSize: Int) throws {
        var seen: [Int] = []
        try BatchPipeline<Int>.run(
            batchSize: batchSize, depth: 2,
            produce: { push in
                for value in 0..<50_000 where !push(value) { return }
            },
            consume: { seen.append($0) })
        #expect(seen == Array(0..<50_000))
    }

    @Test func nothingToProduce() throws {
        var seen: [Int] = []
        try BatchPipeline<Int>.run(produce: { _ in }, consume: { seen.append($0) })
        #expect(seen.isEmpty)
    }

    @Test func aThrowingConsumerStopsTheProducer() {
        final class Count: @unchecked Sendable {
            var pushed = 0
        }
        let count = Count()
        var seen = 0
        #expect(throws: Stop.self) {
            try BatchPipeline<Int>.run(
                batchSize: 100, depth: 2,
                produce: { push in
                    for value in 0..<1_000_000 {
                        count.pushed += 1
                        if !push(value) { return }
                    }
                },
                consume: { value in
                    if value == 1_000 { throw Stop() }
                    seen += 1
                })
        }
        #expect(seen == 1_000)
        // The producer stopped within the batches it may work ahead, long before the end.
        #expect(count.pushed < 2_000)
    }
}
