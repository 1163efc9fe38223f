import ArgumentParser
import Foundation
import Replay
import Scheduling
import Terminal

/// `recall replay`: Replay a review history (CSV) and print each card's memory state after every review.
struct ReplayCommand: RecallCommand {
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
            invalid options. --desired-retention is the old spelling of --retention.
            """
    )

    @Argument(
        help: ArgumentHelp("The review history, a CSV file (- reads standard input).", valueName: "file"),
        completion: .file(extensions: ["csv"]))
    var file: String

    @Option(
        help: ArgumentHelp("The scheduler: fsrs or sm2.", valueName: "name"),
        completion: .list(SchedulerKind.allCases.map(\.rawValue)), transform: OptionValue.scheduler)
    var scheduler: SchedulerKind = .fsrs

    @Option(
        help: ArgumentHelp("Custom FSRS weights: 21 (or 19 or 17) numbers separated by commas.", valueName: "w0,w1,…"))
    var parameters: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The desired retention, 0.7 to 0.99 (default 0.9).", valueName: "r"),
        transform: OptionValue.retention)
    var retention: Double?

    /// The old spelling of `--retention`, still accepted.
    @Option(
        name: .customLong("desired-retention"), parsing: .unconditional, help: .hidden, transform: OptionValue.retention
    )
    var desiredRetention: Double?

    @Option(help: ArgumentHelp("Learning steps (default 1m,10m; \"\" for none).", valueName: "steps"))
    var learningSteps: String?

    @Option(help: ArgumentHelp("Relearning steps (default 10m; \"\" for none).", valueName: "steps"))
    var relearningSteps: String?

    @Option(help: ArgumentHelp("The longest interval in days (default 36500).", valueName: "days"))
    var maximumInterval: String?

    func run(in context: CommandContext) throws {
        let configuration: SchedulerConfiguration
        do {
            configuration = try SchedulerConfiguration(
                scheduler: scheduler.rawValue, parameters: parameters,
                desiredRetention: (retention ?? desiredRetention).map { String($0) },
                learningSteps: learningSteps, relearningSteps: relearningSteps, maximumInterval: maximumInterval
            )
        } catch {
            throw UsageError("\(error)")
        }
        let name = file == "-" ? "<stdin>" : file
        let output = context.console.output
        let write: (UnsafeBufferPointer<UInt8>) -> Void =
            if let standard = output as? StandardOutput {
                { standard.write(bytes: $0) }
            } else {
                { output.write(String(decoding: $0, as: UTF8.self)) }
            }
        do {
            try ReplayInput.withContents(of: file) { source in
                switch configuration.kind {
                case .fsrs:
                    try ReplayPipeline.run(csv: source, file: name, scheduler: try configuration.makeFSRS(), to: write)
                case .sm2:
                    try ReplayPipeline.run(csv: source, file: name, scheduler: try configuration.makeSM2(), to: write)
                }
            }
        } catch let error as ReplayInput.ReadError {
            throw error
        } catch {
            // A malformed row: its message already names the file and line.
            context.console.errors.line(Sanitizer.clean("\(error)"))
            throw ExitCode.failure
        }
    }
}
