extension FilingRules.Mismatch {
    /// One sentence in Vietnamese that says what to do, naming no command (the web and the CLI
    /// both show it beside the form's line).
    public var vietnameseDescription: String {
        switch self {
        case .otherCell(let id, let kind, let recordCell, let formCell):
            "mã \(id) là của một \(kind == .meeting ? "biên bản" : "văn bản") của \(recordCell), còn mẫu này ghi \(formCell); chưa lưu gì. Nếu đây là \(kind == .meeting ? "biên bản" : "văn bản") mới của \(formCell), hãy để trống mã rồi lưu lại"
        case .otherMonth(let id, let recordDate, let formDate):
            "mã \(id) là biên bản kỳ ngày \(recordDate.vietnameseShort), còn mẫu này ghi ngày \(formDate.vietnameseShort), khác tháng; chưa lưu gì để không ghi đè biên bản tháng \(recordDate.month)/\(recordDate.year). Nếu đây là biên bản của kỳ mới, hãy để trống mã rồi lưu lại; nếu thật muốn dời dự thảo sang tháng khác, hãy bỏ dự thảo cũ rồi lập lại"
        case .unknownCodeSameMeeting(let id, let existing, let date):
            "trong kho không có biên bản mã \(id), nhưng chi bộ đã có biên bản \(existing) cùng ngày \(date.vietnameseShort), cùng loại; chưa lưu gì để không thành hai biên bản của một kỳ. Nếu mẫu này là của biên bản đó, hãy ghi mã \(existing) (hoặc để trống mã)"
        case .sameDayDraftOfOtherKind(let existing, let kind, let date):
            "chi bộ đã có dự thảo biên bản \(existing) cùng ngày \(date.vietnameseShort) (loại \(kind.vietnameseName)); chưa lưu gì để không thành hai biên bản của một kỳ. Nếu mẫu này là biên bản đó với loại đã sửa, hãy ghi “Mã biên bản: \(existing)”; nếu đúng là một kỳ sinh hoạt khác cùng ngày, hãy ghi cho nó một mã mới, ví dụ \(existing)-2"
        case .sameSitting(let id, let existing, let kind, let date):
            "ngày \(date.vietnameseShort) chi bộ đã có biên bản \(existing) (\(kind.vietnameseName)); chưa lưu gì để không thành hai biên bản của một kỳ. Nếu mẫu này đúng là biên bản \(id), hãy sửa lại ngày hoặc loại sinh hoạt; nếu là biên bản \(existing), hãy ghi “Mã biên bản: \(existing)”"
        case .sameDocumentDraft(let existing, let title, let kind, let date):
            "chi bộ đã có dự thảo \(kind.vietnameseName.lowercased()) \(existing) cùng ngày \(date.vietnameseShort) (“\(title)”); chưa lưu gì để không thành hai bản của một văn bản. Nếu đây là bản sửa của dự thảo đó, hãy ghi mã \(existing); nếu đúng là một văn bản khác, hãy ghi cho nó một mã mới, ví dụ \(existing)-2"
        }
    }
}
