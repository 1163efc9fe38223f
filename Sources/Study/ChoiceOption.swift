/// One labelled option of a multiple-choice question, as shown: `b) Hailsham`.
public struct ChoiceOption: Sendable, Hashable {
    /// The label typed to pick it: `a`, `b`, … `z`, then `aa`, `ab`, …
    public var label: String
    /// The choice's text, as written in the deck.
    public var text: String

    /// Creates an option.
    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }

    /// The label of the option at `index` (0 → `a`, 25 → `z`, 26 → `aa`).
    public static func label(at index: Int) -> String {
        var number = index + 1
        var label = ""
        while number > 0 {
            number -= 1
            let scalar = Unicode.Scalar(UInt8(ascii: "a") + UInt8(number % 26))
            label = String(Character(scalar)) + label
            number /= 26
        }
        return label
    }
}
