import Foundation

/// A tiny seeded random number generator (SplitMix64), so randomised tests are reproducible:
/// a failing case names its seed, and the same seed replays it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The seed it started from, to name in a failure message.
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// The generator every randomised test draws from: seeded from `JOINUP_TEST_SEED` when it is
    /// set (to replay a failure), otherwise from a seed picked once per test run.
    public static func forTest() -> SplitMix64 { SplitMix64(seed: runSeed) }

    /// This run's seed: `JOINUP_TEST_SEED`, or a new one each run (so runs explore new cases).
    public static let runSeed: UInt64 = ProcessInfo.processInfo.environment["JOINUP_TEST_SEED"].flatMap(UInt64.init)
        ?? UInt64.random(in: 1...UInt64(UInt32.max))

    /// "seed N (JOINUP_TEST_SEED=N replays it)": put it in every failure message of a randomised test.
    public var replay: String { "seed \(seed) (JOINUP_TEST_SEED=\(seed) replays it)" }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
