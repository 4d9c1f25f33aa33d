import Foundation

/// A record as `show` presents it: the record, its lifecycle when it has one, and, when an
/// earlier version was asked for, that version in place of the current content.
public struct ShownRecord: Sendable {
    public var record: ArchiveRecord
    /// Minutes' and documents' version and hash (of the version shown).
    public var lifecycle: RecordLifecycle?
    /// Set when the record shown is an earlier version than the one in force.
    public var earlierVersion: EarlierVersion?
}

/// Which earlier version is shown, against the one in force.
public struct EarlierVersion: Sendable, Hashable {
    public var id: String
    /// The version shown, 1-based.
    public var version: Int
    /// The version in force.
    public var current: Int
    /// When the version shown was replaced (ISO 8601 UTC), if known.
    public var replaced: String?
}

extension ArchiveService {
    /// Reads a record for display; `version` (minutes and documents only) rebuilds an earlier
    /// version, with the lifecycle as it stood then.
    ///
    /// - throws: `ArchiveError.notFound`; `ArchiveError.noVersions` when `version` is given for
    ///   an organization, cell or member.
    public func show(id: String, version: Int? = nil) async throws -> ShownRecord {
        var record = try await self.record(id: id)
        let lifecycle: RecordLifecycle?
        switch record {
        case .meeting, .document: lifecycle = try await self.lifecycle(of: id)
        default: lifecycle = nil
        }
        guard let version else { return ShownRecord(record: record, lifecycle: lifecycle) }
        guard let current = lifecycle else { throw ArchiveError.noVersions(id: id) }
        guard version != current.version else { return ShownRecord(record: record, lifecycle: current) }
        switch (try await self.version(version, of: id), record) {
        case (.meeting(let meeting), .meeting(_, let cell)): record = .meeting(meeting, cell: cell)
        case (.document(let document), .document(_, let cell)): record = .document(document, cell: cell)
        default: break
        }
        let replaced = current.previous.first { $0.version == version }
        return ShownRecord(
            record: record,
            lifecycle: RecordLifecycle(
                version: version, sha256: replaced?.sha256, previous: current.previous.filter { $0.version < version }),
            earlierVersion: EarlierVersion(
                id: id, version: version, current: current.version, replaced: replaced?.replaced))
    }
}

extension EarlierVersion {
    /// "Phiên bản 1 của np-nq-2024-13 (phiên bản hiện hành là 2; đã được thay lúc 16:31 ngày
    /// 03/12/2026)", the time in `timeZone` (the machine's by default) as the log writes it
    /// (`AuditEntry.localTime`); "đã được thay" without a time when it is not known.
    public func vietnameseDescription(in timeZone: TimeZone = .current) -> String {
        let when = replaced.map { " lúc " + AuditEntry.localTime($0, in: timeZone) } ?? ""
        return "Phiên bản \(version) của \(id) (phiên bản hiện hành là \(current); đã được thay\(when))"
    }
}

extension Document.Kind {
    /// A type code as people type it: any case, with or without marks (`nq`, `QD`, `Qđ`, `ctr`).
    public init?(code: String) {
        let folded = VietnameseText.fold(code)
        guard let kind = Document.Kind.allCases.first(where: { VietnameseText.fold($0.rawValue) == folded }) else {
            return nil
        }
        self = kind
    }
}
