/// A Party cell (chi bộ) with its terms and members.
public struct Cell: Sendable, Hashable, Codable, Identifiable {
    /// The writer's stable identifier, e.g. `cb-phai-luong`.
    public var id: String
    /// The committee the cell belongs to.
    public var organizationID: String
    /// The code after the slash in document symbols (`05-NQ/CB`); `CB` by default.
    public var issuerCode: String
    /// The full name, e.g. "Chi bộ thôn Phai Luông".
    public var name: String
    /// The committee terms (nhiệm kỳ), in the order written.
    public var terms: [Term]
    /// The members, in the order written.
    public var members: [Member]

    /// Creates a cell.
    public init(
        id: String, organizationID: String, issuerCode: String = "CB", name: String, terms: [Term] = [],
        members: [Member] = []
    ) {
        self.id = id
        self.organizationID = organizationID
        self.issuerCode = issuerCode
        self.name = name
        self.terms = terms
        self.members = members
    }

    /// The term in force on `date`, if any.
    public func term(on date: LocalDate) -> Term? {
        terms.last { $0.start <= date && ($0.end.map { date <= $0 } ?? true) }
    }
}

/// A committee term (nhiệm kỳ), from one cell congress to the next.
public struct Term: Sendable, Hashable, Codable, Identifiable {
    /// The identifier within the cell, e.g. `2022-2025`.
    public var id: String
    /// The first day of the term.
    public var start: LocalDate
    /// The last day of the term; `nil` while it runs.
    public var end: LocalDate?

    /// Creates a term.
    public init(id: String, start: LocalDate, end: LocalDate? = nil) {
        self.id = id
        self.start = start
        self.end = end
    }
}
