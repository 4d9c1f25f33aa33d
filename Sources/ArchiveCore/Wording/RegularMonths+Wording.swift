/// Months written for people so that none reads as a count: a bare "2" beside a figure reads as
/// "two", not February. Sentences say "tháng 2, 11"; table cells "T2, T11", as the board's
/// month columns are headed.
public enum MonthWording {
    /// "tháng 2, 11"; empty for no month.
    public static func sentence(_ months: [Int]) -> String {
        months.isEmpty ? "" : "tháng " + months.map(String.init).joined(separator: ", ")
    }

    /// "T2, T11", for a table cell; empty for no month.
    public static func short(_ months: [Int]) -> String {
        months.map { "T\($0)" }.joined(separator: ", ")
    }

    /// Quarters for a table cell in the report's numerals: "Quý I, III"; empty for none.
    public static func quarters(_ quarters: [Int]) -> String {
        quarters.isEmpty ? "" : "Quý " + quarters.map(roman).joined(separator: ", ")
    }

    /// "I"…"IV".
    static func roman(_ quarter: Int) -> String { ["I", "II", "III", "IV"][max(0, min(3, quarter - 1))] }
}

extension CellYearSummary {
    /// The months with a regular session out of the months counted: "11/12 tháng". Never above
    /// 100 %: two sessions in May fill May only (`regularMonthsHeld`).
    public var regularMonthsFigure: String { "\(regularMonthsHeld)/\(monthsCounted) tháng" }

    /// The months with more than one regular session, "tháng 5 họp 2 lần" (several joined by
    /// ", "); `nil` when no month had two. Said beside `regularMonthsFigure`, so that a count of
    /// sessions above the months held is explained, not hidden.
    public var severalRegularSessionsPhrase: String? {
        let several = monthsWithSeveralRegularSessions
        guard !several.isEmpty else { return nil }
        return several.map { "tháng \($0.month) họp \($0.sessions) lần" }.joined(separator: ", ")
    }

    /// The regular sessions in one phrase for a figure: "11/12 tháng (thiếu tháng 11; tháng 5
    /// họp 2 lần)", "12/12 tháng (không thiếu tháng nào)".
    public var regularMonthsPhrase: String {
        var notes = [missingMonths.isEmpty ? "không thiếu tháng nào" : "thiếu " + MonthWording.sentence(missingMonths)]
        if let several = severalRegularSessionsPhrase { notes.append(several) }
        return "\(regularMonthsFigure) (\(notes.joined(separator: "; ")))"
    }
}
