/// The lifecycle of minutes and documents as pure functions over model values (`domain.md`,
/// "Biên bản và văn bản": minutes are read back and adopted, documents are numbered in the
/// term in force on their date). Every store calls these inside its own transaction.
public enum LifecycleRules {
    /// Minutes read back and adopted: draft → approved.
    ///
    /// - throws: `ArchiveError.lifecycle(.alreadyApproved)` unless the minutes are a draft.
    public static func approved(_ meeting: Meeting) throws -> Meeting {
        guard meeting.status == .draft else { throw ArchiveError.lifecycle(.alreadyApproved(meetingID: meeting.id)) }
        var approved = meeting
        approved.status = .approved
        return approved
    }

    /// The term a draft document is numbered in: the cell's term in force on its date.
    ///
    /// - throws: `ArchiveError.lifecycle(.notADraft)` for a document past draft;
    ///   `.lifecycle(.noTermOnDate)` when the cell had no term that day.
    public static func numberingTerm(of document: Document, cell: Cell) throws -> Term {
        guard document.status == .draft else {
            throw ArchiveError.lifecycle(.notADraft(documentID: document.id, status: document.status))
        }
        guard let term = cell.term(on: document.date) else {
            throw ArchiveError.lifecycle(.noTermOnDate(cellID: document.cellID, date: document.date))
        }
        return term
    }

    /// A correction's new date for `document`, numbered in a term: the term in force on that
    /// date must be the number's (the cell's latest term begun by then, as at issue), since
    /// documents are numbered per type within a term (`domain.md`, "Documents").
    ///
    /// - throws: `ArchiveError.lifecycle(.correctionLeavesTerm)` when it is another term's or
    ///   none.
    public static func checkCorrectedDate(_ date: LocalDate, of document: Document, cell: Cell) throws {
        guard let termID = document.termID, document.number != nil else { return }
        if cell.term(on: date)?.id != termID {
            throw ArchiveError.lifecycle(.correctionLeavesTerm(termID: termID, date: date))
        }
    }

    /// A draft document issued with `number` in `term`: draft → issued.
    public static func issued(_ document: Document, number: Int, term: Term) -> Document {
        var issued = document
        issued.termID = term.id
        issued.number = number
        issued.status = .issued
        return issued
    }

    /// The next free number after the highest one issued in a (cell, type, term): numbers
    /// start at 1 and never pass `Document.maximumNumber`.
    ///
    /// - throws: `ArchiveError.numberingExhausted` when the sequence has no number left.
    public static func nextNumber(
        after highest: Int?, cellID: String, kind: Document.Kind, termID: String?
    ) throws
        -> Int
    {
        guard let next = (highest ?? 0).successor, next <= Document.maximumNumber else {
            throw ArchiveError.numberingExhausted(cellID: cellID, kind: kind, termID: termID, highest: highest ?? 0)
        }
        return next
    }
}

/// A document just issued, with the symbol it is known by ("25-NQ/CB").
public struct IssuedDocument: Sendable, Hashable {
    public var document: Document
    /// The number and type over the issuer's code, as printed and cited.
    public var symbol: String

    /// Creates the value.
    public init(document: Document, symbol: String) {
        self.document = document
        self.symbol = symbol
    }
}
