/// Runs the store benchmark (not written yet).
func runStoreBenchmark(_ arguments: [String]) throws {
    print("the store benchmark is not written yet")
}
