import Foundation

/// One line of the archive's append-only audit log: who changed what, when, and the content
/// hash after. Each entry also carries a chain hash over the entry before it, so that a
/// removed or altered line breaks the chain and `check` sees it.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What was done.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// A record added or changed by importing a file.
        case `import`
        /// A draft filed from a form.
        case file
        /// Minutes approved.
        case approve
        /// A document issued with its number.
        case issue
        /// A locked record corrected by a new version.
        case correct
        /// A meeting rated by the rubric.
        case rate
        /// A draft filed by mistake, removed (its earlier `file` entries stay).
        case discard
        /// The log of a backup restored into an empty archive (one entry for the whole file).
        case restore
        /// The archive upgraded to keep a log: one entry for each record it already held.
        case upgrade
        /// An account created (kind `account`, record the account's name; never its password).
        case addAccount = "add-account"
        /// An account's password replaced.
        case changePassword = "change-password"
        /// An account disabled: it can no longer log in.
        case disableAccount = "disable-account"
        /// A member admitted (kind `member`, record the member's identifier).
        case admit
        /// A member transferred in from another Party organization.
        case transferIn = "transfer-in"
        /// A member attached to the cell for a time (sinh hoạt tạm thời).
        case attach
        /// A probationary member confirmed as official.
        case confirm
        /// A member exempted from activity.
        case exempt
        /// A member's open-ended exemption ended.
        case endExemption = "end-exemption"
        /// A member transferred out of the cell.
        case transferOut = "transfer-out"
        /// A member's death recorded.
        case death
        /// A member removed from the Party rolls (xóa tên).
        case remove
        /// A member gone from the cell for another reason.
        case leave
        /// A member took an office of the cell.
        case takeOffice = "take-office"
        /// A member left an office of the cell.
        case leaveOffice = "leave-office"
        /// A concurrent post recorded.
        case addPost = "add-post"
        /// A committee or cell created (kind `organization` or `cell`).
        case create
        /// A term opened in a cell (kind `cell`, record the cell's identifier).
        case addTerm = "add-term"
        /// What the office wrote into a committee's report saved (kind `report`, record
        /// `ORGANIZATION/PERIOD`, e.g. `dbx-hop-thanh/2024`).
        case writeReport = "write-report"
        /// A disabled account let in again (kind `account`).
        case enableAccount = "enable-account"
        /// An account's role, committee or cell, or confidential clearance changed.
        case changeAccount = "change-account"

        /// The Vietnamese name, e.g. "thông qua".
        public var vietnameseName: String {
            switch self {
            case .import: "nhập tệp"
            case .file: "lập dự thảo"
            case .approve: "thông qua biên bản"
            case .issue: "ban hành"
            case .correct: "đính chính"
            case .rate: "xếp loại"
            case .discard: "bỏ dự thảo"
            case .restore: "khôi phục sao lưu"
            case .upgrade: "nâng cấp kho"
            case .addAccount: "tạo tài khoản"
            case .changePassword: "đổi mật khẩu"
            case .disableAccount: "khóa tài khoản"
            case .admit: "kết nạp đảng viên"
            case .transferIn: "đảng viên chuyển đến"
            case .attach: "sinh hoạt tạm thời"
            case .confirm: "công nhận chính thức"
            case .exempt: "miễn sinh hoạt"
            case .endExemption: "kết thúc miễn sinh hoạt"
            case .transferOut: "chuyển sinh hoạt đi"
            case .death: "từ trần"
            case .remove: "xóa tên"
            case .leave: "ra khỏi chi bộ"
            case .takeOffice: "nhận chức vụ"
            case .leaveOffice: "thôi chức vụ"
            case .addPost: "ghi chức vụ kiêm nhiệm"
            case .create: "tạo mới"
            case .addTerm: "mở nhiệm kỳ"
            case .writeReport: "soạn báo cáo"
            case .enableAccount: "mở lại tài khoản"
            case .changeAccount: "đổi vai trò tài khoản"
            }
        }
    }

    /// The position in the log, from 1.
    public var sequence: Int
    /// When (ISO 8601, UTC, to the second: `2026-11-21T09:30:00Z`).
    public var time: String
    /// Who (the `--by` name, else the operating-system user).
    public var actor: String
    /// What was done.
    public var action: Action
    /// The kind of record (`organization`, `cell`, `meeting`, `document`), or `file` for a
    /// restore.
    public var kind: String
    /// The record's identifier (the file's name for a restore).
    public var record: String
    /// The record's version after the change, for meetings and documents.
    public var version: Int?
    /// The SHA-256 of the record's canonical content after the change.
    public var sha256: String?
    /// The SHA-256 over the previous entry's chain hash and this entry's fields.
    public var chain: String

    /// Creates an entry.
    public init(
        sequence: Int, time: String, actor: String, action: Action, kind: String, record: String, version: Int?,
        sha256: String?, chain: String
    ) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.action = action
        self.kind = kind
        self.record = record
        self.version = version
        self.sha256 = sha256
        self.chain = chain
    }

    /// The chain hash of an entry with these fields after one whose chain is `previous` ("" for
    /// the first): the SHA-256 of the previous chain and every field, one per line.
    public static func chain(
        previous: String, sequence: Int, time: String, actor: String, action: Action, kind: String, record: String,
        version: Int?, sha256: String?
    ) -> String {
        let input = [
            previous, String(sequence), time, actor, action.rawValue, kind, record, version.map(String.init) ?? "",
            sha256 ?? "",
        ].joined(separator: "\n")
        return Attachment.digest(of: Data(input.utf8))
    }

    /// The chain hash this entry should carry after one whose chain is `previous`.
    public func expectedChain(after previous: String) -> String {
        Self.chain(
            previous: previous, sequence: sequence, time: time, actor: actor, action: action, kind: kind,
            record: record, version: version, sha256: sha256)
    }
}

extension AuditEntry {
    /// The Vietnamese name of each entry's action, in the order given (oldest first): a draft
    /// filed again over its own draft reads "sửa dự thảo", or "lưu lại dự thảo (không đổi)"
    /// when its content hash is the one before, so that the log tells a first filing from the
    /// later ones; a draft filed after its predecessor was discarded is a first filing again.
    /// Every other action keeps `Action.vietnameseName`.
    ///
    /// - returns: one name per entry, `entries.count` of them.
    public static func actionNames(_ entries: [AuditEntry]) -> [String] {
        var lastFiled: [String: String?] = [:]
        return entries.map { entry in
            let key = "\(entry.kind):\(entry.record)"
            switch entry.action {
            case .file:
                defer { lastFiled[key] = .some(entry.sha256) }
                guard let before = lastFiled[key] else { return entry.action.vietnameseName }
                return before == entry.sha256 ? "lưu lại dự thảo (không đổi)" : "sửa dự thảo"
            case .discard where entry.kind == RecordKind.member.rawValue:
                return "bỏ đảng viên ghi nhầm"
            case .discard, .approve, .issue:
                lastFiled[key] = nil
                return entry.action.vietnameseName
            default:
                return entry.action.vietnameseName
            }
        }
    }
}
