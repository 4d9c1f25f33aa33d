extension Finding {
    /// The `same-sitting-twice` finding of two minutes that record one sitting (`SameSitting`),
    /// as `check` and `summary` both report it: its subject is `second`, the record to discard
    /// or correct; the sentence names both codes, their kinds and states, the cell and the day,
    /// and what to do, naming no command.
    ///
    /// - parameters:
    ///   - first: the record a summary counts (`SameSitting.keeps(_:over:)`).
    ///   - second: the other record of the same sitting.
    ///   - cellName: the cell's name, e.g. "Chi bộ thôn Nà Pán".
    public static func sameSittingTwice(_ first: Meeting, _ second: Meeting, cellName: String) -> Finding {
        func record(_ meeting: Meeting) -> String {
            "\(meeting.id) (\(meeting.kind.vietnameseName), \(meeting.status.vietnameseName))"
        }
        let advice: String
        switch (first.status, second.status) {
        case (_, .draft):
            advice =
                "Nếu \(second.id) là bản ghi thừa, hãy bỏ dự thảo đó; nếu là một kỳ sinh hoạt khác, hãy sửa lại ngày hoặc loại sinh hoạt của nó."
        case (.draft, .approved):
            advice =
                "Nếu \(first.id) là bản ghi thừa, hãy bỏ dự thảo đó; nếu là một kỳ sinh hoạt khác, hãy sửa lại ngày hoặc loại sinh hoạt của nó."
        case (.approved, .approved):
            advice =
                "Cả hai đã thông qua nên không bỏ được: hãy đính chính biên bản ghi sai (ngày hoặc loại sinh hoạt). Đến khi đó, tổng hợp chỉ tính biên bản \(first.id)."
        }
        return Finding(
            code: .sameSittingTwice, subject: second.id,
            message:
                "\(cellName) (\(first.cellID)) có hai biên bản của cùng một kỳ sinh hoạt ngày \(first.date.vietnameseShort): \(record(first)) và \(record(second)). "
                + advice)
    }
}
