/// Runs the check benchmark (not written yet).
func runCheckBenchmark(_ arguments: [String]) throws {
    print("the check benchmark is not written yet")
}
