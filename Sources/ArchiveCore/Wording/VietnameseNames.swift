extension Meeting.Kind {
    /// The Vietnamese name, e.g. "thường kỳ".
    public var vietnameseName: String {
        switch self {
        case .regular: "thường kỳ"
        case .thematic: "chuyên đề"
        case .combined: "thường kỳ kết hợp chuyên đề"
        case .extraordinary: "bất thường"
        }
    }
}

extension Rating.Level {
    /// The Vietnamese name, e.g. "Tốt".
    public var vietnameseName: String {
        switch self {
        case .good: "Tốt"
        case .fair: "Khá"
        case .average: "Trung bình"
        case .weak: "Kém"
        }
    }
}

extension Rating {
    /// "Tốt (92 điểm)", or the level alone without a score.
    public var vietnameseSummary: String {
        level.vietnameseName + (score.map { " (\($0) điểm)" } ?? "")
    }
}

extension Rating.Basis {
    /// What a summary counts, as a sentence: "Xếp loại tính theo đảng ủy xếp loại; kỳ nào
    /// đảng ủy chưa xếp loại thì theo chi bộ tự đánh giá."
    public var vietnameseSentence: String {
        switch self {
        case .committeeFirst:
            "Xếp loại tính theo đảng ủy xếp loại; kỳ nào đảng ủy chưa xếp loại thì theo chi bộ tự đánh giá."
        case .cell: "Xếp loại tính theo chi bộ tự đánh giá."
        }
    }
}

extension Rating.Rater {
    /// "Chi bộ tự đánh giá" or "Đảng ủy xếp loại", as a label before the rating.
    public var vietnameseLabel: String {
        switch self {
        case .cell: "Chi bộ tự đánh giá"
        case .committee: "Đảng ủy xếp loại"
        }
    }
}

extension Document.Status {
    /// The Vietnamese name, e.g. "đã ban hành".
    public var vietnameseName: String {
        switch self {
        case .draft: "dự thảo"
        case .issued: "đã ban hành"
        case .superseded: "đã được thay thế"
        case .revoked: "đã bãi bỏ"
        }
    }
}

extension Document.Classification {
    /// The security marking as printed, empty for none.
    public var vietnameseName: String {
        switch self {
        case .none: ""
        case .confidential: "Mật"
        case .secret: "Tối mật"
        case .topSecret: "Tuyệt mật"
        }
    }
}

extension Role.Title {
    /// The Vietnamese title, e.g. "Bí thư".
    public var vietnameseName: String {
        switch self {
        case .secretary: "Bí thư"
        case .deputySecretary: "Phó Bí thư"
        case .committeeMember: "Chi ủy viên"
        }
    }
}

extension TaskReport.Status {
    /// The Vietnamese name, e.g. "đã hoàn thành".
    public var vietnameseName: String {
        switch self {
        case .done: "đã hoàn thành"
        case .inProgress: "đang thực hiện"
        case .notStarted: "chưa thực hiện"
        case .cancelled: "đã hủy"
        }
    }
}

extension LocalDate {
    /// The date as Party documents write it: "ngày 06 tháng 01 năm 2023".
    public var vietnameseLong: String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "ngày \(twoDigits(day)) tháng \(twoDigits(month)) năm \(year)"
    }

    /// `dd/mm/yyyy`, as Vietnamese readers write dates.
    public var vietnameseShort: String {
        let text = description
        let parts = text.split(separator: "-")
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}

/// Percentages written the Vietnamese way, with a decimal comma: "92,3%".
public enum Percent {
    /// A whole number with its thousands grouped by dots, as Vietnamese writes them:
    /// 20000 → "20.000".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// `rate` (0...1) as a percentage with one decimal.
    /// A rate beyond 0...1 (more votes than members, from a record stored as it was) is
    /// written as it is, up to 1,000,000 %; beyond that, or not a number, as "—".
    public static func text(_ rate: Double) -> String {
        let scaled = (rate * 1000).rounded()
        guard scaled.isFinite, abs(scaled) <= 1e10 else { return "—" }
        let tenths = Int(scaled)
        let whole = tenths / 10, fraction = tenths % 10
        return fraction == 0 ? "\(whole)%" : "\(whole),\(fraction)%"
    }
}

extension BoardState {
    /// The Vietnamese name, e.g. "chưa thông qua".
    public var vietnameseName: String {
        switch self {
        case .notDue: "chưa đến hạn"
        case .beforeFounding: "chưa thành lập"
        case .missing: "không có biên bản"
        case .draft: "chưa thông qua"
        case .approved: "đã thông qua"
        case .rated: "đã xếp loại"
        }
    }
}
