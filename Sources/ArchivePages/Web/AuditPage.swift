import ArchiveCore
import Foundation

/// The audit log on screen: of one record (`GET /ban-ghi/{id}/nhat-ky`) or of the whole archive
/// (`GET /nhat-ky`, administrators), newest first, in the server's local time, with the name of
/// the person who acted.
public struct AuditPage: Sendable {
    struct Row: Sendable {
        let sequence: Int
        let time: String
        let actor: String
        let action: String
        let record: String
        let href: String?
        let version: String
    }

    let pageTitle: String
    let bar: WebAccountBar
    let heading: String
    let backLink: WebLink?
    let rows: [Row]
    let hasNoEntries: Bool
    /// Said when only the newest entries are shown.
    let shownNote: String?

    /// The page of `entries` (oldest first, as the store gives them).
    ///
    /// - parameters:
    ///   - heading: "Nhật ký của …".
    ///   - backLink: the record's page, for a record's log.
    ///   - limit: the most entries shown, newest first.
    ///   - timeZone: the zone the times are written in (the server's).
    public init(
        bar: WebAccountBar, heading: String, entries: [AuditEntry], backLink: WebLink? = nil, limit: Int = 500,
        timeZone: TimeZone = .current
    ) {
        self.bar = bar
        self.heading = heading
        self.backLink = backLink
        pageTitle = "\(heading) – Sổ Chi Bộ"
        rows = zip(entries, AuditEntry.actionNames(entries)).reversed().prefix(limit).map { entry, action in
            let isRecord = entry.kind == "meeting" || entry.kind == "document"
            return Row(
                sequence: entry.sequence, time: entry.localTime(in: timeZone), actor: entry.actor,
                action: action, record: entry.record,
                href: isRecord && backLink == nil ? WebPath.record(entry.record) : nil,
                version: entry.version.map { "\($0)" } ?? "")
        }
        hasNoEntries = entries.isEmpty
        shownNote =
            entries.count > limit ? "Hiện \(limit) mục mới nhất trong \(entries.count) mục của nhật ký." : nil
    }
}
