import LibXML

/// Why an import refuses a file or one of its records: the typed problems of the record
/// checks (`ImportChecks`), of the identifiers a file claims, of its carried audit log, and of
/// the file as libxml2 read it. Worded once, in `ImportRefusal.vietnameseDescription`; the
/// store places each at its file, line and column (`ImportProblem`).
package enum ImportRefusal: Sendable, Hashable {
    // MARK: The file

    /// The environment variable `SOCHIBO_ATTACHMENT_LIMIT_BYTES` is set to something that is not
    /// a positive number of bytes (`value` as set): nothing is imported under a limit the
    /// person did not mean.
    case attachmentLimitSetting(value: String)
    /// The file could not be opened; `reason` is the system's (kept, as no better is known).
    case cannotOpen(reason: String)
    /// The file could not be opened for another reason than the system's; `error` described.
    case cannotOpenOther(error: String)
    /// The root element is not `<archive>` in the format's namespace.
    case notAnArchive(root: String, namespace: String?)
    /// A limit of the input guard (`XMLInputRefusal`) refused the content.
    case input(XMLInputRefusal)
    /// The file stops part way, before the root's end tag: a copy or a download not finished.
    /// `line` is the last line with content.
    case truncated(line: Int)
    /// Content after the root's end tag (at `rootEndLine`): stray text, or a second document
    /// when `secondDocument` (two exports joined into one file, `cat a.xml b.xml`).
    case contentAfterRoot(rootEndLine: Int, secondDocument: Bool)
    /// The members a file writes into `cell` change what its approved minutes, held before the
    /// import, say (`ApprovedMinutesChange`), and the person did not confirm it.
    case changesApprovedMinutes(cell: String, changes: [ApprovedMinutesChange])
    /// The XML declaration names an encoding other than UTF-8 (`declared` as written).
    case encodingDeclared(String)
    /// The file uses entity references; `message` is libxml2's.
    case entityReference(message: String)
    /// An entity expansion bomb (loop or amplification); `message` is libxml2's.
    case entityExpansion(message: String)
    /// An empty file, or one that is not XML at all (a Word file, an image).
    case notXML
    /// Any other well-formedness error; `message` is libxml2's.
    case malformed(message: String)
    /// An error of validation against `archive-1.xsd`; `message` is libxml2's.
    case schema(message: String)

    // MARK: Identifiers

    /// An identifier held by another kind of record (`holder`), earlier in the file (at
    /// `line`) or, when `line` is `nil`, in the archive.
    case identifierTaken(String, holder: RecordKind, line: Int?)
    /// An identifier used a second time in one file for the same kind of record (the
    /// element name `kind`: organization, cell, member, meeting, document or task).
    case identifierRepeated(String, kind: String, line: Int)

    // MARK: References

    /// A record referred to that neither the files nor the archive hold.
    case missing(SourceReference.Kind, id: String)
    /// A member referred to by a record of `cellID` who belongs to `memberCell`.
    case memberOfOtherCell(member: String, memberCell: String, cellID: String)
    /// A meeting referred to by a record of `cellID` that is `meetingCell`'s.
    case meetingOfOtherCell(meeting: String, meetingCell: String, cellID: String)
    /// A term that cell `cellID` does not have.
    case termNotInCell(term: String, cellID: String)

    // MARK: Records

    /// A committee whose parent is itself.
    case ownParent(organization: String)
    /// A cell's issuer code that breaks the rule of codes (`RegisterRefusal.invalidIssuerCode`).
    case invalidIssuerCode(String)
    /// A member the file puts in a cell while the archive or an earlier record has them in
    /// `otherCell`.
    case memberMoved(member: String, otherCell: String)
    /// A document's declared symbol that is not the one its number gives: `expected` is the
    /// symbol of `number`, or `nil` for a document without a number.
    case symbolMismatch(declared: String, expected: String?, number: Int?)
    /// A number of (cell, type, term) that `holder` holds already; `symbol` is its display form.
    case numberTaken(symbol: String, termID: String?, cellID: String, holder: String)
    /// A task that another document (`owner`) assigns.
    case taskOfOtherDocument(task: String, owner: String)
    /// A file that drops from `document` a task that minutes (`meeting`) reported on.
    case reportedTaskDropped(task: String, document: String, meeting: String)
    /// Minutes (`id`) of the same cell, day and kind as minutes under another code
    /// (`existing`, of status `existingStatus`): a second record of one meeting, which
    /// filing a form never makes either (`FilingRules.Mismatch.unknownCodeSameMeeting`).
    /// `place` says where `existing` is: the archive, earlier in this file, or another file.
    case sameMeeting(
        id: String, existing: String, existingStatus: Meeting.Status, cellID: String, date: LocalDate,
        kind: Meeting.Kind, place: SameMeetingPlace)

    // MARK: Lifecycle

    /// A locked meeting or document whose content the file changes.
    case lockedContentChanged(RecordKind, id: String)
    /// Locked minutes whose status the file moves backwards.
    case meetingStatusBackwards(id: String, from: Meeting.Status, to: Meeting.Status)
    /// A locked document whose status the file moves where the lifecycle does not go.
    case documentStatusBackwards(id: String, from: Document.Status, to: Document.Status)
    /// A record at `fileVersion` in the file while the archive holds `storedVersion`.
    case versionMismatch(id: String, fileVersion: Int, storedVersion: Int)

    // MARK: The carried audit log

    /// An `<entry>` of the carried log without every attribute it needs.
    case logEntryIncomplete
    /// The carried log's chain breaks at entry `sequence` (altered or missing entries).
    case logChainBroken(sequence: Int)
    /// The carried log, its chain whole, does not account for the records of the archive it
    /// restores (`problems`, as `check` words them): its last entries were cut, or a record
    /// was changed after the export.
    case logDoesNotMatchRecords([String])
    /// The carried log's `<auditLog entries head>` says the export wrote `written` entries
    /// (and names the last), but the file holds `read`, or another last: entries were cut.
    case logCutAtItsEnd(written: Int, read: Int)

    // MARK: The store

    /// Where the other minutes of a `sameMeeting` refusal are.
    package enum SameMeetingPlace: Sendable, Hashable {
        /// In the archive before this import.
        case archive
        /// Earlier in the same file, at `line`.
        case sameFile(line: Int)
        /// In another file of the same import (`file` as named), at `line`.
        case otherFile(file: String, line: Int)
    }

    /// The store could not write the record; `error` is the store's message.
    case cannotWrite(error: String)
    /// A deferred constraint of the store failed at commit; `error` is the store's message.
    case constraintViolated(error: String)
}
