import Foundation

/// Who is changing the archive and when: passed to every write so that the audit log can say.
public struct AuditContext: Sendable {
    /// The person who acts, named by the front end (the logged-in account, `--by`…).
    public var actor: String
    /// The moment, ISO 8601 UTC to the second.
    public var time: String
    /// Why the change is made, when the person said (a correction's reason); kept with the
    /// version it replaces.
    public var reason: String?
    /// The record's revision as the person saw it when they began the change: the sequence
    /// number of its last audit entry (0 for none), as a web page carries it. When given, a
    /// write of that record refuses, in its own transaction, if the record has a later entry
    /// (`ArchiveError.changedSince`): two people saving the same draft cannot both land.
    public var seenRevision: Int?
    /// The person was told which approved minutes' figures a register event changes
    /// (`ApprovedMinutesChange`) and records it all the same; without it such an event is
    /// refused with `ArchiveError.unconfirmedRegisterChange`.
    public var confirmedChangesToApprovedMinutes: Bool

    /// A context for `actor`, now, with the reason given for the change and the revision the
    /// person saw, if any, and whether the person confirmed changes to approved minutes.
    public init(
        actor: String, time: Date = Date(), reason: String? = nil, seenRevision: Int? = nil,
        confirmedChangesToApprovedMinutes: Bool = false
    ) {
        self.seenRevision = seenRevision
        self.confirmedChangesToApprovedMinutes = confirmedChangesToApprovedMinutes
        let reason = reason.map(TextNormalization.collapsed)
        self.reason = reason?.isEmpty == false ? reason : nil
        let trimmed = TextNormalization.collapsed(actor)
        self.actor = trimmed.isEmpty ? "không rõ" : trimmed
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.time = formatter.string(from: time)
    }
}
