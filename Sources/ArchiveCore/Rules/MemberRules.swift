/// The rules of the member register as pure functions over model values (`domain.md`,
/// "Members"): each takes a member (and its cell where the rule needs the others) and returns
/// the member after the event, or throws `ArchiveError.register(…)` and changes nothing.
/// Stores call them inside their own transaction.
///
/// Dates: no event after `today`; none before the member was in the cell (`membershipStart`)
/// nor on or after the day the member left (`leftCell`).
public enum MemberRules {
    /// The length of probation: "probationary (dự bị, the 12 months after admission)".
    public static let probationMonths = 12
    /// The youngest age at admission the register accepts for a year of birth (Party
    /// statute: 18; 16 leaves room for a mistyped year without refusing a true one).
    static let youngestAge = 16

    /// The first day a member admitted on `admitted` may be confirmed: the same day 12 months
    /// later (28 February for an admission on 29 February).
    public static func endOfProbation(admitted: LocalDate) -> LocalDate {
        let year = admitted.year + probationMonths / 12
        let day = min(admitted.day, LocalDate.daysIn(month: admitted.month, year: year))
        return LocalDate(year: year, month: admitted.month, day: day)!
    }

    /// The first day the member is in the cell: the day joined, or the admission.
    public static func membershipStart(of member: Member) -> LocalDate {
        max(member.joinedCell ?? member.admitted, member.admitted)
    }

    /// The identifier of a new member of `cellID`: `CELL-dv-NN`, the lowest number from 01
    /// that no record holds (`isTaken` says whether one does).
    public static func newMemberID(cellID: String, isTaken: (String) throws -> Bool) rethrows -> String {
        var number = 1
        while true {
            let id = cellID + "-dv-" + (number < 10 ? "0\(number)" : "\(number)")
            if try !isTaken(id) { return id }
            number += 1
        }
    }

    /// Whether `id` can name a record: 1 to 64 ASCII letters, digits, `-`, `.` or `_`.
    public static func isValidIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.count <= longestIdentifier
            && id.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789-._".unicodeScalars.contains($0))
            }
    }

    /// The default issuer code of a cell, printed after the type in a symbol (`05-NQ/CB`).
    public static let defaultIssuerCode = "CB"
    /// The longest issuer code accepted, in letters.
    public static let maximumIssuerCodeLength = 10

    /// Whether `code` can be a cell's issuer code (`domain.md`, "Documents": "`CB` is the
    /// issuer code of a cell (ĐU: đảng ủy)"): 1 to 10 letters, Vietnamese ones included (Đ,
    /// Ư…), nothing else — no digits, spaces, `/` or markup. Checked where a cell is created
    /// (`createCell`) and where an import brings a new cell or a new code.
    public static func isValidIssuerCode(_ code: String) -> Bool {
        let code = TextNormalization.nfc(code)
        return (1...maximumIssuerCodeLength).contains(code.count) && code.allSatisfy(\.isLetter)
    }

    /// The issuer code of a new cell as typed: trimmed, NFC, in capitals; empty gives `CB`.
    ///
    /// ```swift
    /// try MemberRules.issuerCode(" đu ")   // "ĐU"
    /// try MemberRules.issuerCode("")       // "CB"
    /// ```
    ///
    /// - throws: `ArchiveError.register(.invalidIssuerCode)` for anything but 1 to 10 letters.
    public static func issuerCode(_ typed: String) throws -> String {
        let code = TextNormalization.nfc(TextNormalization.trimmed(typed)).uppercased()
        if code.isEmpty { return defaultIssuerCode }
        guard isValidIssuerCode(code) else { throw ArchiveError.register(.invalidIssuerCode(typed)) }
        return code
    }

    /// The members still in `cell` (not left) whose full name is `name`, compared with their
    /// marks (`VietnameseText.comparable`: case and tone placement aside), except `exceptID`:
    /// the same person entered twice, or a namesake (`domain.md`, "Members").
    public static func namesakes(of name: String, in cell: Cell, except exceptID: String? = nil) -> [Member] {
        let wanted = VietnameseText.comparable(TextNormalization.collapsed(name))
        return cell.members.filter { member in
            member.id != exceptID && member.leftCell == nil
                && VietnameseText.comparable(member.fullName) == wanted
        }
    }

    /// Refuses entering `newMember` in `cell` when a member still in it has the same name and
    /// the same year of birth: the same person, entered twice. A namesake with another year,
    /// or without one on either side, is accepted (`namesakes` finds them for a warning).
    ///
    /// - throws: `.alreadyInCell` naming the member already there.
    public static func checkNotInCell(_ newMember: NewMember, cell: Cell) throws {
        guard let year = newMember.birthYear else { return }
        if let same = namesakes(of: newMember.fullName, in: cell).first(where: { $0.birthYear == year }) {
            throw ArchiveError.register(.alreadyInCell(member: same.fullName, birthYear: year))
        }
    }

    /// The warning line after entering a member who has namesakes still in the cell, or nil:
    /// "Chi bộ đã có đồng chí Lò Thị Hoa (sinh năm 1975) — nếu là người khác, không sao."
    public static func namesakeWarning(_ namesakes: [Member]) -> String? {
        guard !namesakes.isEmpty else { return nil }
        let names = namesakes.map { member in
            "đồng chí \(member.fullName)" + (member.birthYear.map { " (sinh năm \($0))" } ?? "")
        }
        return "Chi bộ đã có \(names.joined(separator: ", ")) — nếu là người khác, không sao; "
            + "nếu là cùng một người được ghi hai lần, hãy xóa tên bản ghi thừa."
    }

    /// The longest identifier a record can have.
    public static let longestIdentifier = 64

    /// Throws unless `id` can name a record (`isValidIdentifier`), saying which rule it breaks.
    ///
    /// - throws: `.identifierTooLong` (more than `longestIdentifier` characters), else
    ///   `.invalidIdentifier`.
    public static func checkIdentifier(_ id: String) throws {
        if id.count > longestIdentifier {
            throw ArchiveError.register(.identifierTooLong(length: id.count, maximum: longestIdentifier))
        }
        guard isValidIdentifier(id) else { throw ArchiveError.register(.invalidIdentifier(id)) }
    }

    /// A member entering the register under `id` (admitted, transferred in, attached).
    ///
    /// - throws: `.emptyName`, `.futureDate`, `.implausibleBirthYear`, `.birthYearInFuture`,
    ///   `.tooYoungAtAdmission`, `.joinedBeforeAdmission`, `.probationNotOver` (an official member confirmed less than
    ///   12 months after admission).
    public static func entering(_ newMember: NewMember, id: String, temporary: Bool, today: LocalDate) throws -> Member
    {
        let name = TextNormalization.collapsed(newMember.fullName)
        guard !name.isEmpty else { throw ArchiveError.register(.emptyName) }
        try notFuture(newMember.admitted, today: today)
        if let joined = newMember.joinedCell {
            try notFuture(joined, today: today)
            if joined < newMember.admitted {
                throw ArchiveError.register(.joinedBeforeAdmission(joined: joined, admitted: newMember.admitted))
            }
        }
        if let year = newMember.birthYear {
            if year < 1900 { throw ArchiveError.register(.implausibleBirthYear(year)) }
            if year > today.year { throw ArchiveError.register(.birthYearInFuture(year, thisYear: today.year)) }
            if year > newMember.admitted.year - youngestAge {
                throw ArchiveError.register(
                    .tooYoungAtAdmission(birthYear: year, admissionYear: newMember.admitted.year))
            }
        }
        if let confirmed = newMember.confirmed {
            try notFuture(confirmed, today: today)
            let earliest = endOfProbation(admitted: newMember.admitted)
            if confirmed < earliest {
                throw ArchiveError.register(.probationNotOver(member: name, date: confirmed, earliest: earliest))
            }
        }
        return Member(
            id: id, fullName: name, birthYear: newMember.birthYear, admitted: newMember.admitted,
            confirmed: newMember.confirmed, joinedCell: newMember.joinedCell ?? newMember.admitted,
            temporary: temporary)
    }

    /// The member confirmed as official on `date`.
    ///
    /// - throws: `.alreadyOfficial`, `.futureDate`, `.afterLeaving`, `.probationNotOver`
    ///   (before 12 months from admission).
    public static func confirmed(_ member: Member, on date: LocalDate, today: LocalDate) throws -> Member {
        if let since = member.confirmed {
            throw ArchiveError.register(.alreadyOfficial(member: member.fullName, since: since))
        }
        try notFuture(date, today: today)
        try beforeLeaving(member, date)
        let earliest = endOfProbation(admitted: member.admitted)
        if date < earliest {
            throw ArchiveError.register(.probationNotOver(member: member.fullName, date: date, earliest: earliest))
        }
        var changed = member
        changed.confirmed = date
        return changed
    }

    /// The member exempt from activity over `exemption`, which must fall inside the member's
    /// time in the cell and overlap no other exemption. A future end (`to`) is allowed: the
    /// cell decides the period ahead; its start is not.
    ///
    /// - throws: `.missingText`, `.futureDate`, `.endBeforeStart`, `.beforeMembership`,
    ///   `.afterLeaving`, `.exemptionOverlaps`.
    public static func exempted(_ member: Member, _ exemption: Exemption, today: LocalDate) throws -> Member {
        let reason = TextNormalization.collapsed(exemption.reason)
        guard !reason.isEmpty else { throw ArchiveError.register(.missingText(field: "Lý do")) }
        try notFuture(exemption.from, today: today)
        if let to = exemption.to, to < exemption.from {
            throw ArchiveError.register(.endBeforeStart(from: exemption.from, to: to))
        }
        try inMembership(member, exemption.from)
        if let left = member.leftCell, let to = exemption.to, to >= left {
            throw ArchiveError.register(.afterLeaving(member: member.fullName, date: to, left: left))
        }
        for other in member.exemptions where overlaps(other.from, other.to, exemption.from, exemption.to) {
            throw ArchiveError.register(.exemptionOverlaps(member: member.fullName, from: other.from))
        }
        var changed = member
        changed.exemptions.append(Exemption(from: exemption.from, to: exemption.to, reason: reason))
        return changed
    }

    /// The member's open-ended exemption ended: `date` is its last day.
    ///
    /// - throws: `.noOpenExemption`, `.futureDate`, `.endBeforeStart`, `.afterLeaving`.
    public static func exemptionEnded(_ member: Member, on date: LocalDate, today: LocalDate) throws -> Member {
        guard let index = member.exemptions.lastIndex(where: { $0.to == nil }) else {
            throw ArchiveError.register(.noOpenExemption(member: member.fullName))
        }
        try notFuture(date, today: today)
        try beforeLeaving(member, date)
        let from = member.exemptions[index].from
        if date < from { throw ArchiveError.register(.endBeforeStart(from: from, to: date)) }
        var changed = member
        changed.exemptions[index].to = date
        return changed
    }

    /// The member gone from the cell from `date` on, for `reason`. Offices, posts and an
    /// exemption still open end the day before.
    ///
    /// - throws: `.alreadyLeft`, `.futureDate`, `.beforeMembership` (on or before the first
    ///   day in the cell).
    public static func left(
        _ member: Member, on date: LocalDate, reason: Member.LeaveReason, today: LocalDate
    ) throws
        -> Member
    {
        if let left = member.leftCell { throw ArchiveError.register(.alreadyLeft(member: member.fullName, left: left)) }
        try notFuture(date, today: today)
        let start = membershipStart(of: member)
        if date <= start {
            throw ArchiveError.register(.beforeMembership(member: member.fullName, date: date, start: start))
        }
        let lastDay = date.previousDay
        var changed = member
        changed.leftCell = date
        changed.leaveReason = reason
        for index in changed.roles.indices where changed.roles[index].to.map({ $0 >= date }) ?? true {
            changed.roles[index].to = max(lastDay, changed.roles[index].from)
        }
        for index in changed.concurrentPosts.indices where changed.concurrentPosts[index].to.map({ $0 >= date }) ?? true
        {
            changed.concurrentPosts[index].to = max(lastDay, changed.concurrentPosts[index].from)
        }
        for index in changed.exemptions.indices where changed.exemptions[index].to.map({ $0 >= date }) ?? true {
            changed.exemptions[index].to = max(lastDay, changed.exemptions[index].from)
        }
        return changed
    }

    /// The member in office `role` from its first day. A cell has one secretary at a time:
    /// another member's secretary office over the same days is refused, as is the same
    /// office held twice at once.
    ///
    /// - parameters:
    ///   - cell: the member's cell with all its members (the member among them or not).
    /// - throws: `.futureDate`, `.endBeforeStart`, `.beforeMembership`, `.afterLeaving`,
    ///   `.officeAlreadyHeld`, `.secretaryTaken`.
    public static func tookOffice(_ member: Member, _ role: Role, in cell: Cell, today: LocalDate) throws -> Member {
        try notFuture(role.from, today: today)
        if let to = role.to, to < role.from { throw ArchiveError.register(.endBeforeStart(from: role.from, to: to)) }
        try inMembership(member, role.from)
        if let left = member.leftCell, let to = role.to, to >= left {
            throw ArchiveError.register(.afterLeaving(member: member.fullName, date: to, left: left))
        }
        for held in member.roles where held.title == role.title && overlaps(held.from, held.to, role.from, role.to) {
            throw ArchiveError.register(.officeAlreadyHeld(member: member.fullName, title: role.title))
        }
        if role.title == .secretary {
            for other in cell.members where other.id != member.id {
                for held in other.roles
                where held.title == .secretary && overlaps(held.from, held.to, role.from, role.to) {
                    throw ArchiveError.register(
                        .secretaryTaken(cellID: cell.id, holder: other.fullName, from: held.from))
                }
            }
        }
        var changed = member
        changed.roles.append(role)
        return changed
    }

    /// The member out of office `title`, `date` being the last day in it.
    ///
    /// - throws: `.officeNotHeld` (no open-ended office of that title), `.futureDate`,
    ///   `.endBeforeStart`, `.afterLeaving`.
    public static func leftOffice(
        _ member: Member, title: Role.Title, on date: LocalDate, today: LocalDate
    ) throws
        -> Member
    {
        guard let index = member.roles.lastIndex(where: { $0.title == title && $0.to == nil }) else {
            throw ArchiveError.register(.officeNotHeld(member: member.fullName, title: title))
        }
        try notFuture(date, today: today)
        try beforeLeaving(member, date)
        let from = member.roles[index].from
        if date < from { throw ArchiveError.register(.endBeforeStart(from: from, to: date)) }
        var changed = member
        changed.roles[index].to = date
        return changed
    }

    /// The member with a concurrent post (kiêm nhiệm).
    ///
    /// - throws: `.missingText`, `.futureDate`, `.endBeforeStart`, `.beforeMembership`,
    ///   `.afterLeaving`.
    public static func withPost(_ member: Member, _ post: ConcurrentPost, today: LocalDate) throws -> Member {
        let title = TextNormalization.collapsed(post.title)
        guard !title.isEmpty else { throw ArchiveError.register(.missingText(field: "Chức vụ kiêm nhiệm")) }
        try notFuture(post.from, today: today)
        if let to = post.to, to < post.from { throw ArchiveError.register(.endBeforeStart(from: post.from, to: to)) }
        try inMembership(member, post.from)
        var changed = member
        changed.concurrentPosts.append(ConcurrentPost(title: title, from: post.from, to: post.to))
        return changed
    }

    /// A term the cell can open: inside no other of its terms.
    ///
    /// - throws: `.invalidIdentifier`, `.identifierTooLong`, `.termTaken` (the cell has a
    ///   term of this identifier), `.endBeforeStart`, `.termOverlaps`.
    public static func checkNewTerm(_ term: Term, of cell: Cell) throws {
        try checkIdentifier(term.id)
        if cell.terms.contains(where: { $0.id == term.id }) {
            throw ArchiveError.register(.termTaken(term.id))
        }
        if let end = term.end, end < term.start {
            throw ArchiveError.register(.endBeforeStart(from: term.start, to: end))
        }
        for other in cell.terms where overlaps(other.start, other.end, term.start, term.end) {
            throw ArchiveError.register(.termOverlaps(cellID: cell.id, termID: other.id))
        }
    }

    // MARK: Dates

    private static func notFuture(_ date: LocalDate, today: LocalDate) throws {
        if date > today { throw ArchiveError.register(.futureDate(date, today: today)) }
    }

    private static func beforeLeaving(_ member: Member, _ date: LocalDate) throws {
        if let left = member.leftCell, date >= left {
            throw ArchiveError.register(.afterLeaving(member: member.fullName, date: date, left: left))
        }
    }

    private static func inMembership(_ member: Member, _ date: LocalDate) throws {
        let start = membershipStart(of: member)
        if date < start {
            throw ArchiveError.register(.beforeMembership(member: member.fullName, date: date, start: start))
        }
        try beforeLeaving(member, date)
    }

    /// Whether two periods (an end of nil: still running) share a day.
    static func overlaps(_ from1: LocalDate, _ to1: LocalDate?, _ from2: LocalDate, _ to2: LocalDate?) -> Bool {
        (to2.map { from1 <= $0 } ?? true) && (to1.map { from2 <= $0 } ?? true)
    }
}

extension LocalDate {
    /// The day before.
    public var previousDay: LocalDate {
        if day > 1 { return LocalDate(year: year, month: month, day: day - 1)! }
        if month > 1 {
            return LocalDate(year: year, month: month - 1, day: LocalDate.daysIn(month: month - 1, year: year))!
        }
        return LocalDate(year: year - 1, month: 12, day: 31)!
    }
}
