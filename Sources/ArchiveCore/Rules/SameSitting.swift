/// Minutes that record one sitting twice: one cell, one day, kinds that share a sitting
/// (`Meeting.Kind.sameSittingKinds`). Filing, correcting and importing refuse a second record
/// of a sitting, but an archive written before those rules (or by hand) may hold one; `check`
/// reports each pair (`same-sitting-twice`) and a summary counts the sitting once.
///
/// ```swift
/// SameSitting.pairs(meetings)            // [(first: "a-2024-05", second: "a-2024-05-b")]
/// SameSitting.countedOnce(approved).kept // each sitting once
/// ```
public enum SameSitting {
    /// Whether `first` is the record of a sitting to keep rather than `second`: approved
    /// minutes before a draft, a combined meeting (which holds both halves) before a regular or
    /// thematic one, then the earlier start, then the smaller code.
    public static func keeps(_ first: Meeting, over second: Meeting) -> Bool {
        func rank(_ meeting: Meeting) -> (Int, Int, Int) {
            (
                meeting.status == .approved ? 0 : 1, meeting.kind == .combined ? 0 : 1,
                meeting.start.minutesSinceMidnight
            )
        }
        let (left, right) = (rank(first), rank(second))
        return left != right ? left < right : first.id < second.id
    }

    /// Whether `a` and `b` (two different records) record one sitting: same cell, same day,
    /// and kinds that share a sitting.
    public static func isSameSitting(_ a: Meeting, _ b: Meeting) -> Bool {
        a.id != b.id && a.cellID == b.cellID && a.date == b.date && a.kind.sameSittingKinds.contains(b.kind)
    }

    /// Every pair of `meetings` that records one sitting, the record to keep first
    /// (`keeps(_:over:)`); pairs in date order, then by the second record's code. A sitting
    /// recorded three times gives three pairs.
    public static func pairs(_ meetings: [Meeting]) -> [(first: Meeting, second: Meeting)] {
        var byDay: [String: [Meeting]] = [:]
        for meeting in meetings { byDay[meeting.cellID + " " + meeting.date.description, default: []].append(meeting) }
        var pairs: [(first: Meeting, second: Meeting)] = []
        for day in byDay.values where day.count > 1 {
            let ordered = day.sorted { keeps($0, over: $1) }
            for (index, first) in ordered.enumerated() {
                for second in ordered[(index + 1)...] where isSameSitting(first, second) {
                    pairs.append((first, second))
                }
            }
        }
        return pairs.sorted {
            ($0.first.date, $0.first.cellID, $0.second.id, $0.first.id)
                < ($1.first.date, $1.first.cellID, $1.second.id, $1.first.id)
        }
    }

    /// `meetings` with each sitting counted once: a record that shares a sitting with a record
    /// kept before it (`keeps(_:over:)`) is `repeated`, in no figure. `kept` keeps the order of
    /// `meetings`; `repeated` is in the same order.
    public static func countedOnce(_ meetings: [Meeting]) -> (kept: [Meeting], repeated: [Meeting]) {
        var keptByDay: [String: [Meeting]] = [:]
        var repeatedIDs = Set<String>()
        let ordered = meetings.sorted { $0.date != $1.date ? $0.date < $1.date : keeps($0, over: $1) }
        for meeting in ordered {
            let day = meeting.cellID + " " + meeting.date.description
            if keptByDay[day, default: []].contains(where: { isSameSitting($0, meeting) }) {
                repeatedIDs.insert(meeting.id)
            } else {
                keptByDay[day, default: []].append(meeting)
            }
        }
        return (
            meetings.filter { !repeatedIDs.contains($0.id) }, meetings.filter { repeatedIDs.contains($0.id) }
        )
    }
}
