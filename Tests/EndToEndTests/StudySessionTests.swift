import Foundation
import Testing

/// Study sessions and quizzes end to end: the real binary, a fixture deck in a temporary
/// folder, a temporary store; through a pseudo-terminal and through a pipe.
@Suite struct StudySessionTests {
    /// A sandbox with the fixture deck, and the arguments that point recall at it.
    static func sandbox() throws -> (REPLSandbox, [String]) {
        let sandbox = try REPLSandbox()
        try sandbox.write(REPLFixtures.sampleDeck, to: "decks/sample.json")
        return (sandbox, ["--decks", sandbox.path("decks"), "--store", sandbox.path("progress.sqlite")])
    }

    /// The review log's lines (header left out), as `item,rating`.
    static func log(_ sandbox: REPLSandbox) throws -> [String] {
        let run = try sandbox.pipe(["log", "--store", sandbox.path("progress.sqlite"), "--deck", "sample"], input: "")
        #expect(run.status == 0)
        return run.output.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",")
            return "\(fields[4]),\(fields[2])"
        }
    }

    @Test func everyCardTypeRightWrongAndWithATypoThenUndoCtrlCAndRestart() throws {
        let (sandbox, options) = try Self.sandbox()
        // Every side of the reversed card is asked here (sibling burying has its own test).
        #expect(try sandbox.pipe(["settings", "sample", "--bury-siblings", "off"] + options, input: "").status == 0)
        let terminal = try sandbox.terminal(options)
        try terminal.expect("recall> ")
        terminal.sendLine("study sample")
        try terminal.expect("Studying Sample: 7 new · 0 learning · 0 review (:help for the session commands)\n")

        // basic: Enter reveals the back; rate 3.
        try terminal.expect(
            "Sample · basic    new 7 · learning 0 · review 0\nWho narrates the novel?\n(Enter shows the answer) > ")
        terminal.sendLine("")
        try terminal.expect("Answer: Kathy H.\n1 again 1m  2 hard ")
        try terminal.expect("rating 1-4> ")
        terminal.sendLine("3")

        // basic, reversed: rate 1 (again).
        try terminal.expect("Sample · basic    new 6 · learning 1 · review 0\nKathy H.\n(Enter shows the answer) > ")
        terminal.sendLine("I do not know")
        try terminal.expect("Answer: Who narrates the novel?\n")
        try terminal.expect("rating 1-4> ")
        terminal.sendLine("1")

        // typed, with a typo: right, and the difference is shown; Enter accepts good.
        try terminal.expect("Sample · typed    new 5 · learning 2 · review 0\nWhich school did Kathy attend?\nanswer> ")
        terminal.sendLine("hailshem")
        try terminal.expect("Right, with a typo: Hailsh[-e-]{+a+}m\nAnswer: Hailsham\n  Kathy grew up at Hailsham.\n")
        try terminal.expect("rating [3 good]> ")
        terminal.sendLine("")

        // choice, wrong (answered by its text, since the letters are shuffled).
        try terminal.expect("Sample · choice    new 4 · learning 3 · review 0\nWho is Kathy's closest friend?\n")
        try terminal.expect("a-c> ")
        terminal.sendLine("Madame")
        try terminal.expect("Wrong.\nAnswer: ")
        try terminal.expect("Ruth\n")
        try terminal.expect("rating [1 again]> ")
        terminal.sendLine("")

        // true/false (rated easy, it graduates): first undo the wrong choice, and answer it again, right.
        try terminal.expect(
            "Sample · truefalse    new 3 · learning 4 · review 0\nKathy is a carer.\n  true or false?\nt/f> ")
        terminal.sendLine(":undo")
        try terminal.expect("Undone: the answer rated again is taken back.\n")
        try terminal.expect("Sample · choice    new 4 · learning 3 · review 0\n")
        try terminal.expect("a-c> ")
        terminal.sendLine("ruth")
        try terminal.expect("Right.\n")
        try terminal.expect("rating [3 good]> ")
        terminal.sendLine("")
        try terminal.expect("Sample · truefalse    new 3 · learning 4 · review 0\n")
        try terminal.expect("t/f> ")
        terminal.sendLine("yes")
        try terminal.expect("Right.\n")
        try terminal.expect("rating [3 good]> ")
        terminal.sendLine("4")

        // cloze: a hint, then right.
        try terminal.expect(
            "Sample · cloze    new 2 · learning 4 · review 0\n[...] and Tommy visit the boat.\nanswer> ")
        terminal.sendLine(":hint")
        try terminal.expect("Hint: names\nanswer> ")
        terminal.sendLine("kathy")
        try terminal.expect("Right.\nAnswer: Kathy\n")
        try terminal.expect("rating [3 good]> ")
        terminal.sendLine("")

        // The second deletion: Ctrl-C ends the session, every rated answer saved.
        try terminal.expect(
            "Sample · cloze    new 1 · learning 5 · review 0\nKathy and [a boy] visit the boat.\nanswer> ")
        terminal.send("Tom")
        try terminal.expect("Tom")
        terminal.sendControlC()
        try terminal.expect("^C\n\nSession ended (Ctrl-C). Every answer is saved.\nStudied 6 cards in ")
        try terminal.expect(
            ": 5 right, 1 wrong.\n  again 1 · hard 0 · good 4 · easy 1  (6 new)\n  1 card not reached.\nNext: 5 learning cards to see again, the first in "
        )
        try terminal.expect("recall> ")
        terminal.sendEOF()
        #expect(try terminal.waitForExit() == 0)

        #expect(try Self.log(sandbox) == ["b,3", "b#reverse,1", "t,3", "c,3", "tf,4", "z#c1,3"])

        // Start again: the progress is there.
        let again = try sandbox.terminal(options)
        try again.expect("recall> ")
        again.sendLine("stats sample")
        try again.expect(
            "DECK    NEW  LEARNING  REVIEW  SUSPENDED  DUE TODAY  TOMORROW\nsample    1         5       1          0          5         0\n"
        )
        try again.expect("recall> ")
        again.sendLine("quit")
        #expect(try again.waitForExit() == 0)
    }

    @Test func theSameSessionThroughAPipe() throws {
        let (sandbox, options) = try Self.sandbox()
        #expect(try sandbox.pipe(["settings", "sample", "--bury-siblings", "off"] + options, input: "").status == 0)
        let input = ["", "3", "", "1", "hailshem", "", "Ruth", "", "t", "", ":bury", "Kathy", "2", ":quit"]
        let run = try sandbox.pipe(["study", "sample"] + options, input: input.joined(separator: "\n") + "\n")
        #expect(run.errors == "")
        #expect(run.status == 0)
        #expect(
            run.output.hasPrefix(
                "Studying Sample: 7 new · 0 learning · 0 review (:help for the session commands)\n\nSample · basic    new 7 · learning 0 · review 0\nWho narrates the novel?\n(Enter shows the answer) > \nAnswer: Kathy H.\n"
            ))
        #expect(run.output.contains("answer> hailshem\nRight, with a typo: Hailsh[-e-]{+a+}m\n"))
        #expect(run.output.contains("t/f> t\nRight.\n"))
        #expect(run.output.contains("answer> :bury\nBuried until tomorrow.\n"))
        #expect(run.output.contains("answer> Kathy\nWrong.\nAnswer: Tommy\n"))
        // The card rated again comes back at the end of the session, where :quit stops.
        #expect(
            run.output.contains(
                """
                Sample · basic    new 0 · learning 6 · review 0
                Kathy H.
                (Enter shows the answer) > :quit

                Session ended. Every answer is saved.
                Studied 6 cards in
                """))
        #expect(
            run.output.contains(
                ": 5 right, 1 wrong.\n  again 1 · hard 1 · good 4 · easy 0  (6 new)\n  1 buried.\nNext: 6 learning cards to see again, the first in "
            ))
        #expect(try Self.log(sandbox) == ["b,3", "b#reverse,1", "t,3", "c,3", "tf,3", "z#c2,2"])
    }

    @Test func aQuizIsPracticeAndLeavesTheScheduleAlone() throws {
        let (sandbox, options) = try Self.sandbox()
        let run = try sandbox.pipe(["quiz", "sample", "--count", "2", "--tag", "people"] + options, input: "x\n")
        #expect(run.status == 0)
        // Only the basic card is tagged "people", and basic cards are never in quizzes.
        #expect(
            run.output
                == "No questions to ask: Sample has no typed, cloze, choice or true/false cards\ntagged \"people\".\n")

        let quiz = try sandbox.pipe(
            ["quiz", "sample", "--count", "5"] + options, input: ":skip\n:skip\n:skip\n:skip\n:skip\n")
        #expect(quiz.status == 0)
        #expect(quiz.output.contains("Quiz: 5 questions (all there are) from Sample.") == false)
        #expect(quiz.output.contains("Score: 0/5 (0%).\nMissed:\n"))
        #expect(try Self.log(sandbox) == [])  // practice answers are not in the study log
        // The schedule is untouched: every card is still new.
        let study = try sandbox.pipe(["study", "sample"] + options, input: ":quit\n")
        #expect(study.output.hasPrefix("Studying Sample: 7 new · 0 learning · 0 review"))
    }

    @Test func unknownDecksAndBadOptionsAreUsageErrors() throws {
        let (sandbox, options) = try Self.sandbox()
        let study = try sandbox.pipe(["study", "sampel"] + options, input: "")
        #expect(study.status == 2)
        #expect(
            study.errors
                == "error: no deck \"sampel\" (did you mean \"sample\"?)\n"
                + "usage: recall study [<deck> ...] [--tag <tag> ...] [--decks <dir> ...] [--store <path>]\n")
        let quiz = try sandbox.pipe(["quiz", "--count", "none"] + options, input: "")
        #expect(quiz.status == 2)
        #expect(
            quiz.errors.hasPrefix(
                "error: the value 'none' is invalid for '--count <n>': expected a whole number from 1 to 1000\nusage: recall quiz "
            ))
        let settings = try sandbox.pipe(["settings", "sample", "--retention", "2"] + options, input: "")
        #expect(settings.status == 2)
        #expect(
            settings.errors.hasPrefix(
                "error: the value '2' is invalid for '--retention <r>': expected a number from 0.7 to 0.99, such as 0.9 or 90%\nusage: recall settings "
            ))
    }

    /// Answering the front of a reversed card keeps its back for the next study day, in this
    /// session and the next; `settings --bury-siblings off` asks both sides.
    @Test func theOtherSideOfAnAnsweredCardWaitsForTheNextDay() throws {
        let (sandbox, options) = try Self.sandbox()
        let first = try sandbox.pipe(["study", "sample"] + options, input: "\n3\n:quit\n")
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("Studying Sample: 7 new · 0 learning · 0 review"))
        #expect(try Self.log(sandbox) == ["b,3"])
        let again = try sandbox.pipe(["study", "sample"] + options, input: ":quit\n")
        #expect(again.output.hasPrefix("Studying Sample: 5 new · 1 learning · 0 review"), "\(again.output)")

        let (other, otherOptions) = try Self.sandbox()
        #expect(try other.pipe(["settings", "sample", "--bury-siblings", "off"] + otherOptions, input: "").status == 0)
        _ = try other.pipe(["study", "sample"] + otherOptions, input: "\n3\n:quit\n")
        let kept = try other.pipe(["study", "sample"] + otherOptions, input: ":quit\n")
        #expect(kept.output.hasPrefix("Studying Sample: 6 new · 1 learning · 0 review"), "\(kept.output)")
    }

    @Test func undoingAnAnswerUnburiesTheOtherSide() throws {
        let (sandbox, options) = try Self.sandbox()
        _ = try sandbox.pipe(["study", "sample"] + options, input: "\n3\n:undo\n:quit\n")
        let again = try sandbox.pipe(["study", "sample"] + options, input: ":quit\n")
        #expect(again.output.hasPrefix("Studying Sample: 7 new · 0 learning · 0 review"), "\(again.output)")
    }

    @Test func settingsAreShownAndChanged() throws {
        let (sandbox, options) = try Self.sandbox()
        let change = try sandbox.pipe(
            ["settings", "sample", "--scheduler", "sm2", "--new-per-day", "5"] + options, input: "")
        #expect(change.status == 0)
        #expect(
            change.output
                == "Saved for sample.\nDECK    SCHEDULER  RETENTION  NEW/DAY  SIBLINGS\nsample  sm2        -                5  buried\n"
        )
        let show = try sandbox.pipe(["study", "sample"] + options, input: ":quit\n")
        #expect(show.output.hasPrefix("Studying Sample: 5 new · 0 learning · 0 review (:help"))
    }
}

@Suite struct SessionCompletionTests {
    @Test func tabCompletesSessionCommandsAndNothingElseDuringASession() throws {
        let (sandbox, options) = try StudySessionTests.sandbox()
        let terminal = try sandbox.terminal(["study", "sample"] + options)
        try terminal.expect("(Enter shows the answer) > ")
        terminal.send(":su\t")
        try terminal.expect(":suspend ")
        terminal.sendControlC()
        try terminal.expect("^C\n\nSession ended (Ctrl-C). Every answer is saved.\nNo cards studied")
        #expect(try terminal.waitForExit() == 0)
    }
}

@Suite struct ColourTests {
    static let escape = "\u{1B}["

    @Test func colourOnATerminalButNeverUnderNoColorOrThroughAPipe() throws {
        let (sandbox, options) = try StudySessionTests.sandbox()
        let coloured = try sandbox.terminal(["study", "sample"] + options, environment: ["TERM": "xterm"])
        try coloured.expect("(Enter shows the answer) > ")
        coloured.sendLine(":quit")
        #expect(try coloured.waitForExit() == 0)
        #expect(coloured.transcript.contains(Self.escape + "1mStudying Sample"))

        let plain = try sandbox.terminal(
            ["study", "sample"] + options, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        try plain.expect("(Enter shows the answer) > ")
        plain.sendLine(":quit")
        #expect(try plain.waitForExit() == 0)
        #expect(plain.transcript.contains("Studying Sample"))
        #expect(!plain.transcript.contains(Self.escape + "1m"))

        let piped = try sandbox.pipe(["study", "sample"] + options, input: ":quit\n", environment: ["TERM": "xterm"])
        #expect(!piped.output.contains("\u{1B}"))
    }
}

@Suite struct TagTests {
    @Test func anUnknownTagIsAUsageErrorWithASuggestion() throws {
        let (sandbox, options) = try StudySessionTests.sandbox()
        let run = try sandbox.pipe(["study", "sample", "--tag", "peopel"] + options, input: "")
        #expect(run.status == 2)
        #expect(
            run.errors.hasPrefix("error: no card is tagged \"peopel\" (did you mean \"people\"?)\nusage: recall study ")
        )
        let tagged = try sandbox.pipe(["study", "sample", "--tag", "PEOPLE"] + options, input: ":quit\n")
        #expect(tagged.output.hasPrefix("Studying Sample: 2 new · 0 learning · 0 review"))
    }
}
