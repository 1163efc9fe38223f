import Testing

@testable import Progress

@Suite struct ProgressErrorTests {
    @Test func messagesNameThePathAndWhatToDo() {
        let path = "/home/ann/.local/share/recall/progress.sqlite"
        #expect(
            ProgressError.damaged(path: path, report: "Page 21: btree page has bad flags").description
                == "cannot open progress store \(path): it is damaged (quick_check: Page 21: btree page has bad flags); "
                + "restore a backup or move it aside to start afresh")
        #expect(
            ProgressError.busy(path: path, seconds: 5).description
                == "progress store \(path) is locked by another recall process (waited 5 s); try again")
        #expect(
            ProgressError.readOnly(path: path, detail: "the file is read-only").description
                == "cannot write to progress store \(path): the file is read-only")
        #expect(
            ProgressError.notFound(path: path).description
                == "no progress store at \(path): nothing has been studied with it yet")
        #expect(
            ProgressError.undoConflict(deckID: "plot", key: "a").description
                == "cannot undo the answer to \"a\" of deck \"plot\": it was answered again since in another session")
        #expect(ProgressError.nothingToUndo.description == "nothing to undo")
        #expect(
            ProgressError.olderVersion(path: path).description
                == "cannot read progress store \(path): it was written by an older version of recall; run `recall study` once to upgrade it"
        )
    }
}

@Test func aQuickCheckReportIsSummarisedOnOneLine() {
    #expect(
        IntegrityCheck.summary(of: [
            "*** in database main ***\nOn tree page 5 cell 0: Offset 23130 out of range 4091..4092"
        ])
            == "On tree page 5 cell 0: Offset 23130 out of range 4091..4092")
    #expect(IntegrityCheck.summary(of: ["a", "b\nc", "d", "e"]) == "a; b; c; and 2 more")
}
