import Testing

@testable import Scheduling

@Test func ratingsHaveAnkiButtonNumbers() {
    #expect(Rating.allCases.map(\.rawValue) == [1, 2, 3, 4])
    #expect(Rating.allCases.map(\.description) == ["again", "hard", "good", "easy"])
}
