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

extension StageClock {
    /// Seconds by name (a rule id), safe across threads.
    public final class Named: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: [String: Double] = [:]

        public init() {}

        /// Adds the time since `start` (from `DispatchTime.now().uptimeNanoseconds`) to `name`.
        public func add(_ name: String, _ start: UInt64) {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.lock()
            seconds[name, default: 0] += elapsed
            lock.unlock()
        }

        /// Every name with its seconds, most first.
        public var totals: [(String, Double)] {
            lock.lock()
            defer { lock.unlock() }
            return seconds.sorted { $0.value > $1.value }
        }
    }
}
