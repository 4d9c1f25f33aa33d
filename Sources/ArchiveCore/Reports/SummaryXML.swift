import LibXML

/// The yearly summary as XML in its own namespace, described by `archive/schema/summary-1.xsd`.
///
/// ```xml
/// <summary xmlns="urn:sochibo:summary:1" formatVersion="1" year="2024" asOf="2024-12-31">
///   <cell id="cb-dong-tam" name="Chi bộ thôn Đồng Tâm" … regularHeld="11" …>
///     <missingMonth>8</missingMonth> …
/// ```
public enum SummaryXML {
    /// The namespace of summary documents.
    public static let namespace = "urn:sochibo:summary:1"

    /// The whole document.
    public static func render(_ summary: YearSummary) throws -> String {
        try XMLStreamWriter.document { writer in
            try writer.startElement("summary", namespace: namespace)
            try writer.attribute("formatVersion", "1")
            try writer.attribute("year", "\(summary.year)")
            try writer.attribute("asOf", summary.asOf.description)
            switch summary.period.span {
            case .year: break
            case .quarter: try writer.attribute("quarter", "\(summary.period.index ?? 0)")
            case .month: try writer.attribute("month", "\(summary.period.index ?? 0)")
            }
            if summary.ratingBasis != .committeeFirst {
                try writer.attribute("ratingBasis", summary.ratingBasis.rawValue)
            }
            if let organization = summary.organization {
                try writer.element("organization", attributes: [("id", organization.id)], text: organization.name)
            }
            if let totals = summary.totals { try write(totals, to: writer) }
            for cell in summary.cells { try write(cell, to: writer) }
            try writer.endElement()
        }
    }

    private static func share(_ value: Double?) -> String? { value.map { Decimal4.text($0) } }

    private static func write(_ ratings: RatingCounts, to writer: XMLStreamWriter) throws {
        try writer.element(
            "ratings",
            attributes: [
                ("good", "\(ratings.good)"), ("fair", "\(ratings.fair)"), ("average", "\(ratings.average)"),
                ("weak", "\(ratings.weak)"), ("unrated", "\(ratings.unrated)"),
            ])
    }

    private static func write(_ tasks: TaskCounts, to writer: XMLStreamWriter) throws {
        try writer.element(
            "tasks",
            attributes: [
                ("assigned", "\(tasks.assigned)"), ("done", "\(tasks.done)"), ("cancelled", "\(tasks.cancelled)"),
                ("open", "\(tasks.open)"),
            ])
    }

    private static func write(_ totals: CommitteeTotals, to writer: XMLStreamWriter) throws {
        try writer.startElement("totals")
        for (name, value) in [
            ("cells", "\(totals.cells)"), ("cellsWithRegularSessions", "\(totals.cellsWithRegularSessions)"),
            ("cellsWithFewerSessions", "\(totals.cellsWithFewerSessions)"), ("meetingsHeld", "\(totals.meetingsHeld)"),
            ("regularHeld", "\(totals.regularHeld)"), ("thematicHeld", "\(totals.thematicHeld)"),
            ("extraordinaryHeld", "\(totals.extraordinaryHeld)"), ("goodShare", share(totals.goodShare)),
            ("fairOrBetterShare", share(totals.fairOrBetterShare)), ("attendanceRate", share(totals.attendanceRate)),
            ("resolutionsIssued", "\(totals.resolutionsIssued)"), ("findings", "\(totals.findings)"),
            ("regularMonthsHeld", "\(totals.regularMonthsHeld)"), ("monthsCounted", "\(totals.monthsCounted)"),
        ] {
            if let value { try writer.attribute(name, value) }
        }
        try write(totals.ratings, to: writer)
        try write(totals.tasks, to: writer)
        try writer.endElement()
    }

    private static func absences(_ name: String, _ list: [MemberAbsences], to writer: XMLStreamWriter) throws {
        for absence in list {
            try writer.element(
                name,
                attributes: [
                    ("member", absence.member), ("count", "\(absence.count)"),
                    ("months", absence.months.map(String.init).joined(separator: " ")),
                    ("from", absence.from.description), ("to", absence.to.description),
                ], text: absence.name)
        }
    }

    private static func write(_ cell: CellYearSummary, to writer: XMLStreamWriter) throws {
        try writer.startElement("cell")
        for (name, value) in [
            ("id", cell.cell), ("name", cell.name), ("organization", cell.organization),
            ("meetingsHeld", "\(cell.meetingsHeld)"), ("regularHeld", "\(cell.regularHeld)"),
            ("monthsCounted", "\(cell.monthsCounted)"), ("thematicHeld", "\(cell.thematicHeld)"),
            ("extraordinaryHeld", "\(cell.extraordinaryHeld)"), ("goodShare", share(cell.goodShare)),
            ("fairOrBetterShare", share(cell.fairOrBetterShare)), ("attendanceRate", share(cell.attendanceRate)),
            ("resolutionsIssued", "\(cell.resolutionsIssued)"), ("regularMonthsHeld", "\(cell.regularMonthsHeld)"),
        ] {
            if let value { try writer.attribute(name, value) }
        }
        for month in cell.missingMonths { try writer.element("missingMonth", text: "\(month)") }
        for quarter in cell.quartersWithoutThematic { try writer.element("quarterWithoutThematic", text: "\(quarter)") }
        try write(cell.ratings, to: writer)
        if let lowest = cell.lowestAttendance {
            try writer.element(
                "lowestAttendance",
                attributes: [
                    ("meeting", lowest.meeting), ("date", lowest.date.description), ("present", "\(lowest.present)"),
                    ("expected", "\(lowest.expected)"), ("rate", Decimal4.text(lowest.rate)),
                ])
        }
        try absences("unexcusedAbsences", cell.unexcusedAbsences, to: writer)
        try absences("excusedAbsencesInARow", cell.excusedAbsencesInARow, to: writer)
        for short in cell.shortMeetings {
            try writer.element(
                "shortMeeting",
                attributes: [
                    ("meeting", short.meeting), ("date", short.date.description), ("minutes", "\(short.minutes)"),
                    ("minimum", "\(short.minimum)"),
                ])
        }
        for meeting in cell.meetingsWithoutConclusion {
            try writer.element("meetingWithoutConclusion", attributes: [("meeting", meeting)])
        }
        for vote in cell.failedVotes {
            try writer.element(
                "failedVote",
                attributes: [
                    ("meeting", vote.meeting), ("votesFor", "\(vote.votesFor)"), ("entitled", "\(vote.entitled)"),
                ], text: vote.subject)
        }
        try write(cell.tasks, to: writer)
        for month in cell.months where !month.sessions.isEmpty {
            try writer.startElement("month")
            try writer.attribute("number", "\(month.month)")
            for session in month.sessions {
                try writer.element(
                    "session",
                    attributes: [
                        ("meeting", session.meeting), ("date", session.date.description),
                        ("kind", session.kind.rawValue), ("level", session.level?.rawValue),
                    ])
            }
            try writer.endElement()
        }
        for finding in cell.findings {
            try writer.element(
                "finding", attributes: [("code", finding.code.rawValue), ("subject", finding.subject)],
                text: finding.message)
        }
        try writer.endElement()
    }
}
