import Foundation

/// A cell meeting (kỳ sinh hoạt) and its minutes.
public struct Meeting: Sendable, Hashable, Codable, Identifiable {
    /// The kind of session.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Thường kỳ: once a month.
        case regular
        /// Chuyên đề: at least once a quarter.
        case thematic
        /// A regular session with a thematic part, in one sitting.
        case combined
        /// Bất thường: when needed.
        case extraordinary
    }

    /// Where the minutes stand: a draft may change; approved minutes (read back and adopted)
    /// are locked, and change only by a recorded correction.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Dự thảo: being written.
        case draft
        /// Đã thông qua: read back at the meeting and adopted.
        case approved
    }

    /// The writer's stable identifier, e.g. `pl-2023-01`.
    public var id: String
    /// The cell that met.
    public var cellID: String
    /// The kind of session.
    public var kind: Kind
    /// The day of the meeting.
    public var date: LocalDate
    /// When it began.
    public var start: TimeOfDay
    /// When it ended (before `start` means after midnight).
    public var end: TimeOfDay
    /// Where it was held.
    public var place: String
    /// The topic, expected for thematic sessions.
    public var topic: String?
    /// The member who chaired.
    public var chairID: String
    /// The member who kept the minutes.
    public var recorderID: String
    /// Guests, as written ("Đồng chí …, Đảng ủy viên phụ trách chi bộ").
    public var guests: [String]
    /// Attendance by member, in the order written.
    public var attendance: [Attendance]
    /// Agenda items.
    public var agenda: [String]
    /// The proceedings (diễn biến), one string per paragraph.
    public var proceedings: [String]
    /// The conclusion paragraphs; empty when the minutes have none.
    public var conclusion: [String]
    /// Votes taken.
    public var votes: [Vote]
    /// Reports on tasks assigned by earlier documents.
    public var taskReports: [TaskReport]
    /// The cell's own rating of the meeting (its self-assessment), if rated.
    public var rating: Rating?
    /// The rating given by the committee above, if it rated the meeting: a different fact from
    /// the cell's, and both are kept (`domain.md`, "Who rates"). Importing a cell's file never
    /// changes it.
    public var committeeRating: Rating?
    /// Attached files.
    public var attachments: [Attachment]
    /// Where the minutes stand.
    public var status: Status

    /// Creates a meeting. Without a `status`, minutes with a rating are taken as approved
    /// (a meeting is rated once its minutes are adopted) and others as drafts: the rule for
    /// records from tools that kept no lifecycle.
    public init(
        id: String, cellID: String, kind: Kind, date: LocalDate, start: TimeOfDay, end: TimeOfDay,
        place: String, topic: String? = nil, chairID: String, recorderID: String, guests: [String] = [],
        attendance: [Attendance] = [], agenda: [String], proceedings: [String], conclusion: [String] = [],
        votes: [Vote] = [], taskReports: [TaskReport] = [], rating: Rating? = nil, committeeRating: Rating? = nil,
        attachments: [Attachment] = [], status: Status? = nil
    ) {
        self.id = id
        self.cellID = cellID
        self.kind = kind
        self.date = date
        self.start = start
        self.end = end
        self.place = place
        self.topic = topic
        self.chairID = chairID
        self.recorderID = recorderID
        self.guests = guests
        self.attendance = attendance
        self.agenda = agenda
        self.proceedings = proceedings
        self.conclusion = conclusion
        self.votes = votes
        self.taskReports = taskReports
        self.rating = rating
        self.committeeRating = committeeRating
        self.attachments = attachments
        self.status = status ?? (rating == nil && committeeRating == nil ? .draft : .approved)
    }
}

/// One member's attendance at a meeting.
public struct Attendance: Sendable, Hashable, Codable {
    /// Present, or absent with or without a good reason.
    public enum Presence: String, Sendable, Hashable, Codable {
        case present
        /// Vắng có lý do.
        case excused
        /// Vắng không lý do.
        case unexcused
    }

    /// The member.
    public var memberID: String
    /// Whether and how the member attended.
    public var presence: Presence
    /// The reason given for an absence, if written.
    public var reason: String?

    /// Creates an attendance entry.
    public init(memberID: String, presence: Presence, reason: String? = nil) {
        self.memberID = memberID
        self.presence = presence
        self.reason = reason
    }
}

/// A vote taken at a meeting.
public struct Vote: Sendable, Hashable, Codable {
    /// What was voted on.
    public var subject: String
    /// Votes in favour.
    public var votesFor: Int
    /// Votes against.
    public var votesAgainst: Int
    /// Abstentions.
    public var abstentions: Int

    /// Creates a vote.
    public init(subject: String, votesFor: Int, votesAgainst: Int, abstentions: Int) {
        self.subject = subject
        self.votesFor = votesFor
        self.votesAgainst = votesAgainst
        self.abstentions = abstentions
    }
}

/// A meeting's report on a task assigned by a document.
public struct TaskReport: Sendable, Hashable, Codable {
    /// How far the task has come.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case done
        case inProgress = "in-progress"
        case notStarted = "not-started"
        case cancelled
    }

    /// The task reported on.
    public var taskID: String
    /// Its status as reported.
    public var status: Status
    /// What was said, if written.
    public var note: String?

    /// Creates a task report.
    public init(taskID: String, status: Status, note: String? = nil) {
        self.taskID = taskID
        self.status = status
        self.note = note
    }
}

/// The quality rating of a meeting.
public struct Rating: Sendable, Hashable, Codable {
    /// Who rated: the cell itself, or the committee above it (`domain.md`, "Who rates").
    public enum Rater: String, Sendable, Hashable, Codable, CaseIterable {
        /// The cell's self-assessment (chi bộ tự đánh giá).
        case cell
        /// The committee's rating (đảng ủy xếp loại).
        case committee
    }

    /// Which rating a summary or board counts for a meeting.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// The committee's rating where it exists, else the cell's: the default.
        case committeeFirst = "committee-first"
        /// The cell's self-assessment only.
        case cell
    }

    /// The rating level.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        /// Tốt.
        case good
        /// Khá.
        case fair
        /// Trung bình.
        case average
        /// Kém.
        case weak
    }

    /// The level.
    public var level: Level
    /// The score on the 100-point rubric, if recorded.
    public var score: Int?
    /// The assessment, if written.
    public var note: String?

    /// Creates a rating.
    public init(level: Level, score: Int? = nil, note: String? = nil) {
        self.level = level
        self.score = score
        self.note = note
    }
}

/// A file attached to a meeting or document; its content is stored once per SHA-256.
public struct Attachment: Sendable, Hashable, Codable {
    /// The file name, e.g. `bien-ban-2023-01.pdf`.
    public var name: String
    /// The media type, e.g. `application/pdf`.
    public var mediaType: String
    /// The lowercase hex SHA-256 of `content`.
    public var sha256: String
    /// The bytes.
    public var content: Data

    /// Creates an attachment.
    public init(name: String, mediaType: String, sha256: String, content: Data) {
        self.name = name
        self.mediaType = mediaType
        self.sha256 = sha256
        self.content = content
    }
}

extension Meeting {
    /// The rating a summary counts under `basis`: by default the committee's where it exists,
    /// else the cell's own.
    public func rating(counted basis: Rating.Basis) -> Rating? {
        switch basis {
        case .committeeFirst: committeeRating ?? rating
        case .cell: rating
        }
    }

    /// The rating given by `rater`.
    public func rating(by rater: Rating.Rater) -> Rating? {
        switch rater {
        case .cell: rating
        case .committee: committeeRating
        }
    }
}

extension Meeting.Kind {
    /// The kinds whose minutes, on one day of one cell, would record the same sitting as
    /// minutes of this kind: the kind itself, and for a combined meeting its two halves (and
    /// the combined meeting for either half). Two such records are one meeting recorded twice
    /// (issue 11, item 1), which filing, correcting and importing refuse.
    public var sameSittingKinds: [Meeting.Kind] {
        switch self {
        case .regular, .thematic: [self, .combined]
        case .combined: [.combined, .regular, .thematic]
        case .extraordinary: [.extraordinary]
        }
    }
}
