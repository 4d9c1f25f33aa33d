/// When a filled form may replace the record it names (issue 11, item 1: what a secretary
/// files is never duplicated or silently overwritten). A form carries its record's code once
/// filed, so a form of last month used again for this month, or a code mistyped, would
/// otherwise replace another meeting's draft or make a second record of the same meeting.
/// Pure functions over the form's record and what the archive holds; the store asks them
/// inside the filing transaction.
public enum FilingRules {
    /// Why a form may not be filed as it is. Nothing is written.
    public enum Mismatch: Error, Sendable, Hashable {
        /// The form names a record of another cell (its code was copied from that cell's form).
        case otherCell(id: String, kind: RecordKind, recordCell: String, formCell: String)
        /// The form names draft minutes of another month: most often the form of an earlier
        /// meeting filled again for a new one.
        case otherMonth(id: String, recordDate: LocalDate, formDate: LocalDate)
        /// The form names minutes the archive does not hold, while the cell already has minutes
        /// of the same day and kind: the code was mistyped.
        case unknownCodeSameMeeting(id: String, existing: String, date: LocalDate)
        /// A document form without a code, while the cell has a draft of the same type, day and
        /// meeting under another title: most often the same document with its title corrected.
        case sameDocumentDraft(existing: String, title: String, kind: Document.Kind, date: LocalDate)
        /// A minutes form without a code, while the cell has draft minutes of the same day under
        /// another kind: most often the same minutes with their kind corrected.
        case sameDayDraftOfOtherKind(existing: String, kind: Meeting.Kind, date: LocalDate)
        /// Minutes whose day and kind are those of other minutes of the cell (a combined
        /// meeting holds the regular and the thematic one of its day): one sitting recorded twice.
        case sameSitting(id: String, existing: String, kind: Meeting.Kind, date: LocalDate)
    }

    /// Whether minutes read from a form may replace `stored`, the record of the code it names
    /// (nil when the archive holds none).
    ///
    /// - parameters:
    ///   - namedInForm: whether the form itself carried the code (not one worked out from the
    ///     cell, day and kind).
    ///   - sameMeeting: the codes of the cell's minutes of the same day and kind.
    ///   - cellName: the name of a cell by its code, for the sentence.
    /// - returns: the mismatch, or nil when the form may be filed.
    public static func check(
        _ meeting: Meeting, stored: Meeting?, namedInForm: Bool, sameMeeting: [String],
        cellName: (String) -> String
    ) -> Mismatch? {
        if let stored {
            if stored.cellID != meeting.cellID {
                return .otherCell(
                    id: stored.id, kind: .meeting, recordCell: cellName(stored.cellID),
                    formCell: cellName(meeting.cellID))
            }
            if stored.date.year != meeting.date.year || stored.date.month != meeting.date.month {
                return .otherMonth(id: stored.id, recordDate: stored.date, formDate: meeting.date)
            }
            return nil
        }
        if namedInForm, let existing = sameMeeting.first(where: { $0 != meeting.id }) {
            return .unknownCodeSameMeeting(id: meeting.id, existing: existing, date: meeting.date)
        }
        return nil
    }

    /// Whether a document read from a form may be filed.
    ///
    /// - parameters:
    ///   - stored: the document of the code the form names, if the archive holds it.
    ///   - namedInForm: whether the form itself carried the code.
    ///   - sameDayDrafts: the cell's drafts of the same type and day adopted at the same
    ///     meeting (or at none, like the form's), other than `document` itself, with titles.
    /// - returns: the mismatch, or nil when the form may be filed.
    public static func check(
        _ document: Document, stored: Document?, namedInForm: Bool, sameDayDrafts: [(id: String, title: String)],
        cellName: (String) -> String
    ) -> Mismatch? {
        if let stored, stored.cellID != document.cellID {
            return .otherCell(
                id: stored.id, kind: .document, recordCell: cellName(stored.cellID),
                formCell: cellName(document.cellID))
        }
        if stored == nil, !namedInForm, let draft = sameDayDrafts.first(where: { $0.id != document.id }) {
            return .sameDocumentDraft(existing: draft.id, title: draft.title, kind: document.kind, date: document.date)
        }
        return nil
    }
}
