import Terminal
import Testing

@testable import App

/// The progress bar of long tasks (`optimize`, a large `sync`) on the error stream.
@Suite struct ProgressBarTests {
    @Test func drawsOnlyWhenEnabledAndErasesItself() {
        let quiet = CapturedOutput()
        let off = ProgressBar("fitting", errors: quiet, enabled: false, delay: 0)
        off.update(5, of: 10)
        off.finish()
        #expect(quiet.text == "")

        let late = CapturedOutput()
        let waiting = ProgressBar("fitting", errors: late, enabled: true, delay: 3_600)
        waiting.update(5, of: 10)
        #expect(late.text == "")

        let errors = CapturedOutput()
        let bar = ProgressBar("fitting", errors: errors, enabled: true, delay: 0)
        bar.update(1, of: 4)
        bar.update(1, of: 4)  // the same percentage: not redrawn
        bar.update(4, of: 4)
        bar.finish()
        #expect(
            errors.text == "\rfitting [#######-----------------------] 25%"
                + "\rfitting [##############################] 100%" + "\r\u{1B}[K")
    }

    @Test func aNewStageRedrawsAndClearsTheRestOfTheLine() {
        let errors = CapturedOutput()
        let bar = ProgressBar("syncing", errors: errors, enabled: true, delay: 0)
        bar.update("reading journals", done: 50, of: 100)
        bar.update("merging answers", done: 0, of: 2_000_000)
        bar.update("merging answers", done: 1, of: 2_000_000)  // still 0 %: not redrawn
        bar.update("building indexes", done: 0, of: 0)  // not counted: the label alone
        bar.finish()
        bar.finish()  // erased once
        #expect(
            errors.text == "\rreading journals [###############---------------] 50%"
                + "\rmerging answers [------------------------------] 0%\u{1B}[K"
                + "\rbuilding indexes...\u{1B}[K" + "\r\u{1B}[K")
    }
}
