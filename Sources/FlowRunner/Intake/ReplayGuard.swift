import Foundation
import Synchronization

/// Remembers the signed requests seen within the signature window — by `X-InsightFlow-Delivery` when the sender
/// gives one, else by the signature itself — so the same signed request is accepted once (kept in memory: a
/// restart forgets them, the timestamp window still bounds a replay).
final class ReplayGuard: Sendable {
    private struct Seen: Sendable {
        var expiries: [String: Date] = [:]
        var lastSweep = Date.distantPast
    }

    /// The most keys kept; past it the oldest half is dropped (a flood cannot grow memory without bound).
    static let capacity = 100_000
    private let seen = Mutex(Seen())
    private let window: Double

    init(window: Double = IntakeCredentials.signatureWindow) { self.window = window }

    /// True the first time `key` is presented within the window; false for a repeat.
    func firstTime(_ key: String, now: Date = Date()) -> Bool {
        seen.withLock { state in
            if now.timeIntervalSince(state.lastSweep) > 10 || state.expiries.count >= Self.capacity {
                state.expiries = state.expiries.filter { $0.value > now }
                if state.expiries.count >= Self.capacity {
                    let keep = state.expiries.sorted { $0.value > $1.value }.prefix(Self.capacity / 2)
                    state.expiries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
                }
                state.lastSweep = now
            }
            if let expiry = state.expiries[key], expiry > now { return false }
            state.expiries[key] = now.addingTimeInterval(2 * window)
            return true
        }
    }
}
