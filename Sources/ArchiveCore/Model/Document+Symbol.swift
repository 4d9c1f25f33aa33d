extension Document {
    /// The display symbol of a number: two digits at least, the type, the issuer code.
    ///
    /// ```swift
    /// Document.symbol(number: 5, kind: .resolution, issuerCode: "CB")   // "05-NQ/CB"
    /// ```
    public static func symbol(number: Int, kind: Kind, issuerCode: String) -> String {
        let digits = String(number)
        return (digits.count < 2 ? "0" : "") + digits + "-" + kind.rawValue + "/" + issuerCode
    }

    /// The symbol of this document under `issuerCode`, or `nil` for a document without a number.
    public func symbol(issuerCode: String) -> String? {
        number.map { Self.symbol(number: $0, kind: kind, issuerCode: issuerCode) }
    }

    /// Whether the document holds a number in its (cell, type, term) sequence: every numbered
    /// document that is not a draft.
    public var holdsNumber: Bool { status != .draft && number != nil }
}
