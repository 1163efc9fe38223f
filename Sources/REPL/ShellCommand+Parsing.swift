import Scheduling

extension ShellCommand {
    /// Parses a line typed at the main prompt; `nil` for an empty line.
    public static func parse(_ line: String) throws(CommandError) -> ShellCommand? {
        let words: [String]
        do {
            words = try Tokenizer.split(line)
        } catch {
            throw .syntax(error)
        }
        guard let first = words.first else { return nil }
        return try parse(command: first, arguments: Array(words.dropFirst()))
    }

    /// Parses a command from its name and its arguments.
    public static func parse(command word: String, arguments: [String]) throws(CommandError) -> ShellCommand {
        guard let name = CommandName(rawValue: word.lowercased()) else {
            let suggestion = Suggestion.nearest(to: word, among: CommandName.allCases.map(\.rawValue))
            throw .unknownCommand(word, suggestion: suggestion)
        }
        var parser = ArgumentScanner(command: name, arguments: arguments)
        switch name {
        case .decks:
            try parser.finish()
            return .decks
        case .study:
            var request = StudyRequest()
            while let word = try parser.next() {
                switch word {
                case .option("--tag", let value): request.tags.append(value)
                case .positional(let deck): request.decks.append(deck)
                default: throw parser.unknown(word)
                }
            }
            return .study(request)
        case .quiz:
            var request = QuizRequest()
            while let word = try parser.next() {
                switch word {
                case .option("--tag", let value): request.tags.append(value)
                case .option("--count", let value): request.count = try QuizRequest.parseCount(value)
                case .positional(let deck): request.decks.append(deck)
                default: throw parser.unknown(word)
                }
            }
            return .quiz(request)
        case .stats:
            let deck = try parser.optionalPositional()
            try parser.finish()
            return .stats(deck: deck)
        case .settings:
            var request = SettingsRequest()
            while let word = try parser.next() {
                switch word {
                case .option("--scheduler", let value): request.scheduler = try SettingsRequest.parseScheduler(value)
                case .option("--retention", let value):
                    request.desiredRetention = try SettingsRequest.parseRetention(value)
                case .option("--new-per-day", let value):
                    request.newCardsPerDay = try SettingsRequest.parseNewPerDay(value)
                case .positional(let deck) where request.deck == nil: request.deck = deck
                default: throw parser.unknown(word)
                }
            }
            return .settings(request)
        case .help:
            let topic = try parser.optionalPositional()
            try parser.finish()
            return .help(topic: topic)
        case .quit, .exit:
            try parser.finish()
            return .quit
        }
    }
}

extension QuizRequest {
    /// Parses `--count`: a whole number from 1 to `maximumCount`.
    public static func parseCount(_ text: String) throws(CommandError) -> Int {
        guard let count = Int(text), (1...maximumCount).contains(count) else {
            throw .invalidValue(
                command: "quiz", option: "--count", value: text,
                expected: "a whole number from 1 to \(maximumCount)")
        }
        return count
    }
}

extension SettingsRequest {
    /// Parses `--scheduler`: fsrs or sm2.
    public static func parseScheduler(_ text: String) throws(CommandError) -> SchedulerKind {
        guard let kind = SchedulerKind(rawValue: text.lowercased()) else {
            throw .invalidValue(command: "settings", option: "--scheduler", value: text, expected: "fsrs or sm2")
        }
        return kind
    }

    /// Parses `--retention`: a number from 0.7 to 0.99 (a percentage such as 90% is accepted too).
    public static func parseRetention(_ text: String) throws(CommandError) -> Double {
        var number = text
        var scale = 1.0
        if number.hasSuffix("%") {
            number.removeLast()
            scale = 0.01
        }
        guard let value = Double(number).map({ $0 * scale }), value.isFinite,
            retentionRange.contains((value * 1000).rounded() / 1000)
        else {
            throw .invalidValue(
                command: "settings", option: "--retention", value: text, expected: "a number from 0.7 to 0.99")
        }
        return (value * 1000).rounded() / 1000
    }

    /// Parses `--new-per-day`: a whole number from 0 to 9999.
    public static func parseNewPerDay(_ text: String) throws(CommandError) -> Int {
        guard let value = Int(text), newPerDayRange.contains(value) else {
            throw .invalidValue(
                command: "settings", option: "--new-per-day", value: text, expected: "a whole number from 0 to 9999")
        }
        return value
    }
}
