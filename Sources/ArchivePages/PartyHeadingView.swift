import ArchiveCore

/// What the Party heading (`party-heading.mustache`) shows: the parent committee over the
/// issuing body, both in capitals, the number line, the markings, and the place-and-date line.
struct PartyHeadingView {
    /// A document's number: `symbol` once issued ("05-NQ/CB"), else `blankKind` ("NQ/CB"),
    /// printed after a blank for the number.
    struct Number {
        var symbol: String?
        var blankKind: String?
    }

    /// A marking printed in a frame under the left column.
    struct Marking {
        /// The text, printed as given ("MẬT", "DỰ THẢO").
        var text: String
        /// The class that styles it: `secret` or `draft`.
        var className: String

        static let draft = Marking(text: "DỰ THẢO", className: "draft")
    }

    /// The parent committee in capitals, if the heading names one.
    var parent: String?
    /// The issuing cell or committee in capitals.
    var issuer: String
    var number: Number?
    var markings: [Marking]
    /// "Phai Luông, ngày 06 tháng 01 năm 2023", or "Ngày 01 tháng 03 năm 2025".
    var placeAndDate: String

    init(parent: String?, issuer: String, number: Number? = nil, markings: [Marking] = [], placeAndDate: String) {
        self.parent = parent?.uppercased()
        self.issuer = issuer.uppercased()
        self.number = number
        self.markings = markings
        self.placeAndDate = placeAndDate
    }
}

/// One line of "Nơi nhận": each ends with a comma, the last (the file copy) with a full stop.
struct RecipientLine {
    var text: String
    var last: Bool

    /// `recipients` as lines.
    static func lines(_ recipients: [String]) -> [RecipientLine] {
        recipients.enumerated().map { RecipientLine(text: $1, last: $0 == recipients.count - 1) }
    }
}
