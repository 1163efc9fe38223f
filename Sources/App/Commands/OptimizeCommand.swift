import ArgumentParser
import Foundation
import Optimizer
import Progress
import Replay
import Scheduling
import Terminal

/// `recall optimize [DECK...] [--csv FILE] [--json] [--apply]`: fits FSRS-6's parameters to
/// the review history, as fsrs-rs does, and reports how well the current and the fitted
/// parameters predict it.
struct OptimizeCommand: RecallCommand, ReadsDecks, UsesStore {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit FSRS-6's parameters to your review history.",
        discussion: """
            Learns the 21 FSRS-6 parameters from your study answers (practice answers are left \
            out) in the decks named, or in every deck, the way Anki's optimizer (fsrs-rs 6.6) \
            does, and shows how well the current and the fitted parameters predict that \
            history: log loss and RMSE(bins), lower is better. With --apply, the fitted \
            parameters are saved in those decks' settings, used from the next answer on, and \
            every card's memory state (stability, difficulty) is recomputed from its history \
            with them; due dates and the review log stay as they are. They are not saved when \
            they predict the history no better than the current ones.

            --csv FILE learns from a history in the layout `recall log` writes (card_id, \
            review_time, rating; - reads standard input) instead of the store; its days are \
            counted in the time zone of TZ. A review history needs reviews on at least two \
            different days per card to teach anything; with fewer than 8 such reviews the \
            defaults stay, with fewer than 64 only the first four parameters are fitted.
            """
    )

    @Argument(
        help: ArgumentHelp("Decks whose history to learn from (default: every deck).", valueName: CompletionValue.deck))
    var decks: [String] = []

    @Option(
        help: ArgumentHelp(
            "Learn from this review history (CSV; - reads standard input) instead of the store.", valueName: "file"),
        completion: .file(extensions: ["csv"]))
    var csv: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "Save the fitted parameters in the decks' settings (when they predict the history better).")
    var apply = false

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    /// A failure with a message (exit status 1).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run(in context: CommandContext) throws {
        let console = context.console
        // Where the history comes from, and which decks' settings are compared and changed.
        let history: OptimizerHistory
        var store: ProgressStore?
        var targets: [String] = []
        if let csv {
            history = try Self.readCSV(csv, console: console)
            if apply || !decks.isEmpty {
                store = apply ? try context.workspace().store : try context.existingStore()
                targets = try store.map { try resolveDecks(in: context, store: $0) } ?? decks
            }
        } else {
            // Nothing is created when there is no store: there is no history either.
            guard let existing = try context.existingStore() else {
                throw Failure(
                    description:
                        "there is no review history yet (no progress store at \(context.storePath)): study some cards first, or pass --csv FILE"
                )
            }
            store = apply ? try context.workspace().store : existing
            targets = try resolveDecks(in: context, store: existing)
            history = try OptimizerHistory.read(from: existing, deckIDs: targets)
            guard !history.reviews.isEmpty else {
                throw Failure(
                    description:
                        "\(Self.describe(targets, among: decks)) no study answers yet: study some cards first (practice answers do not count)"
                )
            }
        }

        // The current parameters: those of the decks (the first deck's when they differ).
        var settings: [(deck: String, settings: DeckSettings)] = []
        if let store { settings = try targets.map { ($0, try store.settings(for: $0)) } }
        let current =
            settings.first?.settings.scheduler.parameters.flatMap { try? FSRSParameters($0).weights }
            ?? FSRSParameters.defaultWeights
        let differing = settings.contains {
            ($0.settings.scheduler.parameters.flatMap { try? FSRSParameters($0).weights }
                ?? FSRSParameters.defaultWeights) != current
        }

        let set = TrainingSet(reviews: history.reviews, cardCount: history.cardCount, clock: history.clock)
        guard !set.items.isEmpty else {
            throw Failure(
                description:
                    "nothing to learn from: FSRS learns from reviews on a later day than a card's first, and none of the \(history.reviews.count) reviews is one"
            )
        }
        var configuration = FSRSOptimizer.Configuration()
        configuration.relearningSteps = max(1, settings.map(\.settings.scheduler.relearningSteps.count).max() ?? 1)
        let bar = ProgressBar("fitting", console: console)
        let report = OptimizationReport.make(
            set: set, current: current, optimizer: FSRSOptimizer(configuration: configuration), progress: bar.update)
        bar.finish()
        guard let report else {
            throw Failure(
                description: "the current parameters cannot predict this history (a prediction is not a probability)")
        }

        var applied = false
        var recomputed = 0
        if apply && report.isImprovement, let store {
            let parameters = try FSRSParameters(report.parameters)  // never NaN, never out of range
            for (deck, deckSettings) in settings {
                var changed = deckSettings
                changed.scheduler.parameters = parameters.weights
                try changed.scheduler.validate()
                try store.saveSettings(changed, for: deck)
            }
            applied = true
            // Memory states from the history with the new parameters (FSRS decks only).
            let schedulers = Dictionary(
                uniqueKeysWithValues: settings.map { deck, deckSettings -> (String, FSRS?) in
                    var scheduler = deckSettings.scheduler
                    scheduler.parameters = parameters.weights
                    return (deck, scheduler.kind == .fsrs ? try? scheduler.makeFSRS() : nil)
                })
            let storeHistory = csv == nil ? history : try OptimizerHistory.read(from: store, deckIDs: targets)
            recomputed = try store.replaceMemory(storeHistory.memoryStates { schedulers[$0] ?? nil })
        }

        if json {
            console.say(try JSONText.encode(OptimizeJSON(report: report, applied: applied)))
            return
        }
        console.say(
            text(
                report, targets: targets, differing: differing, applied: applied, recomputed: recomputed,
                style: console.style))
    }

    /// The decks named (checked against the decks found and those in the store), or every deck.
    private func resolveDecks(in context: CommandContext, store: ProgressStore) throws -> [String] {
        let known = Set(context.library.decks.map(\.id)).union(try store.deckIDs()).sorted()
        for deck in decks where !known.contains(deck) {
            throw UsageError.unknownDeck(deck, among: known)
        }
        return decks.isEmpty ? known : decks
    }

    /// Reads and parses a CSV history; a malformed row is reported as `FILE:LINE: error: …`.
    static func readCSV(_ path: String, console: Console) throws -> OptimizerHistory {
        let name = path == "-" ? "<stdin>" : path
        let parsed: ReviewHistory
        do {
            parsed = try ReviewHistory(csv: try ReplayInput.read(path), file: name)
        } catch let error as ReviewHistoryError {
            console.errors.line(Sanitizer.clean("\(error)"))
            throw ExitCode.failure
        }
        guard !parsed.reviews.isEmpty else {
            throw Failure(
                description: "\(Sanitizer.clean(name, keepNewlines: false)) has no reviews: nothing to learn from")
        }
        return OptimizerHistory.read(csv: parsed)
    }

    /// "deck plot has" / "decks plot and cast have" / "your decks have".
    static func describe(_ targets: [String], among named: [String]) -> String {
        let names = targets.map { Sanitizer.clean($0, keepNewlines: false) }
        if named.isEmpty { return "your decks have" }
        if names.count == 1 { return "deck \(names[0]) has" }
        return "decks \(names.dropLast().joined(separator: ", ")) and \(names[names.count - 1]) have"
    }

    /// The report as text.
    func text(
        _ report: OptimizationReport, targets: [String], differing: Bool, applied: Bool, recomputed: Int, style: Style
    ) -> String {
        var lines: [String] = []
        let source =
            csv.map { $0 == "-" ? "standard input" : Sanitizer.clean($0, keepNewlines: false) }
            ?? (decks.isEmpty
                ? "every deck" : targets.map { Sanitizer.clean($0, keepNewlines: false) }.joined(separator: ", "))
        lines.append(
            "History: \(Self.count(report.reviews)) reviews from \(source), \(Self.count(report.items)) items "
                + "(\(Self.count(report.trainingItems)) trained on)")
        switch report.outcome {
        case .fitted: break
        case .pretrainedOnly:
            lines.append(
                "Only \(Self.count(report.trainingItems)) items (all 21 parameters need at least \(FSRSOptimizer.minimumItemsForTraining) "
                    + "beyond first reviews): only w0-w3 were fitted, the others are the defaults.")
        case .tooFewItems:
            lines.append(
                "Too little history: \(Self.count(report.trainingItems)) items after the outlier filter, fewer than the "
                    + "\(FSRSOptimizer.minimumItems) fsrs-rs needs: the parameters stay the defaults.")
        case .notEnoughData:
            lines.append(
                "Not enough data: no card's first review on a later day survived the outlier filter: the parameters stay the defaults."
            )
        }
        lines.append("")
        lines.append(style.bold("Parameters"))
        let numbers = report.parameters.map { String(format: "%.4f", $0) }
        lines.append("  " + numbers[0..<11].joined(separator: ", ") + ",")
        lines.append("  " + numbers[11...].joined(separator: ", "))
        lines.append("")
        let table = Table.render(
            header: ["", "CURRENT", "FITTED"],
            rows: [
                [
                    "log loss", String(format: "%.4f", report.currentEvaluation.logLoss),
                    String(format: "%.4f", report.fittedEvaluation.logLoss),
                ],
                [
                    "RMSE(bins)", String(format: "%.2f%%", report.currentEvaluation.rmseBins * 100),
                    String(format: "%.2f%%", report.fittedEvaluation.rmseBins * 100),
                ],
            ],
            style: style)
        lines.append(table)
        if differing {
            lines.append(
                "(The decks have different parameters; \"current\" are those of \(Sanitizer.clean(targets[0], keepNewlines: false)).)"
            )
        }
        lines.append("")
        let deckList =
            targets.count == 1 ? "deck \(Sanitizer.clean(targets[0], keepNewlines: false))" : "\(targets.count) decks"
        if applied {
            lines.append(
                "Applied to \(deckList): scheduling uses them from the next answer; "
                    + "\(Self.count(recomputed)) memory states recomputed from the history.")
        } else if !report.isImprovement {
            switch report.outcome {
            case .fitted, .pretrainedOnly:
                lines.append(
                    String(
                        format:
                            "Not applied: the fitted parameters predict this history no better than the current ones "
                            + "(log loss %.4f, current %.4f).", report.fittedEvaluation.logLoss,
                        report.currentEvaluation.logLoss))
            case .tooFewItems, .notEnoughData:
                lines.append("Nothing to apply: nothing was fitted.")
            }
        } else if apply {
            lines.append("Not applied: the history came from \(source) and no deck was named.")
        } else {
            lines.append("Not applied: run again with --apply to use them.")
        }
        return lines.joined(separator: "\n")
    }

    /// 12580 → "12 580".
    static func count(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += " " }
            result.append(character)
        }
        return result
    }
}

/// `recall optimize --json`.
struct OptimizeJSON: Encodable {
    struct Pair: Encodable {
        var current: Double
        var fitted: Double
    }
    var reviews: Int
    var items: Int
    var parameters: [Double]
    var log_loss: Pair
    var rmse_bins: Pair
    var applied: Bool

    init(report: OptimizationReport, applied: Bool) {
        reviews = report.reviews
        items = report.items
        parameters = report.parameters
        log_loss = Pair(current: report.currentEvaluation.logLoss, fitted: report.fittedEvaluation.logLoss)
        rmse_bins = Pair(current: report.currentEvaluation.rmseBins, fitted: report.fittedEvaluation.rmseBins)
        self.applied = applied
    }
}
