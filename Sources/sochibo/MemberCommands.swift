import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

/// `sochibo member …`: the member register, one command per event, each one transaction with
/// its entry in the audit log. Dates as people write them (28/12/2024) or ISO (2024-12-28).
struct MemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Sổ đảng viên: kết nạp, công nhận chính thức, miễn sinh hoạt, chuyển đến, chuyển đi, chức vụ…",
        subcommands: [
            MemberListCommand.self, MemberAdmitCommand.self, MemberTransferInCommand.self, MemberAttachCommand.self,
            MemberConfirmCommand.self, MemberExemptCommand.self, MemberEndExemptionCommand.self,
            MemberTransferOutCommand.self, MemberDeathCommand.self, MemberRemoveCommand.self, MemberRoleCommand.self,
            MemberPostCommand.self, MemberLoadCommand.self, MemberDiscardCommand.self,
        ])
}

/// A date typed on the command line that is not one: one sentence.
struct DateOptionError: Error, CustomStringConvertible {
    var description: String
}

/// A value of an option that is not one the command knows: one sentence.
struct OptionValueError: Error, CustomStringConvertible {
    var description: String
}

/// Reads the dates of the register's options.
enum DateOption {
    /// The date typed for `option`. - throws: `DateOptionError` with the sentence.
    static func read(_ text: String, option: String) throws -> LocalDate {
        let typed = LocalDate.typed(text)
        if let date = typed.date { return date }
        throw DateOptionError(description: typed.problem(label: option) ?? option)
    }

    /// The date typed for `option`, if one was.
    static func read(_ text: String?, option: String) throws -> LocalDate? {
        try text.map { try read($0, option: option) }
    }
}

/// The options of a command that enters a new member.
struct NewMemberOptions: ParsableArguments {
    /// After a member was entered: a line on standard error for each namesake still in the
    /// cell ("Chi bộ đã có đồng chí … — nếu là người khác, không sao"); the entry stands.
    static func warnOfNamesakes(_ member: Member, archive: Archive) async throws {
        guard case .member(_, let cell) = try await archive.record(id: member.id) else { return }
        let namesakes = MemberRules.namesakes(of: member.fullName, in: cell, except: member.id)
        if let line = MemberRules.namesakeWarning(namesakes) { Failure.note(line) }
    }

    @Option(help: ArgumentHelp("Chi bộ (mã hoặc tên).", valueName: "CHI_BỘ"))
    var cell: String

    @Option(help: ArgumentHelp("Họ và tên.", valueName: "TÊN"))
    var name: String

    @Option(name: .customLong("birth-year"), help: ArgumentHelp("Năm sinh.", valueName: "NĂM"))
    var birthYear: Int?

    @Option(help: ArgumentHelp("Ngày kết nạp vào Đảng (28/12/2024 hoặc 2024-12-28).", valueName: "NGÀY"))
    var admitted: String

    @Option(help: ArgumentHelp("Ngày vào sinh hoạt ở chi bộ (mặc định: ngày kết nạp).", valueName: "NGÀY"))
    var joined: String?

    /// The new member, in the cell `--cell` names (code or name).
    func newMember(in archive: Archive, confirmed: String? = nil) async throws -> NewMember {
        NewMember(
            cellID: try await archive.cellID(cell) ?? cell, fullName: name, birthYear: birthYear,
            admitted: try DateOption.read(admitted, option: "--admitted"),
            joinedCell: try DateOption.read(joined, option: "--joined"),
            confirmed: try DateOption.read(confirmed, option: "--official"))
    }
}

/// Prints what the register now holds of a member.
enum MemberText {
    static func line(_ member: Member, on date: LocalDate) -> String {
        var parts = ["\(member.id)\t\(member.fullName)", member.status(on: date).vietnameseName]
        let roles = member.roles(on: date).map(\.title.vietnameseName)
        if !roles.isEmpty { parts.append(roles.joined(separator: ", ")) }
        if member.temporary { parts.append("sinh hoạt tạm thời") }
        if let left = member.leftCell, let reason = member.leaveReason {
            parts.append(reason.vietnamesePhrase(on: left))
        }
        return parts.joined(separator: "\t")
    }
}

struct MemberListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Danh sách đảng viên của một chi bộ, theo tên, với tình trạng vào một ngày.")

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Chi bộ.", valueName: "CHI_BỘ"))
    var cell: String

    @Option(help: ArgumentHelp("Ngày xem tình trạng (mặc định: hôm nay).", valueName: "NGÀY"))
    var date: String?

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    func run() async throws {
        try await Failure.guarding {
            let day = try DateOption.read(date, option: "--date") ?? Today.date
            let archive = try options.open()
            let members = try await archive.members(cellID: try await archive.cellID(cell) ?? cell, on: day)
                .sorted { VietnameseCollation.personPrecedes($0.fullName, $1.fullName) }
            switch format {
            case .json: print(try JSONOutput.string(members))
            case .text:
                if members.isEmpty { print("Chi bộ \(cell) chưa có đảng viên nào.") }
                for member in members {
                    var line = "\(member.id)\t\(member.fullName)\t\(member.status.vietnameseName)"
                    // Why and since when a member is no longer in the cell.
                    if let left = member.leftCell {
                        line +=
                            " (" + (member.leaveReason?.vietnamesePhrase(on: left) ?? "từ \(left.vietnameseShort)")
                            + ")"
                    }
                    if !member.roles.isEmpty {
                        line += "\t" + member.roles.map(\.vietnameseName).joined(separator: ", ")
                    }
                    print(line)
                }
            }
        }
    }
}

struct MemberAdmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admit", abstract: "Kết nạp đảng viên mới (dự bị); in ra mã của đảng viên.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions
    @OptionGroup var member: NewMemberOptions

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let admitted = try await archive.admit(
                try await member.newMember(in: archive), today: Today.date, context: actor.context)
            print(
                "Đã kết nạp \(admitted.fullName): mã \(admitted.id), đảng viên dự bị từ \(admitted.admitted.vietnameseShort)."
            )
            try await NewMemberOptions.warnOfNamesakes(admitted, archive: archive)
        }
    }
}

struct MemberTransferInCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer-in", abstract: "Đảng viên từ nơi khác chuyển sinh hoạt đến chi bộ.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions
    @OptionGroup var member: NewMemberOptions

    @Option(help: ArgumentHelp("Ngày được công nhận chính thức (bỏ trống nếu còn dự bị).", valueName: "NGÀY"))
    var official: String?

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let entered = try await archive.transferIn(
                try await member.newMember(in: archive, confirmed: official), today: Today.date, context: actor.context)
            print("Đã ghi \(entered.fullName) chuyển đến: mã \(entered.id).")
            try await NewMemberOptions.warnOfNamesakes(entered, archive: archive)
        }
    }
}

struct MemberAttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Đảng viên sinh hoạt tạm thời ở chi bộ (không tính vào số có quyền biểu quyết).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions
    @OptionGroup var member: NewMemberOptions

    @Option(help: ArgumentHelp("Ngày được công nhận chính thức (bỏ trống nếu còn dự bị).", valueName: "NGÀY"))
    var official: String?

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let entered = try await archive.attach(
                try await member.newMember(in: archive, confirmed: official), today: Today.date, context: actor.context)
            print("Đã ghi \(entered.fullName) sinh hoạt tạm thời: mã \(entered.id).")
            try await NewMemberOptions.warnOfNamesakes(entered, archive: archive)
        }
    }
}

struct MemberConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "Công nhận đảng viên chính thức (sau 12 tháng dự bị).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions

    @OptionGroup var who: MemberArgument

    @Option(help: ArgumentHelp("Ngày công nhận.", valueName: "NGÀY"))
    var date: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let member = try await archive.confirm(
                memberID: try await who.id(in: archive), on: try DateOption.read(date, option: "--date"),
                today: Today.date,
                context: actor.context)
            print("Đã công nhận \(member.fullName) là đảng viên chính thức từ \(member.confirmed!.vietnameseShort).")
        }
    }
}

struct MemberExemptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exempt", abstract: "Miễn công tác và sinh hoạt đảng cho một đảng viên (do chi bộ quyết định).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions

    @OptionGroup var who: MemberArgument

    @Option(help: ArgumentHelp("Ngày bắt đầu miễn.", valueName: "NGÀY"))
    var from: String

    @Option(help: ArgumentHelp("Ngày cuối cùng được miễn (bỏ trống nếu chưa định).", valueName: "NGÀY"))
    var to: String?

    @Option(help: ArgumentHelp("Lý do, ví dụ \"Tuổi cao, sức yếu\".", valueName: "LÝ_DO"))
    var reason: String

    func run() async throws {
        try await Failure.guarding {
            let exemption = Exemption(
                from: try DateOption.read(from, option: "--from"), to: try DateOption.read(to, option: "--to"),
                reason: reason)
            let archive = try options.open()
            let member = try await archive.exempt(
                memberID: try await who.id(in: archive), exemption, today: Today.date, context: actor.context)
            print(
                "Đã ghi miễn sinh hoạt cho \(member.fullName) từ \(exemption.from.vietnameseShort)"
                    + (exemption.to.map { " đến \($0.vietnameseShort)" } ?? "") + ".")
        }
    }
}

struct MemberEndExemptionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end-exemption", abstract: "Kết thúc lần miễn sinh hoạt đang để ngỏ (ngày cuối cùng được miễn).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions

    @OptionGroup var who: MemberArgument

    @Option(help: ArgumentHelp("Ngày cuối cùng được miễn.", valueName: "NGÀY"))
    var date: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let member = try await archive.endExemption(
                memberID: try await who.id(in: archive), on: try DateOption.read(date, option: "--date"),
                today: Today.date,
                context: actor.context)
            print("Đã kết thúc miễn sinh hoạt của \(member.fullName).")
        }
    }
}

/// Who records a dated register event, and whether the person confirms its changes to the
/// figures of approved minutes (`ArchiveError.unconfirmedRegisterChange`).
struct RegisterActorOptions: ParsableArguments {
    @OptionGroup var actor: ActorOptions

    @Flag(
        help:
            "Xác nhận ghi cả khi việc này làm đổi số liệu của biên bản đã thông qua (đã xem lại ngày và đúng là như vậy)."
    )
    var confirm = false

    /// Who and when, for the audit log, with the confirmation.
    var context: AuditContext {
        var context = actor.context
        context.confirmedChangesToApprovedMinutes = confirm
        return context
    }
}

/// The options of the three ways of leaving the cell.
struct LeavingOptions: ParsableArguments {
    @OptionGroup var who: MemberArgument

    @Option(help: ArgumentHelp("Ngày (từ ngày này không còn sinh hoạt ở chi bộ).", valueName: "NGÀY"))
    var date: String

    func leave(
        _ reason: Member.LeaveReason, options: ArchiveOptions, actor: RegisterActorOptions
    ) async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let member = try await archive.leave(
                memberID: try await who.id(in: archive), on: try DateOption.read(date, option: "--date"),
                reason: reason, today: Today.date,
                context: actor.context)
            print("Đã ghi \(member.fullName): \(reason.vietnamesePhrase(on: member.leftCell!)).")
        }
    }
}

struct MemberTransferOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer-out", abstract: "Đảng viên chuyển sinh hoạt đi nơi khác.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions
    @OptionGroup var leaving: LeavingOptions

    func run() async throws { try await leaving.leave(.transferred, options: options, actor: actor) }
}

struct MemberDeathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "death", abstract: "Đảng viên từ trần.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions
    @OptionGroup var leaving: LeavingOptions

    func run() async throws { try await leaving.leave(.deceased, options: options, actor: actor) }
}

struct MemberDiscardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract:
            "Bỏ một đảng viên ghi nhầm (sai ngày, nhầm người, ghi hai lần), khi chưa có trong biên bản hay văn bản nào; "
            + "ghi vào nhật ký. Đảng viên đã sinh hoạt ở chi bộ thì ghi ra khỏi chi bộ, không bỏ.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var who: MemberArgument

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let id = try await who.id(in: archive)
            let member = try await archive.discard(memberID: id, context: actor.context)
            print(
                "Đã bỏ \(member.fullName) (mã \(id)) ghi nhầm; nhật ký giữ lại việc này, và mã \(id) "
                    + "không dùng cho ai khác.")
        }
    }
}

struct MemberRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Xóa tên đảng viên.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: RegisterActorOptions
    @OptionGroup var leaving: LeavingOptions

    func run() async throws { try await leaving.leave(.removed, options: options, actor: actor) }
}

/// The offices by the words the command line takes: the codes, or the Vietnamese titles with
/// or without marks ("bí thư", "phó bí thư", "chi ủy viên", "ủy viên"; "uỷ" as "ủy").
enum OfficeOption {
    static func read(_ text: String) throws -> Role.Title {
        if let title = Role.Title(rawValue: text.lowercased()) { return title }
        let folded = VietnameseText.fold(TextNormalization.collapsed(text)).replacingOccurrences(of: "-", with: " ")
        let words: [String: Role.Title] = [
            "bi thu": .secretary, "pho bi thu": .deputySecretary, "chi uy vien": .committeeMember,
            "uy vien": .committeeMember, "uy vien chi uy": .committeeMember, "chi uy": .committeeMember,
            "deputy secretary": .deputySecretary, "committee member": .committeeMember,
        ]
        if let title = words[folded] { return title }
        throw OptionValueError(
            description:
                "--title: không có chức vụ «\(text)»; hãy ghi bí thư, phó bí thư hoặc chi ủy viên (hoặc secretary, deputy-secretary, committee-member)"
        )
    }
}

struct MemberRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role",
        abstract: "Nhận chức vụ trong chi bộ (--from), hoặc thôi chức vụ đang giữ (--end: ngày cuối cùng giữ chức).")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @OptionGroup var who: MemberArgument

    @Option(
        help: ArgumentHelp(
            "bí thư, phó bí thư hoặc chi ủy viên (hoặc secretary, deputy-secretary, committee-member).",
            valueName: "CHỨC_VỤ"))
    var title: String

    @Option(help: ArgumentHelp("Ngày nhận chức.", valueName: "NGÀY"))
    var from: String?

    @Option(help: ArgumentHelp("Ngày cuối cùng giữ chức, nếu đã biết.", valueName: "NGÀY"))
    var to: String?

    @Option(help: ArgumentHelp("Thôi chức vụ đang giữ: ngày cuối cùng giữ chức.", valueName: "NGÀY"))
    var end: String?

    func run() async throws {
        try await Failure.guarding {
            let title = try OfficeOption.read(title)
            let archive = try options.open()
            switch (from, end) {
            case (let from?, nil):
                let role = Role(
                    title: title, from: try DateOption.read(from, option: "--from"),
                    to: try DateOption.read(to, option: "--to"))
                let member = try await archive.takeOffice(
                    memberID: try await who.id(in: archive), role, today: Today.date, context: actor.context)
                print(
                    "Đã ghi \(member.fullName) giữ chức \(title.vietnameseName.lowercased()) từ \(role.from.vietnameseShort)."
                )
            case (nil, let end?):
                let member = try await archive.leaveOffice(
                    memberID: try await who.id(in: archive), title: title,
                    on: try DateOption.read(end, option: "--end"), today: Today.date,
                    context: actor.context)
                print("Đã ghi \(member.fullName) thôi chức \(title.vietnameseName.lowercased()).")
            default:
                throw OptionValueError(
                    description: "hãy ghi --from NGÀY (nhận chức) hoặc --end NGÀY (thôi chức), một trong hai")
            }
        }
    }
}

struct MemberPostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Ghi chức vụ kiêm nhiệm, ví dụ \"Trưởng thôn\".")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @OptionGroup var who: MemberArgument

    @Option(help: ArgumentHelp("Chức vụ kiêm nhiệm.", valueName: "CHỨC_VỤ"))
    var title: String

    @Option(help: ArgumentHelp("Ngày bắt đầu.", valueName: "NGÀY"))
    var from: String

    @Option(help: ArgumentHelp("Ngày kết thúc, nếu đã biết.", valueName: "NGÀY"))
    var to: String?

    func run() async throws {
        try await Failure.guarding {
            let post = ConcurrentPost(
                title: title, from: try DateOption.read(from, option: "--from"),
                to: try DateOption.read(to, option: "--to"))
            let archive = try options.open()
            let member = try await archive.addConcurrentPost(
                memberID: try await who.id(in: archive), post, today: Today.date, context: actor.context)
            print("Đã ghi \(member.fullName) kiêm nhiệm \(TextNormalization.collapsed(title)).")
        }
    }
}

struct MemberLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract:
            "Nạp danh sách đảng viên từ bảng tính (CSV, dấu phẩy hoặc chấm phẩy), tất cả hoặc không ai; --dry-run chỉ xem trước."
    )

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Option(help: ArgumentHelp("Chi bộ.", valueName: "CHI_BỘ"))
    var cell: String

    @Argument(
        help: ArgumentHelp(
            "Tệp CSV; dòng đầu là tiêu đề: Họ và tên, Ngày kết nạp (bắt buộc); Năm sinh, Ngày chính thức (để trống là dự bị), Ngày vào chi bộ (hay Ngày chuyển đến; để trống là ngày kết nạp).",
            valueName: "TỆP"))
    var file: String

    @Flag(help: "Chỉ xem trước: in các dòng đọc được và các lỗi, không ghi gì.")
    var dryRun = false

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            guard let data = FileManager.default.contents(atPath: file) else {
                throw OptionValueError(description: UnreadableFile.reason(file) ?? "không đọc được tệp \(file)")
            }
            let cellID = try await archive.cellID(cell) ?? cell
            let list = MemberList.read(data, cellID: cellID)
            if dryRun {
                for entry in list.entries {
                    let member = entry.member
                    print(
                        "dòng \(entry.row)\t\(member.fullName)\tkết nạp \(member.admitted.vietnameseShort)"
                            + (member.confirmed.map { "\tchính thức \($0.vietnameseShort)" } ?? "\tdự bị"))
                }
                let cells: [Cell] =
                    // The cell as the load reads it (its code, however `--cell` named it), with
                    // its members: a member already in it, whatever the tone placement of the
                    // name ("Hoà" is "Hòa"), is refused here as the load refuses it.
                    if case .cell(let found) = try await archive.record(id: cellID) { [found] } else { [] }
                let problems = try await archive.loadProblems(list, today: Today.date)
                // A row refused is not also warned of: the load says only why it refuses it.
                let refusedRows = Set(problems.map(\.row))
                let warnings = list.warnings(today: Today.date, cells: cells).filter { !refusedRows.contains($0.row) }
                // Problems and warnings by row, as the file reads.
                for line in (warnings + problems).inRowOrder { Failure.printError("\(file): \(line)") }
                // The closing line says what the preview means: nothing was written either way.
                if !problems.isEmpty {
                    Failure.note("xem trước: \(problems.count) lỗi, nên lệnh nạp sẽ không nạp ai; chưa ghi gì cả.")
                    throw ExitCode.failure
                }
                print(
                    "Xem trước: đọc được \(list.entries.count) đảng viên, không có lỗi; chưa ghi gì cả. "
                        + "Nạp thật bằng cùng lệnh, bỏ --dry-run.")
                return
            }
            let loaded = try await archive.load(list, today: Today.date, context: actor.context)
            print("Đã nạp \(loaded.count) đảng viên vào chi bộ \(cell).")
            // What loaded but deserves a look (a namesake, a probation long over): by row.
            for warning in list.longProbationWarnings(today: Today.date) {
                Failure.printError("\(file): \(warning)")
            }
        }
    }
}
