/// An event of the member register, or the setting up of a committee, cell or term, that the
/// rules refuse (`MemberRules`; `domain.md`, "Members"). Worded once in
/// `RegisterRefusal.vietnameseDescription`.
///
/// A `member` is the member's full name: these sentences are read by people, who know
/// members by name, not by identifier.
public enum RegisterRefusal: Sendable, Equatable {
    /// A date after today: events are recorded once they have happened.
    case futureDate(LocalDate, today: LocalDate)
    /// A member's name that is empty after trimming.
    case emptyName
    /// The name of a new committee or cell (`kind`) that is empty after trimming.
    case emptyUnitName(RecordKind)
    /// An identifier that is empty or holds characters other than letters, digits, `-`, `.`
    /// and `_`.
    case invalidIdentifier(String)
    /// A cell's issuer code that is not 1 to 10 letters (as typed).
    case invalidIssuerCode(String)
    /// An identifier longer than `maximum` characters (`length` as given).
    case identifierTooLong(length: Int, maximum: Int)
    /// The identifier is already that of another record (of `kind`).
    case identifierTaken(String, kind: RecordKind)
    /// A year of birth before 1900.
    case implausibleBirthYear(Int)
    /// A year of birth after the current year (`thisYear`): not yet come.
    case birthYearInFuture(Int, thisYear: Int)
    /// A year of birth that makes the member younger than the age of admission on the day
    /// admitted: the Party statute (Điều lệ Đảng, Article 1) admits from 18, checked with two
    /// years' room for a mistyped date (`MemberRules.youngestAge`); `domain.md` is silent.
    case tooYoungAtAdmission(birthYear: Int, admissionYear: Int)
    /// Entering a member whose name and year of birth are those of a member still in the
    /// cell (`member`, `birthYear`): the same person, entered twice.
    case alreadyInCell(member: String, birthYear: Int)
    /// Opening a term whose identifier the cell already has as a term.
    case termTaken(String)
    /// A member joining the cell before being admitted to the Party.
    case joinedBeforeAdmission(joined: LocalDate, admitted: LocalDate)
    /// Confirmed before the 12 months of probation were over (`earliest` is the first day).
    case probationNotOver(member: String, date: LocalDate, earliest: LocalDate)
    /// Confirming a member who is official already (since `since`).
    case alreadyOfficial(member: String, since: LocalDate)
    /// An event dated before the member was in the cell (`start` is the first day).
    case beforeMembership(member: String, date: LocalDate, start: LocalDate)
    /// An event dated on or after the day the member left the cell.
    case afterLeaving(member: String, date: LocalDate, left: LocalDate)
    /// Recording a member's leaving twice.
    case alreadyLeft(member: String, left: LocalDate)
    /// Discarding a member (entered by mistake) whom records still name: `referrers` are
    /// their identifiers (minutes, documents).
    case memberStillNamed(member: String, referrers: [String])
    /// A period whose end comes before its start.
    case endBeforeStart(from: LocalDate, to: LocalDate)
    /// An exemption without a reason, or a concurrent post without a title.
    case missingText(field: String)
    /// A new exemption overlapping one already recorded (from `from`).
    case exemptionOverlaps(member: String, from: LocalDate)
    /// Ending an exemption when none is open-ended.
    case noOpenExemption(member: String)
    /// The cell has a secretary over the dates asked (`holder` is the member's name).
    case secretaryTaken(cellID: String, holder: String, from: LocalDate)
    /// The member already holds this office over the dates asked.
    case officeAlreadyHeld(member: String, title: Role.Title)
    /// Leaving an office the member does not hold open-ended.
    case officeNotHeld(member: String, title: Role.Title)
    /// A member list that cannot be loaded as a whole: its problems, by row. Nothing loaded.
    case listRefused([MemberList.Problem])
    /// A term overlapping one the cell has (`termID`).
    case termOverlaps(cellID: String, termID: String)
    /// A report number that is not 1 to 4 digits (as given).
    case invalidReportNumber(String)
    /// A field of a report longer than `maximum` characters.
    case textTooLong(field: String, maximum: Int)
    /// More recipients than a report lists (`maximum`).
    case tooManyRecipients(maximum: Int)
}
