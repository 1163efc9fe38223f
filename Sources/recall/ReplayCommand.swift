import ArgumentParser
import Foundation
import Replay
import Scheduling

/// `recall replay`: Replay a review history (CSV) and print each card's memory state after every review.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a review history (CSV) and print each card's memory state after every review.",
        discussion: """
            The history is CSV with a header naming card_id, review_time and rating (or \
            review_rating); other columns are ignored. review_time is ISO 8601 with an offset, \
            like 2024-03-29T20:32:32.25+00:00; ratings are 1 (again) to 4 (easy). Each card is \
            new at its first review and its reviews are applied in time order.

            Prints CSV, one row per review in input order: \
            card_id,review_time,rating,state,step,stability,difficulty,due. With --scheduler sm2 \
            the stability column is the interval in days and difficulty the ease. Fuzz is off, \
            so the numbers match py-fsrs 6.3.2 replaying the same history.

            Exits 1 when a row is malformed (with its line number, and no rows printed), 2 on \
            invalid options.
            """
    )

    @Argument(help: "The review history, a CSV file (- reads standard input).")
    var file: String

    @Option(help: "The scheduler: fsrs or sm2.")
    var scheduler: String = "fsrs"

    @Option(help: ArgumentHelp("Custom FSRS weights: 21 (or 19 or 17) numbers separated by commas.", valueName: "w0,w1,…"))
    var parameters: String?

    @Option(help: ArgumentHelp("The desired retention, 0.7 to 0.99 (default 0.9).", valueName: "R"))
    var desiredRetention: String?

    @Option(help: ArgumentHelp("Learning steps (default 1m,10m; \"\" for none).", valueName: "steps"))
    var learningSteps: String?

    @Option(help: ArgumentHelp("Relearning steps (default 10m; \"\" for none).", valueName: "steps"))
    var relearningSteps: String?

    @Option(help: ArgumentHelp("The longest interval in days (default 36500).", valueName: "days"))
    var maximumInterval: String?

    mutating func run() throws {
        let configuration: SchedulerConfiguration
        do {
            configuration = try SchedulerConfiguration(
                scheduler: scheduler, parameters: parameters, desiredRetention: desiredRetention,
                learningSteps: learningSteps, relearningSteps: relearningSteps, maximumInterval: maximumInterval
            )
        } catch {
            FileHandle.standardError.write(Data("""
                recall replay: error: \(error)
                Usage: recall replay <file> [--scheduler fsrs|sm2] [options]; see 'recall replay --help'.

                """.utf8))
            throw ExitCode(2)
        }
        do {
            let name = file == "-" ? "<stdin>" : file
            let output = ReplayInput.writeToStandardOutput
            try ReplayInput.withContents(of: file) { source in
                switch configuration.kind {
                case .fsrs: try ReplayPipeline.run(csv: source, file: name, scheduler: try configuration.makeFSRS(), to: output)
                case .sm2: try ReplayPipeline.run(csv: source, file: name, scheduler: try configuration.makeSM2(), to: output)
                }
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
