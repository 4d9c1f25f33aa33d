/// A person who may log in to the web app, kept in the archive beside the records.
///
/// What an account may read follows from its role: a `secretary` reads its own cell, a
/// `committee` account every cell under its organization (sub-committees included), an
/// `admin` everything. Documents marked Mật or higher are shown only when `confidential`
/// is set. The password is kept as a bcrypt hash inside the store and never leaves it.
///
/// ```swift
/// let thu = Account(name: "thu.napan", role: .secretary, cellID: "cb-na-pan")
/// thu.role.vietnameseName   // "bí thư chi bộ"
/// ```
public struct Account: Sendable, Hashable, Codable {
    /// What an account may do.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Accounts, setup, import and export: everything.
        case admin
        /// A committee's office: reads every cell under its organization.
        case committee
        /// A cell's secretary: reads and writes its own cell only.
        case secretary

        /// The Vietnamese name, e.g. "bí thư chi bộ".
        public var vietnameseName: String {
            switch self {
            case .admin: "quản trị"
            case .committee: "văn phòng đảng ủy"
            case .secretary: "bí thư chi bộ"
            }
        }
    }

    /// The login name, unique in the archive (NFC, trimmed), e.g. `thu.napan`.
    public var name: String
    public var role: Role
    /// The cell of a secretary; nil for the other roles.
    public var cellID: String?
    /// The organization of a committee account; nil for the other roles.
    public var organizationID: String?
    /// Whether the account may see documents marked Mật, Tối mật or Tuyệt mật.
    public var confidential: Bool
    /// A disabled account cannot log in; it stays for the audit log's sake.
    public var disabled: Bool
    /// When it was created, ISO 8601 UTC (`2026-11-21T09:30:00Z`); empty before it is stored.
    public var created: String

    /// Creates an account value (stored by `AccountService.addAccount`).
    public init(
        name: String, role: Role, cellID: String? = nil, organizationID: String? = nil, confidential: Bool = false,
        disabled: Bool = false, created: String = ""
    ) {
        self.name = name
        self.role = role
        self.cellID = cellID
        self.organizationID = organizationID
        self.confidential = confidential
        self.disabled = disabled
        self.created = created
    }
}
