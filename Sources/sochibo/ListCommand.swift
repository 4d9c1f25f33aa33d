import ArchiveCore
import ArchiveSQLite
import ArgumentParser

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liệt kê chi bộ, đảng viên, kỳ sinh hoạt hoặc văn bản.")

    enum What: String, ExpressibleByArgument, CaseIterable {
        case organizations, cells, members, meetings, documents
    }

    @Argument(
        help: ArgumentHelp(
            "Cần liệt kê gì: organizations (đảng bộ) | cells | members | meetings | documents.", valueName: "DANH_SÁCH")
    )
    var what: What

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Chỉ chi bộ này.", valueName: "CHI_BỘ"))
    var cell: String?

    @Option(help: ArgumentHelp("Chỉ năm này (tình trạng đảng viên tính đến 31/12 của năm).", valueName: "NĂM"))
    var year: Int?

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    @Flag(help: "Ghi cả trích yếu của văn bản mật (Mật, Tối mật, Tuyệt mật) khi liệt kê văn bản (mặc định để lại).")
    var includeConfidential = false

    func validate() throws {
        if let year, !(1930...9999).contains(year) { throw ValidationError("--year phải là một năm, ví dụ 2023.") }
    }

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let date = year.flatMap { LocalDate(year: $0, month: 12, day: 31) } ?? Today.date
            let json = format == .json
            let cell = try await archive.cellID(cell)
            switch what {
            case .organizations:
                let organizations = try await archive.organizations()
                print(json ? try JSONOutput.string(organizations) : ListText.organizations(organizations))
            case .cells:
                let cells = try await archive.cells(on: date).filter { cell == nil || $0.id == cell }
                print(json ? try JSONOutput.string(cells) : ListText.cells(cells))
            case .members:
                // Cell by cell in the order of their names, each cell's members by name, as a
                // register lists them (`VietnameseCollation`; issue 11, item 7).
                let cellOrder =
                    cell == nil
                    ? Dictionary(
                        try await archive.cells(on: date).enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
                    : [:]
                let members = try await archive.members(cellID: cell, on: date).sorted { left, right in
                    let (leftCell, rightCell) = (cellOrder[left.cell] ?? 0, cellOrder[right.cell] ?? 0)
                    if leftCell != rightCell { return leftCell < rightCell }
                    if VietnameseCollation.personPrecedes(left.fullName, right.fullName) { return true }
                    if VietnameseCollation.personPrecedes(right.fullName, left.fullName) { return false }
                    return left.id < right.id
                }
                print(json ? try JSONOutput.string(members) : ListText.members(members))
            case .meetings:
                let meetings = try await archive.meetings(cellID: cell, year: year)
                print(json ? try JSONOutput.string(meetings) : ListText.meetings(meetings))
            case .documents:
                var documents = try await archive.documents(cellID: cell, year: year)
                var withheld = 0
                if !includeConfidential {
                    // The row stays (its number and marking are not secret); the title is
                    // drawn from the confidential record and is withheld (domain.md).
                    for index in documents.indices where documents[index].classification != .none {
                        documents[index].title = ListText.withheldTitle
                        withheld += 1
                    }
                }
                print(json ? try JSONOutput.string(documents) : ListText.documents(documents))
                if withheld > 0 {
                    Failure.note(
                        "đã để lại trích yếu của \(withheld) văn bản mật; thêm --include-confidential nếu được phép xem."
                    )
                }
            }
        }
    }
}
