import Foundation

/// The web app's sessions, in memory: a restart logs everyone out. Each session has a random
/// identifier (the cookie's value, 256 bits from the system's secure generator) and its own
/// random CSRF token; logging in replaces the session, so an identifier known before login
/// is worth nothing after it. Sessions unused for `idleLifetime` end.
actor SessionStore {
    struct Session: Sendable {
        let id: String
        let csrfToken: String
        var accountName: String?
        var lastSeen: Date
    }

    private var sessions: [String: Session] = [:]
    private let idleLifetime: TimeInterval
    private let capacity: Int

    /// - parameters:
    ///   - idleLifetime: seconds of inactivity after which a session ends.
    ///   - capacity: the most sessions kept; the least recently used go first beyond it.
    init(idleLifetime: TimeInterval, capacity: Int = 10_000) {
        self.idleLifetime = idleLifetime
        self.capacity = capacity
    }

    /// The live session with this identifier, marked as used now.
    func session(id: String, now: Date = Date()) -> Session? {
        guard var session = sessions[id] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) <= idleLifetime else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    /// A new session, of `accountName` or anonymous (for the login form's token).
    func create(accountName: String?, now: Date = Date()) -> Session {
        if sessions.count >= capacity { evict(now: now) }
        let session = Session(
            id: Self.randomToken(), csrfToken: Self.randomToken(), accountName: accountName, lastSeen: now)
        sessions[session.id] = session
        return session
    }

    /// Ends a session.
    func remove(id: String) {
        sessions[id] = nil
    }

    /// Ends every session of `accountName` but `keeping` (a new password logs the account
    /// out everywhere else).
    func removeAll(accountName: String, keeping: String? = nil) {
        sessions = sessions.filter { $0.value.accountName != accountName || $0.key == keeping }
    }

    /// Drops expired sessions, then the least recently used tenth.
    private func evict(now: Date) {
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) <= idleLifetime }
        guard sessions.count >= capacity else { return }
        let oldest = sessions.values.sorted { $0.lastSeen < $1.lastSeen }.prefix(max(1, capacity / 10))
        for session in oldest { sessions[session.id] = nil }
    }

    /// 32 bytes from the system's cryptographically secure generator, base64url.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
