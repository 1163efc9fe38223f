import Testing

@testable import Terminal

@Suite struct StyleTests {
    @Test func onForATerminal() {
        let style = Style.detect(environment: ["TERM": "xterm-256color"], outputIsTerminal: true)
        #expect(style.isEnabled)
        #expect(style.bold("b") == "\u{1B}[1mb\u{1B}[0m")
        #expect(style.red("r") == "\u{1B}[31mr\u{1B}[0m")
        #expect(style.green("") == "")
    }

    @Test func offWhenNotATerminal() {
        let style = Style.detect(environment: ["TERM": "xterm"], outputIsTerminal: false)
        #expect(!style.isEnabled)
        #expect(style.bold("b") == "b")
    }

    @Test func noColorAlwaysWins() {
        #expect(!Style.detect(environment: ["TERM": "xterm", "NO_COLOR": "1"], outputIsTerminal: true).isEnabled)
        // An empty NO_COLOR does not count (no-color.org).
        #expect(Style.detect(environment: ["TERM": "xterm", "NO_COLOR": ""], outputIsTerminal: true).isEnabled)
    }

    @Test func offOnADumbTerminal() {
        #expect(!Style.detect(environment: ["TERM": "dumb"], outputIsTerminal: true).isEnabled)
    }
}
