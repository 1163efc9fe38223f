/// Generates a large, valid deck in JSON: every card type, realistic text lengths,
/// some non-ASCII text and escapes, from a seed (the same bytes for the same seed).
enum CheckBenchmarkDeck {
    private static let words = """
        the a of and to in was she he they that it his her with for as at on but not had \
        Kathy Ruth Tommy Hailsham guardians carers donors Cottages Norfolk Madame Miss Emily \
        Lucy art gallery novel memory childhood school students tape song boat marsh \
        completion deferral rumour possible copy model origins identity hope loss love \
        friendship dignity narrative reader Ishiguro narrator chapter reveals remembers \
        quietly never always later before after because though whether perhaps almost
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    private static let flavour = ["café", "naïve", "it’s", "—", "“so”", "déjà vu", "\\\"quoted\\\"", "\\n"]

    /// The deck's bytes.
    static func generate(cards count: Int, seed: UInt64) -> [UInt8] {
        var random = CheckBenchmarkRandom(seed: seed)
        var out = ""
        out.reserveCapacity(count * 420)
        out += """
            {
              "format": 1,
              "id": "bench",
              "title": "Benchmark deck",
              "description": "\(count) generated cards of every type.",
              "tags": ["benchmark"],
              "sources": [
                {"id": "novel", "title": "Never Let Me Go", "author": "Kazuo Ishiguro", "site": "Faber and Faber", "date": "2005-03-03"},
                {"id": "review", "title": "A review", "url": "https://example.org/review"}
              ],
              "cards": [

            """
        func sentence(_ minimum: Int, _ maximum: Int) -> String {
            let target = minimum + Int(random.next() % UInt64(maximum - minimum + 1))
            var text = ""
            while text.utf8.count < target {
                if !text.isEmpty { text += " " }
                if random.next() % 25 == 0 {
                    text += flavour[Int(random.next() % UInt64(flavour.count))]
                } else {
                    text += words[Int(random.next() % UInt64(words.count))]
                }
            }
            return text
        }
        for index in 0..<count {
            var card = "    {\"id\": \"card-\(index)\", "
            switch index % 5 {
            case 0:
                card += "\"type\": \"basic\", \"front\": \"\(sentence(40, 120))?\", \"back\": \"\(sentence(20, 160))\""
                if index % 10 == 0 { card += ", \"reverse\": true" }
            case 1:
                card +=
                    "\"type\": \"typed\", \"prompt\": \"\(sentence(40, 120))?\", \"answers\": [\"\(sentence(4, 20))\", \"\(sentence(4, 20))\"]"
            case 2:
                let choices = (0..<4).map { "choice \($0) \(sentence(4, 40))" }
                card +=
                    "\"type\": \"choice\", \"prompt\": \"\(sentence(40, 120))?\", \"choices\": ["
                    + choices.map { "\"\($0)\"" }.joined(separator: ", ")
                    + "], \"answer\": \"\(choices[Int(random.next() % 4)])\""
            case 3:
                card +=
                    "\"type\": \"truefalse\", \"statement\": \"\(sentence(40, 140)).\", \"answer\": \(random.next() % 2 == 0)"
            default:
                card +=
                    "\"type\": \"cloze\", \"text\": \"\(sentence(20, 60)) {{c1::\(sentence(4, 20))}} \(sentence(10, 60)) {{c2::\(sentence(4, 20))::a hint}} \(sentence(0, 40))\""
            }
            if index % 3 == 0 { card += ", \"explanation\": \"\(sentence(80, 300))\"" }
            if index % 4 == 0 { card += ", \"hint\": \"\(sentence(10, 40))\"" }
            if index % 2 == 0 { card += ", \"source\": \"novel\", \"location\": \"p. \(1 + index % 280)\"" }
            if index % 7 == 0 { card += ", \"tags\": [\"plot\", \"chapter-\(index % 23)\"]" }
            card += index == count - 1 ? "}\n" : "},\n"
            out += card
        }
        out += "  ]\n}\n"
        return Array(out.utf8)
    }
}

/// A small, fast, seedable random number generator (SplitMix64).
struct CheckBenchmarkRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
