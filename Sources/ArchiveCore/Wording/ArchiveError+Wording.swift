extension LockedRecord {
    /// Why the record cannot change, without naming any command: "biên bản X đã được thông qua
    /// nên đã khóa; chỉ sửa được bằng một bản đính chính (phiên bản mới)".
    public var sentence: String {
        let what = isMeeting ? "biên bản \(id) đã được thông qua" : "văn bản \(id) đã ban hành"
        return "\(what) nên đã khóa; chỉ sửa được bằng một bản đính chính (phiên bản mới), không lưu đè hay xóa"
    }
}

extension ArchiveError {
    /// The sentence for a draft that other records still refer to.
    public static func stillReferencedSentence(id: String, referrers: [String]) -> String {
        "chưa bỏ \(id): còn \(referrers.count) bản ghi dẫn tới nó (\(referrers.joined(separator: ", "))); hãy bỏ hoặc sửa các bản ghi đó trước"
    }
}

extension LocalDate.Typed {
    /// Why a typed value is not a date, for the field or option `label`; `nil` for a date.
    ///
    /// ```swift
    /// LocalDate.typed("28/12/24").problem(label: "Ngày")
    /// // "“Ngày” ghi năm bằng hai chữ số (28/12/24): hãy ghi đủ bốn chữ số, ví dụ 28/12/2024"
    /// ```
    public func problem(label: String) -> String? {
        switch self {
        case .date: nil
        case .twoDigitYear(let text):
            "“\(label)” ghi năm bằng hai chữ số (\(text)): hãy ghi đủ bốn chữ số của năm, ví dụ 28/12/2024"
        case .invalid(let text):
            "“\(label)” phải là một ngày có thật, dạng ngày/tháng/năm (28/12/2024) hoặc năm-tháng-ngày (2024-12-28): \(text)"
        }
    }

    /// The date, if it is one.
    public var date: LocalDate? {
        if case .date(let date) = self { return date }
        return nil
    }
}
