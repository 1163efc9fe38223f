import Decks
import Foundation
import Testing

@testable import Drafting

@Suite("Drafting a deck from a summary")
struct DrafterTests {
    static let summary = """
        # Gatsby notes

        ## Characters

        - Nick Carraway — the narrator, a bond salesman from Minnesota who rents a house in West Egg.
        - Jay Gatsby: a mysterious millionaire who throws lavish parties for strangers.
        - Daisy Buchanan - Nick's cousin, who married Tom while Gatsby was at war.

        ## Chapter 3

        Nick attends one of Gatsby's parties at West Egg in the summer of 1922.
        Jordan Baker tells Nick that Gatsby met Daisy in Louisville in 1917.

        ## Themes

        ### The past

        Gatsby believes that his fortune can bring back the summer of 1917. Nick doubts that anyone can repeat the past.
        """

    @Test func everyCardTracesBackToItsLine() throws {
        let deck = try drafted(Self.summary, file: "notes/gatsby.md")
        #expect(deck.id == "gatsby")
        #expect(deck.title == "Gatsby notes")
        #expect(deck.sources == [Source(id: "summary", title: "gatsby.md")])
        #expect(deck.tags == ["draft"])
        #expect(!deck.cards.isEmpty)
        let lines = Self.summary.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for card in deck.cards {
            #expect(card.source == "summary")
            let location = try #require(card.location)
            #expect(location.hasPrefix("line "))
            let number = Int(location.dropFirst(5).prefix(while: \.isNumber))
            let line = try #require(number.map { lines[$0 - 1] })
            let explanation = try #require(card.explanation)
            #expect(explanation.contains("The summary says: “"))
            // The quoted text starts on that line.
            let quoted = explanation.split(separator: "“", maxSplits: 1)[1].dropLast()
            let firstWords = quoted.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(plain(line).contains(firstWords), "\(card.id): \(location) does not hold \(firstWords)")
            #expect(card.tags.last == "draft")
        }
    }

    @Test func locationsAndTagsComeFromHeadings() throws {
        let deck = try drafted(Self.summary)
        let party = try #require(deck.cards(ofType: "cloze").first { $0.location == "line 11 (Chapter 3)" })
        #expect(party.tags == ["chapter-3", "plot", "draft"])
        let typed = try #require(deck.cards(ofType: "typed").first)
        #expect(typed.location == "line 5 (Characters)")
        #expect(typed.tags == ["characters", "draft"])
        let theme = try #require(deck.cards(ofType: "basic").first { $0.tags.contains("themes") })
        #expect(theme.tags == ["themes", "past", "draft"])
        #expect(theme.location == "line 18 (The past)")
    }

    @Test func entriesGiveTypedChoiceAndReversedBasicCards() throws {
        let deck = try drafted(Self.summary)
        let typed = deck.cards(ofType: "typed")
        #expect(typed.count == 3)
        #expect(
            typed.first?.content
                == .typed(
                    prompt:
                        "Who is described here? the narrator, a bond salesman from Minnesota who rents a house in West Egg.",
                    answers: ["Nick Carraway", "Nick", "Carraway"]))
        // The description's mention of its own name is blanked out.
        let gatsby = deck.cards(ofType: "typed")[1]
        guard case .typed(let prompt, let answers) = gatsby.content else { return }
        #expect(answers == ["Jay Gatsby", "Jay", "Gatsby"])
        #expect(!prompt.contains("Gatsby"))
        let choice = try #require(deck.cards(ofType: "choice").first)
        #expect(
            choice.content
                == .choice(
                    prompt:
                        "Who is described here? the narrator, a bond salesman from Minnesota who rents a house in West Egg.",
                    choices: ["Daisy Buchanan", "Jay Gatsby", "Nick Carraway"], answer: "Nick Carraway"))
        let basic = try #require(deck.cards(ofType: "basic").first)
        #expect(
            basic.content
                == .basic(
                    front: "Nick Carraway",
                    back: "the narrator, a bond salesman from Minnesota who rents a house in West Egg.", reverse: true))
        // The third entry uses " - ": Daisy's description keeps Nick's name.
        guard case .basic(_, let back, _) = deck.cards(ofType: "basic")[2].content else { return }
        #expect(back == "Nick's cousin, who married Tom while ___ was at war." || back.hasPrefix("Nick's cousin"))
    }

    @Test func plotSentencesGiveClozesOfTheirKeyTerms() throws {
        let deck = try drafted(Self.summary)
        let texts = deck.cards(ofType: "cloze").compactMap { card -> String? in
            if case .cloze(let text) = card.content { return text }
            return nil
        }
        #expect(
            texts.contains("{{c1::Nick}} attends one of {{c2::Gatsby}}'s parties at West Egg in the summer of 1922."))
        #expect(
            texts.contains("{{c1::Jordan Baker}} tells {{c2::Nick}} that Gatsby met Daisy in Louisville in 1917."))
        for text in texts {
            let cloze = try ClozeText(parsing: text)
            #expect(cloze.numbers.count <= 2, "\(text)")
        }
    }

    @Test func numbersAndDatesComeBeforeRareWords() throws {
        let deck = try drafted("The treaty of the river was signed in 1648 after a long and bitter quarrel.\n")
        guard case .cloze(let text) = try #require(deck.cards(ofType: "cloze").first).content else { return }
        // A rare word is asked only when a sentence has no other key term.
        #expect(text == "The treaty of the river was signed in {{c1::1648}} after a long and bitter quarrel.")
        let rare = try drafted(
            "The students hear rumours of a deferral for couples truly in love.\n\nTommy believes that a deferral can be won with his drawings.\n\nMadame says that no deferral was ever granted to anyone.\n"
        )
        let texts = rare.cards(ofType: "cloze").compactMap { card -> String? in
            if case .cloze(let text) = card.content { return text }
            return nil
        }
        // "deferral" is the rarest word the summary uses three times ("rumours" and the others once).
        #expect(texts.first == "The students hear rumours of a {{c1::deferral}} for couples truly in love.")
    }

    @Test func titlesInItalicsAndQuotesAreKeyTerms() throws {
        let deck = try drafted(
            "At the sale Kathy finds a tape called 'Songs After Dark' by a singer.\n\nThe old friends read *Daniel Deronda* together at the cottage every night.\n"
        )
        let texts = deck.cards(ofType: "cloze").compactMap { card -> String? in
            if case .cloze(let text) = card.content { return text }
            return nil
        }
        #expect(texts.contains("At the sale {{c1::Kathy}} finds a tape called '{{c2::Songs After Dark}}' by a singer."))
        #expect(texts.contains("The old friends read {{c1::Daniel Deronda}} together at the cottage every night."))
    }

    @Test func trueStatementsAndTheirFalseTwins() throws {
        let deck = try drafted(Self.summary)
        let pairs = deck.cards(ofType: "truefalse")
        #expect(!pairs.isEmpty)
        let summary = plain(Self.summary)
        for card in pairs {
            guard case .trueFalse(let statement, let answer) = card.content else { continue }
            if answer {
                #expect(occurs(statement, in: summary))
            } else {
                #expect(!occurs(statement, in: summary))
                #expect(card.explanation?.hasPrefix("False. The summary says: “") == true)
            }
        }
        let falseOne = pairs.first { card in
            if case .trueFalse(let statement, false) = card.content { return statement.hasPrefix("Nick attends") }
            return false
        }
        guard case .trueFalse(let statement, _) = try #require(falseOne).content else { return }
        // The year is swapped for the summary's other year.
        #expect(statement == "Nick attends one of Gatsby's parties at West Egg in the summer of 1917.")
    }

    @Test func themeSectionsAskHowTheTextTreatsTheTheme() throws {
        let deck = try drafted(Self.summary)
        let theme = try #require(deck.cards(ofType: "basic").first { $0.tags.contains("themes") })
        #expect(
            theme.content
                == .basic(
                    front: "How does the text treat the past?",
                    back:
                        "Gatsby believes that his fortune can bring back the summer of 1917. Nick doubts that anyone can repeat the past.",
                    reverse: false))
        // Theme entries too.
        let entries = try drafted("THEMES\n\nMemory: Kathy holds on to her memories of Hailsham to cope with loss.\n")
        let card = try #require(entries.cards(ofType: "basic").first)
        #expect(
            card.content
                == .basic(
                    front: "How does the text treat memory?",
                    back: "Kathy holds on to her memories of Hailsham to cope with loss.",
                    reverse: false))
    }

    @Test func quotationsWithTheirSpeakerGiveWhoSays() throws {
        let text = """
            Characters

            Ruth: a leader among the girls who lies about her plans.
            Tommy: a boy with a temper who draws imaginary animals.
            Kathy: the narrator and a carer.

            Story

            At the boat Ruth says, "I kept you and Tommy apart for years." Tommy draws animals in secret.
            """
        let deck = try drafted(text)
        let quote = try #require(deck.cards.first { $0.id.hasPrefix("quote-") })
        #expect(
            quote.content
                == .choice(
                    prompt: "Who says “I kept you and Tommy apart for years.”?", choices: ["Kathy", "Ruth", "Tommy"],
                    answer: "Ruth")
                || {
                    guard case .choice(_, let choices, let answer) = quote.content else { return false }
                    return answer == "Ruth" && choices.contains("Ruth") && choices.count >= 2
                }())
    }

    @Test func typesAndMaxChooseTheCards() throws {
        let only = try drafted(Self.summary, options: DraftOptions(types: [.cloze]))
        #expect(only.cards.allSatisfy { $0.content.typeName == "cloze" })
        let all = try drafted(Self.summary)
        let limited = try drafted(Self.summary, options: DraftOptions(maxCards: 5))
        #expect(limited.cards.count == 5)
        // Spread over the whole summary, in order.
        #expect(limited.cards.first == all.cards.first)
        #expect(limited.cards.map(\.id) == (0..<5).map { all.cards[$0 * all.cards.count / 5].id })
        let named = try drafted(Self.summary, options: DraftOptions(deckID: "my-deck", title: "My \u{1B}[1mdeck"))
        #expect(named.id == "my-deck")
        #expect(named.title == "My deck")
    }

    @Test func deckIDsComeFromTheFileName() {
        #expect(Drafter.deckID(forFile: "/tmp/The Great Gatsby.md") == "the-great-gatsby")
        #expect(Drafter.deckID(forFile: "notes/Émile – résumé.txt") == "emile-resume")
        #expect(Drafter.deckID(forFile: "___.md") == "draft")
        #expect(Drafter.deckID(forFile: ".md") == "md")
    }

    @Test func sameInputSameBytes() throws {
        let first = DeckJSON.text(of: try drafted(Self.summary))
        let second = DeckJSON.text(of: try drafted(Self.summary))
        #expect(first == second)
    }

    @Test func idsSurviveARedraft() throws {
        let before = try drafted(Self.summary)
        let edited =
            Self.summary.replacingOccurrences(
                of: "Nick attends one of Gatsby's parties", with: "Nick goes to one of Gatsby's parties")
            + "\n\nTom Buchanan breaks Myrtle Wilson's nose in a New York apartment.\n"
        let after = try drafted(edited)
        let changed = Set(
            before.cards.filter { card in
                card.explanation?.contains("Nick attends") == true
            }.map(\.id))
        #expect(!changed.isEmpty)
        let afterIDs = Set(after.cards.map(\.id))
        for card in before.cards where !changed.contains(card.id) {
            #expect(afterIDs.contains(card.id), "\(card.id) lost")
        }
        for id in changed { #expect(!afterIDs.contains(id)) }
    }

    @Test func headingsOfEveryKind() throws {
        let text = """
            Pride and Prejudice
            ===================

            CHARACTERS

            Elizabeth Bennet - the second daughter, quick and witty and proud.
            Fitzwilliam Darcy - a rich gentleman who owns the estate of Pemberley.

            Chapter 34

            At Hunsford Darcy proposes to Elizabeth for the first time, and she refuses him.

            Act IV, Scene 2

            Elizabeth walks to Netherfield through the mud to visit her sister Jane.
            """
        let deck = try drafted(text)
        #expect(deck.title == "Pride and Prejudice")
        #expect(deck.cards(ofType: "typed").first?.tags == ["characters", "draft"])
        let chapter = deck.cards.first { $0.location?.hasPrefix("line 11 ") == true }
        #expect(chapter?.tags == ["chapter-34", "plot", "draft"])
        #expect(chapter?.location == "line 11 (Chapter 34)")
        let act = deck.cards.first { $0.location?.hasPrefix("line 15 ") == true }
        #expect(act?.location == "line 15 (Act IV, Scene 2)")
        #expect(act?.tags == ["act-4", "plot", "draft"])
    }
}

@Suite("Drafting: false twins")
struct FalseTwinTests {
    static let summary = """
        ## Cast

        - Lady Macbeth: his wife, who pushes him to kill the king.
        - Macduff: the Thane of Fife, who avenges his family.
        - Duncan: the gentle King of Scotland, killed in his bed.
        - Gertrude: a queen who is not in this play at all.

        ## Act 5

        Lady Macbeth walks in her sleep and washes her hands at Dunsinane.
        Macduff kills the tyrant at Dunsinane and carries his head to the army.
        """

    @Test func neverSwapAManForAWoman() throws {
        let deck = try drafted(Self.summary)
        let statements = deck.cards.compactMap { card -> String? in
            if case .trueFalse(let statement, false) = card.content { return statement }
            return nil
        }
        // Lady Macbeth's twin is the other woman, from the cast list; Macduff's a man.
        #expect(statements.contains("Gertrude walks in her sleep and washes her hands at Dunsinane."))
        #expect(statements.contains("Duncan kills the tyrant at Dunsinane and carries his head to the army."))
    }
}

@Suite("Drafting: what is not a key term")
struct NotKeyTermTests {
    @Test func pronounsAbbreviationsAndTheWritersOwnVoice() throws {
        let deck = try drafted(
            """
            Scientists in the U.S. cloned a sheep called Dolly in Scotland in 1996.

            I’m sure that Kathy H. is the eighth Kathy clone of the Cottages.

            Karen read “The Remains of the Day” with Ruth during the summer of 2008.

            Karen and Ruth discuss “The Remains of the Day” in the evenings.
            """)
        let texts = deck.cards(ofType: "cloze").compactMap { card -> String? in
            if case .cloze(let text) = card.content { return text }
            return nil
        }
        #expect(
            texts == [
                "Scientists in the U.S. cloned a sheep called {{c1::Dolly}} in {{c2::Scotland}} in 1996.",
                // Names first, then numbers, then titles; "Remains" is not a name of its own, and
                // Karen, only ever first in a sentence, is not known to be one.
                "Karen read “The Remains of the Day” with {{c1::Ruth}} during the summer of {{c2::2008}}.",
                "Karen and {{c1::Ruth}} discuss “{{c2::The Remains of the Day}}” in the evenings.",
            ])
    }
}
