/// What the commune office writes into its report itself, kept in the archive with the
/// report (one per committee and period) and edited in the web app: the number it gives the
/// report, the place and date line, the three sections of judgement that no count can write
/// (ưu điểm, hạn chế, phương hướng), the signer and the recipients (issue 13, item 5).
///
/// Empty fields print as dotted lines to fill by hand, so a report can be printed before a
/// word of it is written.
///
/// ```swift
/// var text = ReportText.defaults(for: Organization(id: "dbx-hop-thanh", name: "Đảng bộ xã Hợp Thành"))
/// text.place          // "Hợp Thành"
/// text.number = "25"  // printed "Số 25-BC/ĐU"
/// ```
public struct ReportText: Sendable, Hashable, Codable {
    /// The report's number in the committee's BC sequence ("25"); empty leaves a blank.
    public var number: String
    /// The place name of the date line ("Hợp Thành").
    public var place: String
    /// The day of the date line; `nil` prints the day the report is printed.
    public var date: LocalDate?
    /// Ưu điểm: what went well, as the office judges it. Paragraphs split at line breaks.
    public var strengths: String
    /// Hạn chế: what fell short, and why.
    public var shortcomings: String
    /// Phương hướng, nhiệm vụ: what the committee asks of its cells next.
    public var directions: String
    /// Who signs for the committee.
    public var signerTitle: SignerTitle
    /// The signer's full name; empty leaves the space for a handwritten name.
    public var signerName: String
    /// "Nơi nhận", one recipient per line ("Ban Tổ chức Tỉnh ủy (để b/c)"); the last line is
    /// the committee's own file copy.
    public var recipients: [String]

    /// Who signs a committee's report for it: the secretary or a deputy ("KT. BÍ THƯ / PHÓ BÍ
    /// THƯ"), the way Party documents write it.
    public enum SignerTitle: String, Sendable, Hashable, Codable, CaseIterable {
        case secretary
        case deputySecretary = "deputy-secretary"

        /// The lines over the signature: ["T/M ĐẢNG ỦY", "BÍ THƯ"] or ["T/M ĐẢNG ỦY", "KT. BÍ THƯ", "PHÓ BÍ THƯ"].
        public var signatureLines: [String] {
            switch self {
            case .secretary: ["T/M ĐẢNG ỦY", "BÍ THƯ"]
            case .deputySecretary: ["T/M ĐẢNG ỦY", "KT. BÍ THƯ", "PHÓ BÍ THƯ"]
            }
        }

        /// "Bí thư", "Phó Bí thư": how a form names the choice.
        public var vietnameseName: String {
            switch self {
            case .secretary: "Bí thư"
            case .deputySecretary: "Phó Bí thư"
            }
        }
    }

    /// The longest a section may be, in characters: several pages, far past any real report,
    /// short enough that a pasted file is refused rather than printed as a hundred pages.
    public static let maximumSectionLength = 20_000
    /// The most recipients a report lists.
    public static let maximumRecipients = 20

    /// Creates a text.
    public init(
        number: String = "", place: String, date: LocalDate? = nil, strengths: String = "",
        shortcomings: String = "", directions: String = "", signerTitle: SignerTitle = .secretary,
        signerName: String = "", recipients: [String]
    ) {
        self.number = number
        self.place = place
        self.date = date
        self.strengths = strengths
        self.shortcomings = shortcomings
        self.directions = directions
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.recipients = recipients
    }

    /// What a report prints before the office has written anything: the place taken from the
    /// committee's name, the province committee's organization department and the committee's
    /// own file as recipients, every section blank.
    public static func defaults(for organization: Organization) -> ReportText {
        ReportText(
            place: PartyNames.placeName(organization.name),
            recipients: ["Ban Tổ chức Tỉnh ủy (để báo cáo)", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"])
    }

    /// The text as it will be stored: every field cleaned the way every input is (NFC, no
    /// invisible characters, Đ look-alikes folded, line ends as `\n`), blank recipient lines
    /// dropped.
    ///
    /// - throws: `ArchiveError.register` with `.invalidReportNumber` for a number that is not
    ///   1 to 4 digits, `.textTooLong` for a section over `maximumSectionLength` or more than
    ///   `maximumRecipients` recipients, `.missingText` for an empty place.
    public func validated() throws -> ReportText {
        func paragraphs(_ text: String, field: String) throws -> String {
            let lines = TextNormalization.cleaned(text).replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { TextNormalization.trimmed(String($0)) }
            let joined = TextNormalization.trimmed(lines.joined(separator: "\n"))
            guard joined.count <= Self.maximumSectionLength else {
                throw ArchiveError.register(.textTooLong(field: field, maximum: Self.maximumSectionLength))
            }
            return joined
        }
        var text = self
        text.number = TextNormalization.collapsed(number)
        let digits = text.number.count <= 4 && text.number.allSatisfy { $0.isASCII && $0.isNumber }
        guard text.number.isEmpty || (digits && Int(text.number)! > 0) else {
            throw ArchiveError.register(.invalidReportNumber(text.number))
        }
        text.place = TextNormalization.collapsed(place)
        guard !text.place.isEmpty else { throw ArchiveError.register(.missingText(field: "Địa danh")) }
        guard text.place.count <= 100 else {
            throw ArchiveError.register(.textTooLong(field: "Địa danh", maximum: 100))
        }
        text.strengths = try paragraphs(strengths, field: "Ưu điểm")
        text.shortcomings = try paragraphs(shortcomings, field: "Hạn chế")
        text.directions = try paragraphs(directions, field: "Phương hướng, nhiệm vụ")
        text.signerName = TextNormalization.collapsed(signerName)
        guard text.signerName.count <= 100 else {
            throw ArchiveError.register(.textTooLong(field: "Người ký", maximum: 100))
        }
        text.recipients = recipients.map(TextNormalization.collapsed).filter { !$0.isEmpty }
        guard text.recipients.count <= Self.maximumRecipients, text.recipients.allSatisfy({ $0.count <= 200 }) else {
            throw ArchiveError.register(.tooManyRecipients(maximum: Self.maximumRecipients))
        }
        return text
    }
}

/// A committee's report text as an archive file carries it (format v1's optional `<report>`
/// inside `<organization>`): the period it reports on (`SummaryPeriod.key`: "2024",
/// "2024-Q3", "2024-09"), what the office wrote, and who saved it when, so that an XML backup
/// restores the office's words as they were.
public struct SavedReportText: Sendable, Hashable {
    /// The period, as `SummaryPeriod.key` writes it.
    public var period: String
    /// What the office wrote.
    public var text: ReportText
    /// Who saved it last (an account's name, or `--by`).
    public var savedBy: String
    /// When, ISO 8601 UTC to the second.
    public var savedAt: String

    /// Creates the value from each of its stored properties.
    public init(period: String, text: ReportText, savedBy: String, savedAt: String) {
        self.period = period
        self.text = text
        self.savedBy = savedBy
        self.savedAt = savedAt
    }

    /// Whether `period` is a period key ("2024", "2024-Q1"…"2024-Q4", "2024-01"…"2024-12").
    public static func isPeriodKey(_ period: String) -> Bool {
        period.wholeMatch(of: #/[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?/#) != nil
    }
}
