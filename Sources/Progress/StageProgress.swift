/// How far a long task has got, for a progress bar: the stage it is in and how much of that
/// stage is done. An import, an export or a sync reports it from time to time on the thread
/// that runs it; each names its stages with an enumeration of its own (`ImportStage`, ...).
public struct StageProgress<Stage: Sendable & Hashable>: Sendable, Hashable {
    /// The stage.
    public var stage: Stage
    /// How much of the stage is done.
    public var done: Int64
    /// How much there is in all (0 when not counted).
    public var total: Int64

    /// A report of `done` out of `total` in `stage`.
    public init(_ stage: Stage, done: Int64 = 0, total: Int64 = 0) {
        self.stage = stage
        self.done = done
        self.total = total
    }

    /// A report of `done` out of `total` in `stage`.
    public init(_ stage: Stage, done: Int, total: Int) {
        self.init(stage, done: Int64(done), total: Int64(total))
    }
}
