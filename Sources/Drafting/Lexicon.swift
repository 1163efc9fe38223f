/// What the whole summary says about its words: how often each is used, which
/// capitalised words are names, and what kind of thing each name names.
struct Lexicon {
    /// How many times each word (lowercased) occurs.
    private(set) var frequency: [String: Int] = [:]
    /// How many times each word (lowercased) occurs in lowercase.
    private var lowercaseCount: [String: Int] = [:]
    /// How many times each word (lowercased) occurs capitalised, not first in its sentence.
    private var capitalizedCount: [String: Int] = [:]
    /// Names of characters and terms from entry lines, and every word of them.
    private var entryNameWords: Set<String> = []
    /// Every name, in order of first use.
    private(set) var names: [String] = []
    /// Per name: uses, and evidence of being a person or a place.
    private var nameStats: [String: (count: Int, person: Int, place: Int)] = [:]
    /// Per name as written: pronouns that point to a man (+) or a woman (−).
    private var genderEvidence: [String: Int] = [:]
    /// Each name's identifying words, kind and gender, once the whole summary is read.
    private var nameWords: [String: Set<String>] = [:]
    private var nameKinds: [String: NameKind] = [:]
    private var nameGenders: [String: Int] = [:]
    /// The identifying words of names used as the author ("Ishiguro's novel", "by Austen").
    private(set) var authorWords: Set<String> = []
    /// The names in each sentence (by sentence index).
    private(set) var sentenceNames: [[NameSpan]] = []
    /// Names the summary uses as characters (entries of a characters section).
    private var characterNames: Set<String> = []

    /// Words that put a person's name after them (`Miss Lucy`, `Mr. Darcy`).
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "madame", "madam", "monsieur", "lady", "lord", "sir", "aunt", "uncle", "king",
        "queen", "prince", "princess", "duke", "duchess", "captain", "professor", "father", "count", "countess",
        "reverend", "saint", "st", "colonel", "general", "lieutenant", "mister", "mistress", "dame", "baron",
        "baroness", "emperor", "empress", "sister", "brother",
    ]
    /// Capitalised words that are never names on their own.
    private static let neverNames: Set<String> = [
        "i", "chapter", "part", "act", "scene", "book", "page", "volume", "section", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "faq", "isbn", "ok", "it", "he", "she", "we", "you",
        "they", "his", "her", "its", "our", "their", "this", "that", "these", "those", "my", "me", "us", "them",
    ]
    /// Words after which a name is a place: `in Norfolk`, `at Hailsham`.
    static let placeWords: [String: Int] = [
        "in": 2, "at": 2, "near": 2, "outside": 2, "inside": 2, "to": 1, "from": 1, "into": 1, "towards": 1,
        "toward": 1, "through": 1, "across": 1, "around": 1, "via": 1, "leaves": 1, "visit": 1, "visits": 1,
    ]
    /// Verbs that, after a name, make it a person: `Kathy says`, `Tommy learns`.
    private static let personVerbs: Set<String> = [
        "says", "said", "tells", "told", "asks", "asked", "replies", "replied", "explains", "explained", "learns",
        "learned", "decides", "decided", "believes", "believed", "thinks", "thought", "feels", "felt", "wants",
        "wanted", "loves", "loved", "hates", "hated", "meets", "met", "marries", "married", "dies", "died", "kills",
        "killed", "tries", "tried", "finds", "found", "remembers", "remembered", "realises", "realizes", "realised",
        "realized", "admits", "admitted", "refuses", "refused", "agrees", "agreed", "is", "was", "has", "had",
        "becomes", "became", "who", "herself", "himself", "cries", "cried", "confesses", "confessed", "reveals",
        "revealed", "insists", "insisted", "warns", "warned", "reminds", "reminded", "hopes", "hoped", "recalls",
        "recalled", "leaves", "left", "returns", "returned", "writes", "wrote", "sees", "saw", "knows", "knew",
    ]

    /// Builds the lexicon of the sentences of a summary, given the entries it lists.
    init(sentences: [Sentence], entries: [(entry: Entry, section: SectionKind)]) {
        for (entry, section) in entries {
            for word in ([entry.name] + entry.aliases).flatMap({ $0.split(separator: " ") }) {
                entryNameWords.insert(word.lowercased())
            }
            if section == .characters {
                // "Duncan's elder son", "killed in his bed": a character's description says
                // whether they are a man or a woman.
                let tokens = Token.scan(Array(entry.description))
                let evidence =
                    Lexicon.genderEvidence(in: Array(tokens.prefix(6)), nouns: true)
                    + Lexicon.genderEvidence(in: tokens)
                // The name and its first name ("George Wilson", "George"; not "Wilson",
                // which Myrtle Wilson shares).
                var forms = [entry.name]
                if let first = Lexicon.shortForms(of: entry.name).first { forms.append(first) }
                for form in forms { genderEvidence[form, default: 0] += 2 * evidence }
            }
            if section == .characters {
                characterNames.insert(entry.name)
                for alias in entry.aliases { characterNames.insert(alias) }
                for form in Lexicon.shortForms(of: entry.name) { characterNames.insert(form) }
            }
        }
        for sentence in sentences {
            for (index, token) in sentence.tokens.enumerated() {
                let lower = token.base.lowercased()
                frequency[lower, default: 0] += 1
                if token.isCapitalized {
                    if index > 0, !Lexicon.followsOpening(sentence, token) { capitalizedCount[lower, default: 0] += 1 }
                } else {
                    lowercaseCount[lower, default: 0] += 1
                }
            }
        }
        sentenceNames.reserveCapacity(sentences.count)
        for sentence in sentences {
            let spans = findNames(in: sentence)
            sentenceNames.append(spans)
            // The first gendered pronoun after a name, before any other name, is likely its:
            // "Tommy, who was often teased for his lack…".
            for (position, span) in spans.enumerated() {
                let limit = position + 1 < spans.count ? spans[position + 1].start : sentence.characters.count
                guard
                    let pronoun = sentence.tokens.first(where: {
                        $0.start >= span.end && $0.start < limit && Lexicon.genderedPronouns[$0.lower] != nil
                    }), let value = Lexicon.genderedPronouns[pronoun.lower]
                else { continue }
                genderEvidence[span.text, default: 0] += value
            }
            for span in spans {
                if nameStats[span.text] == nil { names.append(span.text) }
                var stats = nameStats[span.text] ?? (0, 0, 0)
                stats.count += 1
                let evidence = Lexicon.evidence(for: span, in: sentence)
                stats.person += evidence.person
                stats.place += evidence.place
                nameStats[span.text] = stats
                if Lexicon.isAuthor(span, in: sentence) {
                    authorWords.formUnion(Lexicon.identifyingWords(of: span.text))
                }
            }
        }
        // The characters of a cast list are people of the summary even if no sentence names them.
        for (entry, section) in entries where section == .characters && nameStats[entry.name] == nil {
            names.append(entry.name)
            nameStats[entry.name] = (1, 0, 0)
        }
        // Worked out once: the drafter asks for every name's words, kind and gender often.
        for name in names {
            nameWords[name] = Lexicon.identifyingWords(of: name)
        }
        for name in names {
            nameKinds[name] = computeKind(of: name)
            nameGenders[name] = computeGender(of: name)
        }
    }

    /// How many times a name is used.
    func count(of name: String) -> Int { nameStats[name]?.count ?? 0 }

    /// What a name names, from how it is used.
    func kind(of name: String) -> NameKind {
        nameKinds[name] ?? computeKind(of: name)
    }

    /// A name's identifying words (`words(of: "Miss Lucy")` is ["lucy"]).
    func words(of name: String) -> Set<String> {
        nameWords[name] ?? Lexicon.identifyingWords(of: name)
    }

    private func computeKind(of name: String) -> NameKind {
        if characterNames.contains(name) { return .person }
        let words = name.split(separator: " ")
        if words.count > 1, let first = words.first, Lexicon.titles.contains(first.lowercased().trimmingDot) {
            // "Miss Lucy" is a person; "King of Scotland" is a rank.
            return Entry.connectors.contains(String(words[1])) ? .other : .person
        }
        guard let stats = nameStats[name] else { return .other }
        if stats.person > stats.place, stats.person >= 1 { return .person }
        if stats.place > stats.person, stats.place >= 2 { return .place }
        return .other
    }

    /// Titles that say a person is a man or a woman.
    private static let maleTitles: Set<String> = [
        "mr", "mister", "sir", "lord", "king", "prince", "duke", "father", "uncle", "brother", "count", "baron",
        "emperor", "monsieur", "colonel", "captain",
    ]
    private static let femaleTitles: Set<String> = [
        "mrs", "miss", "ms", "lady", "madame", "madam", "queen", "princess", "duchess", "aunt", "mother", "sister",
        "countess", "baroness", "empress", "dame", "mistress",
    ]

    /// Words that point to a man (+1) or a woman (−1).
    static let genderedPronouns: [String: Int] = [
        "he": 1, "him": 1, "his": 1, "himself": 1, "she": -1, "her": -1, "hers": -1, "herself": -1,
    ]
    private static let genderedNouns: [String: Int] = [
        "man": 1, "boy": 1, "son": 1, "husband": 1, "father": 1, "brother": 1, "king": 1, "prince": 1, "gentleman": 1,
        "uncle": 1, "nephew": 1, "woman": -1, "girl": -1, "daughter": -1, "wife": -1, "mother": -1, "sister": -1,
        "queen": -1, "princess": -1, "lady": -1, "aunt": -1, "niece": -1, "widow": -1, "mistress": -1,
    ]

    /// The sum of the gendered pronouns (and, with `nouns`, the first gendered noun) in tokens.
    static func genderEvidence(in tokens: [Token], nouns: Bool = false) -> Int {
        var evidence = tokens.reduce(0) { $0 + (genderedPronouns[$1.lower] ?? 0) }
        if nouns, let noun = tokens.lazy.compactMap({ genderedNouns[$0.lower] }).first { evidence += noun }
        return evidence
    }

    /// Whether `replacement` can take `original`'s place in a statement without a pronoun
    /// giving it away: never a known man for a known woman, and when the statement has
    /// gendered pronouns, only someone known to be of `original`'s gender.
    func sameGender(_ replacement: String, _ original: String, strict: Bool) -> Bool {
        let (a, b) = (gender(of: replacement), gender(of: original))
        if strict, b != 0 { return a == b }
        return a == 0 || b == 0 || a == b
    }

    /// 1 for a man, -1 for a woman, 0 when unknown: from a title, else from pronouns.
    private func gender(of name: String) -> Int {
        nameGenders[name] ?? computeGender(of: name)
    }

    private func computeGender(of name: String) -> Int {
        if let title = name.split(separator: " ").first.map({ $0.lowercased().trimmingDot }) {
            if Lexicon.maleTitles.contains(title) { return 1 }
            if Lexicon.femaleTitles.contains(title) { return -1 }
        }
        var evidence = genderEvidence[name] ?? 0
        // "Tommy" and "Miss Lucy" also count for "Tommy" in "Tommy Bell"; a first name tells.
        if evidence == 0, let first = Lexicon.shortForms(of: name).first { evidence = genderEvidence[first] ?? 0 }
        if evidence == 0 {
            for other in names where other != name && Lexicon.shortForms(of: other).first == name {
                evidence += genderEvidence[other] ?? 0
            }
        }
        return evidence > 0 ? 1 : evidence < 0 ? -1 : 0
    }

    /// The short forms of a name: first and last word, without titles or initials
    /// (`Miss Emily` → `Emily`; `Elizabeth Bennet` → `Elizabeth`, `Bennet`).
    static func shortForms(of name: String) -> [String] {
        var words = name.split(separator: " ").map(String.init)
        while let first = words.first, titles.contains(first.lowercased().trimmingDot), words.count > 1 {
            words.removeFirst()
        }
        words.removeAll { $0.count <= 2 && $0.hasSuffix(".") }  // initials: Kathy H.
        words.removeAll { Entry.connectors.contains($0) }
        var forms: [String] = []
        if words.joined(separator: " ") != name, words.count == 1, let only = words.first { forms.append(only) }
        if words.count >= 2, let first = words.first, let last = words.last {
            forms.append(first)
            forms.append(last)
        }
        return forms.filter { $0 != name && $0.count >= 2 }
    }

    /// The words of a name that identify it (no titles, initials or connectors), lowercased.
    static func identifyingWords(of name: String) -> Set<String> {
        Set(
            name.split(separator: " ").map { $0.lowercased().trimmingDot }.filter {
                !titles.contains($0) && !Entry.connectors.contains($0) && $0.count > 1
            })
    }

    // MARK: Finding names

    /// Whether a token comes straight after an opening quote, bracket or colon, where a
    /// capital says nothing about names.
    private static func followsOpening(_ sentence: Sentence, _ token: Token) -> Bool {
        var index = token.start - 1
        while index >= 0, sentence.characters[index] == " " { index -= 1 }
        guard index >= 0 else { return true }
        return "“\"‘'(:—–[".contains(sentence.characters[index])
    }

    /// Whether a capitalised token can be (part of) a name here.
    private func isNameWord(_ token: Token, initial: Bool) -> Bool {
        guard token.isCapitalized else { return false }
        let lower = token.base.lowercased()
        // "I’m", "It’s", "We’ve": a pronoun with its verb.
        if let stem = lower.split(whereSeparator: { $0 == "'" || $0 == "’" }).first,
            Lexicon.neverNames.contains(String(stem))
        {
            return false
        }
        if Lexicon.neverNames.contains(lower) { return false }
        if Lexicon.titles.contains(lower) { return true }
        let capitalized = capitalizedCount[lower] ?? 0
        let lowercase = lowercaseCount[lower] ?? 0
        if entryNameWords.contains(lower), lowercase == 0 { return true }
        if initial {
            return capitalized > 0 && capitalized >= lowercase && !CommonWords.contains(lower)
        }
        return capitalized >= lowercase && (lowercase == 0 || !CommonWords.contains(lower))
    }

    /// The names in a sentence.
    private func findNames(in sentence: Sentence) -> [NameSpan] {
        let tokens = sentence.tokens
        let characters = sentence.characters
        var spans: [NameSpan] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let initial = index == 0 || Lexicon.followsOpening(sentence, token)
            // An initial ("F. Scott Fitzgerald") or a capitalised word inside the sentence
            // ("New York") starts a name when a name word follows it.
            let stem = String(token.lower.split(whereSeparator: { $0 == "'" || $0 == "’" }).first ?? "")
            let joinsName =
                index + 1 < tokens.count && token.isCapitalized && !Lexicon.neverNames.contains(stem)
                && (token.text.count == 1 || !initial || !CommonWords.contains(token.lower))
                && isNameWord(tokens[index + 1], initial: false)
                && {
                    // An initial joins with its full stop ("F. Scott"); "A Las Vegas…" does not.
                    let gap = String(characters[token.end..<tokens[index + 1].start])
                    return token.text.count == 1 ? gap == ". " : gap == " "
                }()
            guard joinsName || isNameWord(token, initial: initial) else {
                index += 1
                continue
            }
            var last = index
            func joined(_ left: Token, _ right: Token) -> Bool {
                let gap = String(characters[left.end..<right.start])
                if gap == " " { return true }
                // "Mr. Darcy", "Kathy H." followed by nothing: an abbreviation's full stop.
                return gap == ". " && (left.text.count == 1 || Lexicon.titles.contains(left.lower))
            }
            while !tokens[last].isPossessive, last + 1 < tokens.count {
                let next = tokens[last + 1]
                guard joined(tokens[last], next) else { break }
                if isNameWord(next, initial: false)
                    || (next.isCapitalized && Lexicon.titles.contains(tokens[last].lower))
                {
                    last += 1
                    continue
                }
                if Entry.connectors.contains(next.text), last + 2 < tokens.count, joined(next, tokens[last + 2]),
                    isNameWord(tokens[last + 2], initial: false), tokens[last + 2].text.count > 1
                {
                    last += 2
                    continue
                }
                break
            }
            let first = tokens[index]
            var end = tokens[last].baseEnd
            // A single capital initial keeps its full stop: "Kathy H.".
            if tokens[last].text.count == 1, last > index, end < characters.count, characters[end] == "." {
                end += 1
            }
            let text = String(characters[first.start..<end])
            // Title Case made of common words ("Get Started") is a slogan, not a name, and
            // lone letters ("U.S.") are an abbreviation.
            let words = tokens[index...last].map(\.lower)
            if words.allSatisfy({ CommonWords.contains($0) && !Lexicon.titles.contains($0) })
                || words.allSatisfy({ $0.count == 1 })
            {
                index = last + 1
                continue
            }
            spans.append(NameSpan(text: text, start: first.start, end: end))
            index = last + 1
        }
        return spans
    }

    /// Works that make the name before them their author: "Ishiguro's novel".
    private static let works: Set<String> = [
        "novel", "book", "play", "story", "tragedy", "comedy", "poem", "novels", "books", "plays", "fiction", "prose",
        "writing", "narrative", "storytelling", "masterpiece", "work", "memoir",
    ]

    /// Whether this use names the author: "Ishiguro's novel", "by Jane Austen", "Fitzgerald published".
    private static func isAuthor(_ span: NameSpan, in sentence: Sentence) -> Bool {
        let tokens = sentence.tokens
        guard let position = tokens.firstIndex(where: { $0.start >= span.start }) else { return false }
        let afterIndex = tokens.firstIndex(where: { $0.start >= span.end })
        if let afterIndex {
            let after = tokens[afterIndex]
            let gap = String(sentence.characters[span.end..<after.start])
            if gap.hasPrefix("'s") || gap.hasPrefix("’s") {
                if works.contains(after.lower) { return true }
                // "Ishiguro's captivating novel"
                if afterIndex + 1 < tokens.count, works.contains(tokens[afterIndex + 1].lower) { return true }
            }
            if ["published", "wrote", "writes"].contains(after.lower), gap == " " { return true }
        }
        if position > 0 {
            let before = tokens[position - 1].lower
            if ["by", "author", "novelist", "playwright", "writer", "poet"].contains(before) { return true }
        }
        return false
    }

    /// Whether a name is (part of) the author's.
    func isAuthor(_ name: String) -> Bool {
        !words(of: name).isDisjoint(with: authorWords)
    }

    /// Evidence from one use that a name is a person or a place.
    private static func evidence(for span: NameSpan, in sentence: Sentence) -> (person: Int, place: Int) {
        var person = 0
        var place = 0
        let tokens = sentence.tokens
        if let before = tokens.last(where: { $0.end <= span.start }) {
            place += placeWords[before.text] ?? 0
            if before.text == "the" { person -= 3 }  // the Gardiners, the Plaza Hotel
        }
        if let after = tokens.first(where: { $0.start >= span.end }) {
            let gap = String(sentence.characters[span.end..<after.start])
            if gap == " " || gap == ", " || gap == "'s " || gap == "’s " {
                if personVerbs.contains(after.lower) { person += after.lower == "is" || after.lower == "was" ? 0 : 2 }
                if gap == "'s " || gap == "’s " { person += 1 }
            }
        }
        return (person, place)
    }
}

extension String {
    /// The string without a trailing full stop (`Mr.` → `Mr`).
    var trimmingDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
