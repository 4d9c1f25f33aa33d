import Foundation

/// Failed logins by name: five within `window` lock the name for `lockout`, whatever
/// password comes next. A successful login clears the name's failures. Names are compared
/// case-insensitively, so "Thu" and "thu" share one count.
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    private var lockedUntil: [String: Date] = [:]
    let limit: Int
    let window: TimeInterval
    let lockout: TimeInterval

    init(limit: Int = 5, window: TimeInterval = 15 * 60, lockout: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
        self.lockout = lockout
    }

    /// When the lock on `name` ends, if it is locked at `now`.
    func lockEnd(for name: String, now: Date = Date()) -> Date? {
        let key = name.lowercased()
        guard let end = lockedUntil[key] else { return nil }
        if end > now { return end }
        lockedUntil[key] = nil
        return nil
    }

    /// Counts a failure; returns the lock's end when this failure locks the name.
    @discardableResult
    func recordFailure(for name: String, now: Date = Date()) -> Date? {
        let key = name.lowercased()
        var recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        recent.append(now)
        if recent.count >= limit {
            failures[key] = nil
            let end = now.addingTimeInterval(lockout)
            lockedUntil[key] = end
            return end
        }
        failures[key] = recent
        if failures.count > 50_000 { failures = failures.filter { now.timeIntervalSince($0.value.last!) < window } }
        return nil
    }

    /// Forgets the failures of `name` after a successful login.
    func clear(_ name: String) {
        failures[name.lowercased()] = nil
    }
}
