/// Runs the replay benchmark (not written yet).
func runReplayBenchmark(_ arguments: [String]) throws {
    print("the replay benchmark is not written yet")
}
