import Foundation
import LibXML

/// Writes model values as archive format v1, in a stable order and indentation, so that the
/// same archive always gives the same bytes.
///
/// ```swift
/// let encoder = try ArchiveEncoder(fileDescriptor: descriptor)
/// try encoder.start()
/// try encoder.write(organization)
/// try encoder.finish()
/// ```
public struct ArchiveEncoder {
    let writer: XMLStreamWriter

    /// An encoder writing to an open descriptor, which the caller keeps and closes.
    public init(fileDescriptor: Int32) throws {
        writer = try XMLStreamWriter(fileDescriptor: fileDescriptor)
    }

    package init(writer: XMLStreamWriter) {
        self.writer = writer
    }

    /// Writes the XML declaration and opens `<archive>`.
    public func start() throws {
        try writer.startDocument()
        try writer.startElement("archive", namespace: ArchiveFormat.namespace)
        try writer.attribute("formatVersion", ArchiveFormat.version)
    }

    /// Closes `<archive>` and flushes.
    public func finish() throws {
        try writer.endElement()
        try writer.endDocument()
    }

    private func text(_ name: String, _ value: String?, attributes: [(String, String?)] = []) throws {
        guard let value else { return }
        try writer.element(name, attributes: attributes, text: value)
    }

    private func paragraphs(_ name: String, _ values: [String]) throws {
        guard !values.isEmpty else { return }
        try writer.startElement(name)
        for value in values { try writer.element("p", text: value) }
        try writer.endElement()
    }

    /// Writes one record element, with the committee's reports (`<report>`, an optional
    /// element of format v1) in the order given.
    public func write(_ organization: Organization, reports: [SavedReportText] = []) throws {
        try writer.startElement("organization")
        try writer.attribute("id", organization.id)
        if let parent = organization.parentID { try writer.attribute("parent", parent) }
        try text("name", organization.name)
        for report in reports { try write(report) }
        try writer.endElement()
    }

    private func write(_ report: SavedReportText) throws {
        let text = report.text
        try writer.startElement("report")
        try writer.attribute("period", report.period)
        if !text.number.isEmpty { try writer.attribute("number", text.number) }
        if let date = text.date { try writer.attribute("date", date.description) }
        try writer.attribute("signerTitle", text.signerTitle.rawValue)
        try writer.attribute("savedBy", report.savedBy)
        try writer.attribute("savedAt", report.savedAt)
        try self.text("place", text.place)
        // One <p> per line, blank ones too, so that the text comes back as it was saved.
        func lines(_ value: String) -> [String] { value.isEmpty ? [] : value.components(separatedBy: "\n") }
        try paragraphs("strengths", lines(text.strengths))
        try paragraphs("shortcomings", lines(text.shortcomings))
        try paragraphs("directions", lines(text.directions))
        try self.text("signerName", text.signerName.isEmpty ? nil : text.signerName)
        for recipient in text.recipients { try self.text("recipient", recipient) }
        try writer.endElement()
    }

    /// Writes one record element.
    public func write(_ cell: Cell) throws {
        try writer.startElement("cell")
        try writer.attribute("id", cell.id)
        try writer.attribute("organization", cell.organizationID)
        try writer.attribute("issuerCode", cell.issuerCode)
        try text("name", cell.name)
        for term in cell.terms {
            try writer.element(
                "term",
                attributes: [("id", term.id), ("start", term.start.description), ("end", term.end?.description)])
        }
        for member in cell.members { try write(member) }
        try writer.endElement()
    }

    private func write(_ member: Member) throws {
        try writer.startElement("member")
        try writer.attribute("id", member.id)
        try text("fullName", member.fullName)
        try text("birthYear", member.birthYear.map(String.init))
        try text("admitted", member.admitted.description)
        try text("confirmed", member.confirmed?.description)
        try text("joinedCell", member.joinedCell?.description)
        if let left = member.leftCell {
            try text("leftCell", left.description, attributes: [("reason", (member.leaveReason ?? .other).rawValue)])
        }
        if member.temporary { try writer.element("temporary") }
        for exemption in member.exemptions {
            try text(
                "exemption", exemption.reason,
                attributes: [("from", exemption.from.description), ("to", exemption.to?.description)])
        }
        for role in member.roles {
            try writer.element(
                "role",
                attributes: [
                    ("title", role.title.rawValue), ("from", role.from.description), ("to", role.to?.description),
                ])
        }
        for post in member.concurrentPosts {
            try text(
                "concurrentPost", post.title,
                attributes: [("from", post.from.description), ("to", post.to?.description)])
        }
        try writer.endElement()
    }

    /// Writes one record element; with `lifecycle`, the `<lifecycle>` element when it says
    /// more than a reader would infer (a version past the first, a content hash, or a status
    /// other than "approved when rated"). `canonical` writes the content alone, as hashed:
    /// without the rating, an assessment made of the minutes rather than part of them.
    public func write(_ meeting: Meeting, lifecycle: RecordLifecycle? = nil, canonical: Bool = false) throws {
        try writer.startElement("meeting")
        for (name, value) in [
            ("id", meeting.id), ("cell", meeting.cellID), ("kind", meeting.kind.rawValue),
            ("date", meeting.date.description), ("start", meeting.start.description), ("end", meeting.end.description),
        ] {
            try writer.attribute(name, value)
        }
        try text("place", meeting.place)
        try text("topic", meeting.topic)
        try writer.element("chair", attributes: [("member", meeting.chairID)])
        try writer.element("recorder", attributes: [("member", meeting.recorderID)])
        for guest in meeting.guests { try text("guest", guest) }
        try writer.startElement("attendance")
        for entry in meeting.attendance {
            switch entry.presence {
            case .present: try writer.element("present", attributes: [("member", entry.memberID)])
            case .excused, .unexcused:
                try writer.element(
                    "absent",
                    attributes: [
                        ("member", entry.memberID), ("excused", entry.presence == .excused ? "true" : "false"),
                    ],
                    text: entry.reason)
            }
        }
        try writer.endElement()
        try writer.startElement("agenda")
        for item in meeting.agenda { try text("item", item) }
        try writer.endElement()
        try paragraphs("proceedings", meeting.proceedings)
        try paragraphs("conclusion", meeting.conclusion)
        for vote in meeting.votes {
            try writer.element(
                "vote",
                attributes: [
                    ("subject", vote.subject), ("for", String(vote.votesFor)), ("against", String(vote.votesAgainst)),
                    ("abstain", String(vote.abstentions)),
                ])
        }
        for report in meeting.taskReports {
            try writer.element(
                "taskReport", attributes: [("task", report.taskID), ("status", report.status.rawValue)],
                text: report.note)
        }
        // Ratings are assessments made of the minutes, not part of them: left out of the hash.
        for (name, rating) in [("rating", meeting.rating), ("committeeRating", meeting.committeeRating)] {
            guard !canonical, let rating else { continue }
            try writer.element(
                name, attributes: [("level", rating.level.rawValue), ("score", rating.score.map(String.init))],
                text: rating.note)
        }
        try write(meeting.attachments)
        if !canonical, let lifecycle {
            let inferred: Meeting.Status = meeting.rating == nil && meeting.committeeRating == nil ? .draft : .approved
            try write(lifecycle, status: meeting.status != inferred || lifecycle.sha256 != nil ? meeting.status : nil)
        }
        try writer.endElement()
    }

    /// Writes one record element; with `lifecycle`, the `<lifecycle>` element when it carries a
    /// version past the first or a content hash. `canonical` writes the content alone, as
    /// hashed: without the status (which moves on after issue) and the symbol (derived).
    public func write(
        _ document: Document, issuerCode: String, lifecycle: RecordLifecycle? = nil, canonical: Bool = false
    ) throws {
        try writer.startElement("document")
        let attributes: [(String, String?)] = [
            ("id", document.id), ("cell", document.cellID), ("type", document.kind.rawValue),
            ("number", document.number.map(String.init)),
            ("symbol", canonical ? nil : document.symbol(issuerCode: issuerCode)),
            ("term", document.termID), ("date", document.date.description),
            ("status", canonical ? nil : document.status.rawValue),
            ("classification", document.classification.rawValue), ("meeting", document.meetingID),
        ]
        for case (let name, let value?) in attributes { try writer.attribute(name, value) }
        try text("place", document.place)
        try text("title", document.title)
        try paragraphs("body", document.body)
        for task in document.tasks {
            try text(
                "task", task.text,
                attributes: [("id", task.id), ("assignee", task.assigneeID), ("due", task.due?.description)])
        }
        if let signature = document.signature {
            try writer.element(
                "signature",
                attributes: [
                    ("member", signature.memberID), ("authority", signature.authority), ("title", signature.title),
                ])
        }
        for recipient in document.recipients { try text("recipient", recipient) }
        if let supersedes = document.supersedesID {
            try writer.element("supersedes", attributes: [("document", supersedes)])
        }
        try write(document.attachments)
        if !canonical, let lifecycle, lifecycle.version > 1 || lifecycle.sha256 != nil {
            try write(lifecycle, status: nil, issuerCode: issuerCode)
        }
        try writer.endElement()
    }

    /// `<lifecycle status? version sha256?>` with the earlier versions, each as the record
    /// element it was.
    private func write(_ lifecycle: RecordLifecycle, status: Meeting.Status?, issuerCode: String = "CB") throws {
        try writer.startElement("lifecycle")
        if let status { try writer.attribute("status", status.rawValue) }
        try writer.attribute("version", String(lifecycle.version))
        if let sha256 = lifecycle.sha256 { try writer.attribute("sha256", sha256) }
        for previous in lifecycle.previous {
            try writer.startElement("previousVersion")
            try writer.attribute("version", String(previous.version))
            try writer.attribute("sha256", previous.sha256)
            try writer.attribute("replaced", previous.replaced)
            switch previous.content {
            case .meeting(let meeting): try write(meeting)
            case .document(let document): try write(document, issuerCode: issuerCode)
            }
            try writer.endElement()
        }
        try writer.endElement()
    }

    /// Opens `<auditLog>`, after the last document.
    public func startLog() throws { try writer.startElement("auditLog") }

    /// Opens `<auditLog entries head>`: the number of entries that follow and the chain hash of
    /// the last (the optional attributes that let an import refuse a log cut at its end).
    public func startLog(entries: Int, head: String?) throws {
        try writer.startElement("auditLog")
        try writer.attribute("entries", String(entries))
        if let head { try writer.attribute("head", head) }
    }

    /// Closes `<auditLog>`.
    public func endLog() throws { try writer.endElement() }

    /// Writes one `<entry>` of the audit log.
    public func write(_ entry: AuditEntry) throws {
        try writer.element(
            "entry",
            attributes: [
                ("seq", String(entry.sequence)), ("time", entry.time), ("actor", entry.actor),
                ("action", entry.action.rawValue), ("kind", entry.kind), ("record", entry.record),
                ("version", entry.version.map(String.init)), ("sha256", entry.sha256), ("chain", entry.chain),
            ])
    }

    /// Bytes of an attachment encoded at a time: a multiple of 3, so that the pieces of base64
    /// join into the base64 of the whole; 768 KiB of bytes are 1 MiB of text.
    static let attachmentPiece = 3 << 18

    private func write(_ attachments: [Attachment]) throws {
        for attachment in attachments {
            try writer.startElement("attachment")
            try writer.attribute("name", attachment.name)
            try writer.attribute("mediaType", attachment.mediaType)
            try writer.attribute("sha256", attachment.sha256)
            // In pieces, as one text: the base64 of a 100 MB attachment is never one string.
            let content = attachment.content
            var start = content.startIndex
            repeat {
                let end =
                    content.index(start, offsetBy: Self.attachmentPiece, limitedBy: content.endIndex)
                    ?? content.endIndex
                try writer.text(content[start..<end].base64EncodedString())
                start = end
            } while start < content.endIndex
            try writer.endElement()
        }
    }
}
