import Testing

@testable import App

@Suite struct CrashReportingTests {
    @Test func addsInteractiveNoUnlessTheUserChose() {
        #expect(CrashReporting.settings(current: nil) == "interactive=no")
        #expect(CrashReporting.settings(current: "") == "interactive=no")
        #expect(CrashReporting.settings(current: "color=no") == "color=no,interactive=no")
        // Already chosen (by the user, or by recall before it re-executed itself): left alone.
        #expect(CrashReporting.settings(current: "interactive=yes") == nil)
        #expect(CrashReporting.settings(current: "color=no,interactive=no") == nil)
    }
}
