import Testing

@testable import Terminal

@Test func linksAgainstGNUReadline() {
    #expect(Terminal.readlineVersion.hasPrefix("8."))
}
