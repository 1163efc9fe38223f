import App

/// The `recall` executable: everything it does is in `App` (see `Recall`).
@main
enum RecallMain {
    static func main() {
        CrashReporting.makeNonInteractive()
        Recall.main()
    }
}
