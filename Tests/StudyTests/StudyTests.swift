import Testing
@testable import Study

@Test func studyModuleLinks() {
    #expect(String(describing: Study.self) == "Study")
}
