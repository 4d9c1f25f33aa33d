import Foundation
import LibXML

/// Reads a file's records ahead of the import, on a thread of its own: parsing and schema
/// validation (libxml2), decoding into model values, and the canonical hash of each meeting
/// and document. None of it touches the database, so on two cores it overlaps the checking
/// and writing, which must stay on the one connection that holds the transaction. At most
/// `capacity` records wait, so memory stays bounded however large the file.
///
/// The importing thread takes records with `next()` and must call `finish()` once it stops
/// taking them, at the end or early; `finish()` waits for the thread, after which the
/// reader's diagnostics are complete and safe to read.
package final class RecordReadAhead: @unchecked Sendable {
    /// One child of the root, read and decoded.
    package enum Item {
        /// A file's `<auditLog>`, restored by the import itself.
        case auditLog(XMLElement)
        /// A record: its element, the decoded value unless decoding refused it, the problems
        /// decoding found, and the SHA-256 of its canonical content (meetings and documents).
        case record(XMLElement, DecodedRecord?, problems: [SourceProblem], sha256: String?)
    }

    /// Records read but not yet taken, at most.
    static let capacity = 64
    /// Attachment bytes read but not yet taken, at most, unless one record alone holds more:
    /// a file of many scanned minutes books is not read whole into memory ahead of the import.
    static let attachmentBudget = 64 << 20

    private let xml: XMLPullReader
    private var decoder = ArchiveDecoder()
    // Guarded by `condition`.
    private let condition = NSCondition()
    /// Taken items are set to `nil` at once, so that their attachments are not kept here.
    private var waiting: [Item?] = []
    private var taken = 0
    /// The attachment bytes of each waiting record, and their sum not yet taken.
    private var waitingBytes: [Int] = []
    private var bytesNotTaken = 0
    private var ended = false
    private var stopRequested = false
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    /// Starts reading the children of the root element `xml` has just read.
    package init(_ xml: XMLPullReader) {
        self.xml = xml
        let thread = Thread { [self] in run() }
        thread.name = "sochibo-read-ahead"
        // Deeply nested hostile files are refused by libxml2's depth limit; the decoder's
        // recursion stays within the default 8 MiB of a main thread.
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.count > taken
                && (waiting.count - taken >= Self.capacity || bytesNotTaken >= Self.attachmentBudget)
                && !stopRequested
            {
                condition.wait()
            }
            let stop = stopRequested
            condition.unlock()
            guard !stop, let element = xml.nextChild() else { break }
            let (item, bytes) = read(element)
            condition.lock()
            waiting.append(item)
            waitingBytes.append(bytes)
            bytesNotTaken += bytes
            condition.broadcast()
            condition.unlock()
        }
        // As before the read-ahead: the rest of the document is read for its diagnostics.
        xml.finish()
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
        done.signal()
    }

    /// The item for one child of the root, and the attachment bytes it holds.
    private func read(_ element: XMLElement) -> (Item, Int) {
        if element.name == "auditLog" { return (.auditLog(element), 0) }
        let before = decoder.problems.count
        let record = decoder.decode(element)
        let problems = Array(decoder.problems[before...])
        var sha256: String?
        var bytes = 0
        switch record?.value {
        case .meeting(let meeting):
            sha256 = try? CanonicalContent.sha256(.meeting(meeting))
            bytes = meeting.attachments.reduce(0) { $0 + $1.content.count }
        case .document(let document):
            sha256 = try? CanonicalContent.sha256(.document(document))
            bytes = document.attachments.reduce(0) { $0 + $1.content.count }
        default: break
        }
        // The base64 text is decoded now: the element keeps its attributes and lines for the
        // import, not a second copy of every attachment.
        var kept = element
        for index in kept.children.indices where kept.children[index].name == "attachment" {
            kept.children[index].text = ""
            kept.children[index].base64 = nil
        }
        return (.record(kept, record, problems: problems, sha256: sha256), bytes)
    }

    /// The next child of the root, in document order; nil at the end of what could be read.
    package func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while taken == waiting.count && !ended { condition.wait() }
        guard taken < waiting.count else { return nil }
        let item = waiting[taken]
        waiting[taken] = nil
        bytesNotTaken -= waitingBytes[taken]
        taken += 1
        if taken >= Self.capacity {
            waiting.removeFirst(taken)
            waitingBytes.removeFirst(taken)
            taken = 0
        }
        condition.broadcast()
        return item
    }

    /// Stops reading records and waits for the thread: the rest of the file is still read for
    /// its diagnostics. Called once, by the importing thread.
    package func finish() {
        guard !finished else { return }
        finished = true
        condition.lock()
        stopRequested = true
        condition.broadcast()
        condition.unlock()
        done.wait()
    }
}
