import Foundation

/// Time spent in each stage of ingest, summed over threads; safe to use from several threads at once.
public final class StageClock: @unchecked Sendable {
    /// The stages, in the order data flows through them.
    public enum Stage: String, CaseIterable, Sendable {
        case reading, segmentation, matching, resolution, linking, storing
    }

    private let lock = NSLock()
    private var seconds: [Stage: Double] = [:]

    public init() {}

    /// Runs `body` and adds its wall time to `stage`.
    @inline(__always)
    public func time<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.lock()
            seconds[stage, default: 0] += elapsed
            lock.unlock()
        }
        return try body()
    }

    /// Seconds spent in `stage` so far.
    public func total(_ stage: Stage) -> Double {
        lock.lock()
        defer { lock.unlock() }
        return seconds[stage] ?? 0
    }
}
