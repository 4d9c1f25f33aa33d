import ArchiveCore

/// Vietnamese text for `log`: one line per entry, oldest first.
public enum AuditText {
    /// The entries as a table.
    public static func render(_ entries: [AuditEntry]) -> String {
        guard !entries.isEmpty else { return "Nhật ký chưa có mục nào." }
        let table = TextTable.render(
            headers: [
                "STT", "Thời điểm (giờ của máy)", "Người thực hiện", "Thao tác", "Bản ghi", "Phiên bản", "sha256",
            ],
            rows: zip(entries, AuditEntry.actionNames(entries)).map { entry, action in
                [
                    "\(entry.sequence)", entry.localTime(), entry.actor, action,
                    "\(entry.kindName) \(entry.record)", entry.version.map(String.init) ?? "",
                    entry.sha256.map { String($0.prefix(12)) + "…" } ?? "",
                ]
            })
        return table + "\n\(entries.count) mục."
    }
}
