import ArchiveCore
import Foundation

/// Generates a realistic archive of N cells × Y years in format v1, streamed to a file.
///
/// Each cell has 8–30 members (some probationary, some exempt), a term, and per year twelve
/// regular meetings (every third one combined with a thematic session), with attendance,
/// votes, reports on the previous month's tasks and a rating; each regular meeting adopts a
/// numbered resolution with tasks. Text comes from a `TextSource`.
///
/// ```swift
/// let generator = ArchiveGenerator(cells: 2_000, years: 5, text: text)
/// let summary = try generator.write(to: "/tmp/big.xml")
/// ```
public struct ArchiveGenerator: Sendable {
    /// How many cells.
    public var cells: Int
    /// How many years of records per cell.
    public var years: Int
    /// The first year.
    public var firstYear: Int
    /// Paragraphs of proceedings per meeting.
    public var proceedingsParagraphs: Int
    /// Paragraphs of body per resolution.
    public var bodyParagraphs: Int
    /// The text to fill records with.
    public var text: TextSource
    /// The seed; the same seed gives the same bytes.
    public var seed: UInt64
    /// How many communes (`dbx-0`, `dbx-1`…) the cells are spread over, in turn: one per
    /// 20 cells by default; 1 gives a single commune's archive.
    public var communes: Int

    /// What was generated.
    public struct Summary: Sendable {
        /// Records written (organizations, cells, members, meetings, documents).
        public var records: Int
        public var meetings: Int
        public var documents: Int
        /// Size of the file in bytes.
        public var bytes: Int
    }

    /// Creates a generator.
    public init(
        cells: Int, years: Int, firstYear: Int = 2020, proceedingsParagraphs: Int = 6, bodyParagraphs: Int = 5,
        text: TextSource, seed: UInt64 = 2023, communes: Int? = nil
    ) {
        self.communes = max(1, communes ?? cells / 20)
        self.cells = cells
        self.years = years
        self.firstYear = firstYear
        self.proceedingsParagraphs = proceedingsParagraphs
        self.bodyParagraphs = bodyParagraphs
        self.text = text
        self.seed = seed
    }

    private static let familyNames = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lương", "Nông", "Vi",
    ]
    private static let middleNames = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Thanh"]
    private static let givenNames = [
        "Sáng", "Huệ", "Đức", "Hằng", "Quyết", "Thắng", "Lan", "Bình", "Dũng", "Hà", "Tuấn", "Phương", "Hùng", "Mai",
    ]

    /// Writes the archive to `path`.
    ///
    /// - throws: when the file cannot be written.
    @discardableResult
    public func write(to path: String) throws -> Summary {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        let encoder = try ArchiveEncoder(fileDescriptor: descriptor)
        var random = SeededRandom(seed: seed)
        var summary = Summary(records: 0, meetings: 0, documents: 0, bytes: 0)
        try encoder.start()
        try encoder.write(Organization(id: "hu-mau", name: "Đảng bộ huyện Mẫu"))
        for commune in 0..<communes {
            try encoder.write(
                Organization(id: "dbx-\(commune)", parentID: "hu-mau", name: "Đảng bộ xã Mẫu \(commune + 1)"))
        }
        summary.records += 1 + communes
        var cellsMade: [Cell] = []
        for index in 0..<cells {
            let cell = makeCell(index, commune: index % communes, random: &random)
            try encoder.write(cell)
            cellsMade.append(cell)
            summary.records += 1 + cell.members.count
        }
        var documents: [(Document, String)] = []
        // Meetings first (the format's order), then the resolutions they adopted.
        for cell in cellsMade {
            var previousTasks: [String] = []
            var number = 0
            for year in firstYear..<(firstYear + years) {
                for month in 1...12 {
                    let (meeting, resolution) = makeMonth(
                        cell: cell, year: year, month: month, number: &number, previousTasks: previousTasks,
                        random: &random)
                    try encoder.write(meeting)
                    previousTasks = resolution.tasks.map(\.id)
                    documents.append((resolution, cell.issuerCode))
                    summary.meetings += 1
                }
            }
        }
        for (document, issuerCode) in documents {
            try encoder.write(document, issuerCode: issuerCode)
            summary.documents += 1
        }
        try encoder.finish()
        summary.records += summary.meetings + summary.documents
        summary.bytes = Int(lseek(descriptor, 0, SEEK_END))
        return summary
    }

    private func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: min(day, LocalDate.daysIn(month: month, year: year)))!
    }

    private func makeCell(_ index: Int, commune: Int, random: inout SeededRandom) -> Cell {
        let id = "cb-\(index)"
        let size = Int.random(in: 8...30, using: &random)
        let termStart = date(firstYear - 1, 5, 10)
        var members: [Member] = []
        for number in 1...size {
            let name = [
                Self.familyNames.randomElement(using: &random)!, Self.middleNames.randomElement(using: &random)!,
                Self.givenNames.randomElement(using: &random)!,
            ].joined(separator: " ")
            let admittedYear = number == size ? firstYear : Int.random(in: 1970...(firstYear - 2), using: &random)
            let admitted = date(
                admittedYear, Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
            let confirmed = date(admitted.year + 1, admitted.month, admitted.day)
            let exempt = number == 2 && size > 12
            members.append(
                Member(
                    id: "\(id)-m\(number)", fullName: name,
                    birthYear: admitted.year - Int.random(in: 20...40, using: &random),
                    admitted: admitted, confirmed: confirmed,
                    exemptions: exempt ? [Exemption(from: date(firstYear - 1, 1, 1), reason: "Tuổi cao, sức yếu")] : [],
                    roles: number == 1 ? [Role(title: .secretary, from: termStart)] : [],
                    concurrentPosts: number == 1 ? [ConcurrentPost(title: "Trưởng thôn", from: termStart)] : []))
        }
        return Cell(
            id: id, organizationID: "dbx-\(commune)", name: "Chi bộ thôn Mẫu \(index + 1)",
            terms: [Term(id: "\(firstYear - 1)-\(firstYear + 4)", start: termStart)], members: members)
    }

    private func makeMonth(
        cell: Cell, year: Int, month: Int, number: inout Int, previousTasks: [String], random: inout SeededRandom
    ) -> (Meeting, Document) {
        let day = Int.random(in: 3...10, using: &random)
        let meetingDate = date(year, month, day)
        let meetingID = "\(cell.id)-\(year)-\(month < 10 ? "0" : "")\(month)"
        let active = cell.members.filter { $0.belongsToCell(on: meetingDate) && !$0.isExempt(on: meetingDate) }
        var attendance: [Attendance] = []
        for member in active {
            let roll = Int.random(in: 0..<100, using: &random)
            if roll < 88 {
                attendance.append(Attendance(memberID: member.id, presence: .present))
            } else if roll < 97 {
                attendance.append(Attendance(memberID: member.id, presence: .excused, reason: "Đi làm ăn xa"))
            } else {
                attendance.append(Attendance(memberID: member.id, presence: .unexcused))
            }
        }
        let presentOfficial = attendance.filter { entry in
            entry.presence == .present
                && (cell.members.first { $0.id == entry.memberID }?.isOfficial(on: meetingDate) ?? false)
        }.count
        let combined = month % 3 == 0
        let kind: Meeting.Kind = combined ? .combined : .regular
        let length = Int.random(in: (combined ? 120 : 90)...150, using: &random)
        let start = TimeOfDay("19:30")!
        let end = TimeOfDay(String(format: "%02d:%02d", (19 * 60 + 30 + length) / 60 % 24, (30 + length) % 60))!
        let monthName = "tháng \(month < 10 ? "0" : "")\(month) năm \(year)"
        let score = Int.random(in: 70...99, using: &random)
        let level: Rating.Level = score >= 90 ? .good : .fair
        let meeting = Meeting(
            id: meetingID, cellID: cell.id, kind: kind, date: meetingDate, start: start, end: end,
            place: "Nhà văn hóa \(cell.name.replacingOccurrences(of: "Chi bộ ", with: ""))",
            topic: combined ? text.title(using: &random) : nil, chairID: cell.members[0].id,
            recorderID: cell.members[min(2, cell.members.count - 1)].id, attendance: attendance,
            agenda: ["Đánh giá kết quả thực hiện nghị quyết tháng trước", "Thông qua nghị quyết \(monthName)"],
            proceedings: text.paragraphs(proceedingsParagraphs, using: &random),
            conclusion: text.paragraphs(1, using: &random),
            votes: [
                Vote(
                    subject: "Thông qua nghị quyết \(monthName)", votesFor: presentOfficial, votesAgainst: 0,
                    abstentions: 0)
            ],
            taskReports: previousTasks.map {
                TaskReport(taskID: $0, status: Bool.random(using: &random) ? .done : .inProgress)
            },
            rating: Rating(level: level, score: score))
        number += 1
        let documentID = "\(cell.id)-nq-\(year)-\(month < 10 ? "0" : "")\(month)"
        let tasks = (1...3).map { index in
            DocumentTask(
                id: "\(documentID)-t\(index)", assigneeID: cell.members.randomElement(using: &random)!.id,
                due: date(year, month, 28), text: text.paragraphs(1, using: &random)[0])
        }
        let resolution = Document(
            id: documentID, cellID: cell.id, kind: .resolution, number: number, termID: cell.terms[0].id,
            date: date(year, month, day + 1), status: .issued, meetingID: meetingID, place: "Thôn Mẫu",
            title: "Nghị quyết lãnh đạo thực hiện nhiệm vụ \(monthName): \(text.title(using: &random))",
            body: text.paragraphs(bodyParagraphs, using: &random), tasks: tasks,
            signature: Signature(memberID: cell.members[0].id, authority: "T/M CHI BỘ", title: "BÍ THƯ"),
            recipients: ["Đảng ủy xã", "Lưu Chi bộ"])
        return (meeting, resolution)
    }
}
