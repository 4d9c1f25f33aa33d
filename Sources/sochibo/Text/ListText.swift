import ArchiveCore
import Foundation

/// Vietnamese text for the `list` command: pure functions from overviews to a table.
public enum ListText {
    /// Cells.
    /// Committees (đảng bộ), in Vietnamese order of their names, with the committee above each.
    public static func organizations(_ organizations: [Organization]) -> String {
        guard !organizations.isEmpty else { return "Chưa có đảng bộ nào trong kho lưu trữ." }
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return TextTable.render(
            headers: ["Mã", "Tên đảng bộ", "Thuộc"],
            rows: organizations.map { [$0.id, $0.name, $0.parentID.map { names[$0] ?? $0 } ?? ""] })
            + "\n\(organizations.count) đảng bộ."
    }

    /// Cells.
    public static func cells(_ cells: [CellOverview]) -> String {
        guard !cells.isEmpty else { return "Chưa có chi bộ nào trong kho lưu trữ." }
        return TextTable.render(
            headers: ["Mã", "Tên chi bộ", "Đảng bộ", "Đảng viên", "Kỳ sinh hoạt", "Văn bản"],
            rows: cells.map {
                [$0.id, $0.name, $0.organization, String($0.members), String($0.meetings), String($0.documents)]
            }) + "\n\(cells.count) chi bộ."
    }

    /// Members.
    public static func members(_ members: [MemberOverview]) -> String {
        guard let first = members.first else { return "Không có đảng viên nào." }
        return TextTable.render(
            headers: ["Mã", "Họ và tên", "Chi bộ", "Tình trạng ngày \(first.statusOn.vietnameseShort)", "Chức vụ"],
            rows: members.map { member in
                let offices = member.roles.map(\.vietnameseName) + member.concurrentPosts
                return [
                    member.id, member.fullName, member.cell, member.status.vietnameseName,
                    offices.joined(separator: ", "),
                ]
            }) + "\n\(members.count) đảng viên."
    }

    /// Meetings.
    public static func meetings(_ meetings: [MeetingOverview]) -> String {
        guard !meetings.isEmpty else { return "Không có kỳ sinh hoạt nào." }
        return TextTable.render(
            headers: ["Mã", "Ngày", "Chi bộ", "Loại", "Trạng thái", "Thời lượng", "Dự họp", "Xếp loại"],
            rows: meetings.map { meeting in
                let short = meeting.durationMinutes < meeting.minimumMinutes ? " (thiếu)" : ""
                var rating =
                    meeting.rating.map { level in
                        level.vietnameseName + (meeting.score.map { " (\($0) điểm)" } ?? "")
                    } ?? "chưa xếp loại"
                if let committee = meeting.committeeRating {
                    rating += " · đảng ủy: " + committee.vietnameseName
                }
                return [
                    meeting.id, meeting.date.vietnameseShort, meeting.cell, meeting.kind.vietnameseName,
                    meeting.status.vietnameseName, "\(meeting.durationMinutes) phút\(short)",
                    "\(meeting.present)/\(meeting.expected) (\(Percent.text(meeting.attendanceRate)))", rating,
                ]
            }) + "\n" + meetingCount(meetings)
    }

    /// "13 kỳ sinh hoạt đã thông qua; 1 biên bản chưa thông qua (dự thảo)." A draft is not a
    /// meeting held until it is approved, as the summaries count it (issue 11, item 2).
    static func meetingCount(_ meetings: [MeetingOverview]) -> String {
        let drafts = meetings.filter { $0.status == .draft }.count
        let approved = meetings.count - drafts
        guard drafts > 0 else { return "\(approved) kỳ sinh hoạt." }
        return "\(approved) kỳ sinh hoạt đã thông qua; \(drafts) biên bản chưa thông qua (dự thảo)."
    }

    /// What `list documents` shows in place of a confidential document's title.
    public static let withheldTitle = "(văn bản mật, không ghi trích yếu)"

    /// Documents.
    public static func documents(_ documents: [DocumentOverview]) -> String {
        guard !documents.isEmpty else { return "Không có văn bản nào." }
        return TextTable.render(
            headers: ["Mã", "Số, ký hiệu", "Ngày", "Chi bộ", "Trạng thái", "Trích yếu"],
            rows: documents.map { document in
                let marking = document.classification == .none ? "" : " [\(document.classification.vietnameseName)]"
                return [
                    document.id, document.symbol ?? "(chưa có số)", document.date.vietnameseShort, document.cell,
                    document.status.vietnameseName, document.title + marking,
                ]
            }) + "\n\(documents.count) văn bản."
    }
}
