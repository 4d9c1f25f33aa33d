import Foundation

extension AuditEntry {
    /// When, in `timeZone` (the machine's by default), as Vietnamese readers write it:
    /// "21:30 ngày 21/11/2026". The stored time (UTC) when it cannot be read.
    public func localTime(in timeZone: TimeZone = .current) -> String {
        Self.localTime(time, in: timeZone)
    }

    /// What kind of record the entry is about, in Vietnamese: "biên bản" (`meeting`),
    /// "văn bản", "đảng viên", "chi bộ", "đảng bộ", "tài khoản", "báo cáo", "tệp sao lưu"
    /// (`file`, a restore); the stored kind itself for one not known here.
    public var kindName: String {
        switch kind {
        case RecordKind.meeting.rawValue: "biên bản"
        case "account": "tài khoản"
        case "report": "báo cáo"
        case "file": "tệp sao lưu"
        default: RecordKind(rawValue: kind)?.vietnameseName ?? kind
        }
    }

    /// `time` (ISO 8601, UTC, as the log stores it) in `timeZone`: "21:30 ngày 21/11/2026";
    /// `time` itself when it cannot be read.
    public static func localTime(_ time: String, in timeZone: TimeZone = .current) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        guard let date = parser.date(from: time) else { return time }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour,
            let minute = parts.minute
        else { return time }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(hour)):\(two(minute)) ngày \(two(day))/\(two(month))/\(year)"
    }
}

extension AuditLogHead {
    /// The footer line of printed reports and of `check`: "Sổ nhật ký: 1.234 mục, mã cuối
    /// a1b2c3d4e5f6a7b8" (the count grouped by dots, as Vietnamese writes numbers).
    public var vietnameseLine: String {
        var digits = String(entries)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "Sổ nhật ký: \(digits)\(grouped) mục, mã cuối \(mark)"
    }
}

extension RecordLifecycle {
    /// What a printed page says of a corrected record (issue 11, item 14): "Bản đính chính lần
    /// 1 (lúc 09:15 ngày 05/01/2025) thay bản đã khóa trước; lý do: ghi sai số người dự."; nil
    /// for a record never corrected.
    public var correctionLine: String? {
        guard version > 1, let replaced = previous.last else { return nil }
        let reason = replaced.replacedBecause.map { TextNormalization.collapsed($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return
            "Bản đính chính lần \(version - 1) (lúc \(AuditEntry.localTime(replaced.replaced))) thay bản đã khóa trước"
            + (reason.map { "; lý do: \($0)" } ?? "") + "."
    }
}
