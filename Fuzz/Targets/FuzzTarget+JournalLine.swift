import DeviceSync

extension FuzzTarget {
    /// The sync journal's line reader: any bytes give an event or a line error, never a
    /// crash; an event read is written back to a line that reads as the same event.
    public static let journalLine = FuzzTarget("journal-line") { bytes in
        let event: JournalEvent
        do throws(JournalLineError) {
            event = try bytes.withMemoryRebound(to: UInt8.self) { line throws(JournalLineError) in
                try JournalFormat.event(line)
            }
        } catch {
            _ = error
            return
        }
        let written = JournalFormat.line(event)
        let again = Array(written.utf8).withUnsafeBufferPointer { try? JournalFormat.event($0) }
        precondition(again == event, "\(written.debugDescription) does not read back as the event it was written from")
    }
}
