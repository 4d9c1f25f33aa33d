import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "In mẫu biên bản hoặc văn bản để điền (hoặc mẫu đã điền sẵn của một bản ghi, để sửa).",
        discussion: """
            sochibo template meeting --cell cb-na-pan --date 05/12/2024 -o bien-ban.txt
            sochibo template document --cell cb-na-pan --type NQ -o nghi-quyet.txt
            sochibo template --from cb-na-pan-2024-12-05 -o sua.txt
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case meeting, document
    }

    @OptionGroup var options: ArchiveOptions

    @Argument(help: ArgumentHelp("meeting (biên bản) hoặc document (văn bản).", valueName: "LOẠI"))
    var kind: Kind?

    @Option(help: ArgumentHelp("Chi bộ.", valueName: "CHI_BỘ"))
    var cell: String?

    @Option(help: ArgumentHelp("Ngày sinh hoạt hoặc ngày văn bản (mặc định: hôm nay).", valueName: "NGÀY"))
    var date: String?

    @Option(help: ArgumentHelp("Loại văn bản, ví dụ NQ.", valueName: "LOẠI"))
    var type: String?

    @Option(help: ArgumentHelp("Mẫu điền sẵn nội dung hiện có của bản ghi này.", valueName: "MÃ"))
    var from: String?

    @Option(
        name: .short, help: ArgumentHelp("Ghi ra tệp này thay vì đầu ra chuẩn (- là đầu ra chuẩn).", valueName: "TỆP"))
    var output: String?

    func validate() throws {
        if from != nil {
            guard kind == nil, cell == nil, type == nil else {
                throw ValidationError("--from không đi cùng meeting/document, --cell hay --type.")
            }
            return
        }
        guard kind != nil, cell != nil else {
            throw ValidationError("hãy ghi meeting hoặc document và --cell ID (hoặc --from ID).")
        }
        if kind == .document, type == nil { throw ValidationError("mẫu văn bản cần --type, ví dụ --type NQ.") }
        if let date, let problem = LocalDate.typed(date).problem(label: "--date") { throw ValidationError(problem) }
        if let type, Document.Kind(code: type) == nil {
            throw ValidationError(
                "--type: không có loại văn bản \(type) (NQ, KL, QĐ, CT, HD, TB, BC, KH, CTr, TTr, ĐA, BB, CV).")
        }
    }

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let day = date.flatMap { LocalDate.typed($0).date } ?? Today.date
            let cell = try await archive.cellID(cell)
            // The date of a blank form is held to the cell's life as a filed form's is.
            if let cell, date != nil, case .cell(let found) = try await archive.record(id: cell),
                let outside = found.lifeProblem(on: day)
            {
                throw DateOptionError(description: "--date: \(outside)")
            }
            let form: String
            if let from {
                form = try await archive.filledForm(id: try await archive.recordID(naming: from))
            } else if kind == .meeting, let cell {
                form = try await archive.meetingForm(cellID: cell, date: day)
            } else if let cell, let type, let documentKind = Document.Kind(code: type) {
                form = try await archive.documentForm(cellID: cell, kind: documentKind, date: day)
            } else {
                return
            }
            try OutputFile.write(form, to: output)
        }
    }
}

/// A filled form read from disk: UTF-8 (a BOM is fine), or a one-line error.
enum FormFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArchiveError.formRefused([
                FormProblem(file: path, line: 0, message: UnreadableFile.reason(path) ?? "không đọc được tệp")
            ])
        }
        // Notepad's "Unicode" is UTF-16 with a byte order mark: read as the XML import reads it.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]),
            let text = String(data: data, encoding: .utf16)
        {
            return text
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        // The first line that is not UTF-8, so that the person sees where the other encoding shows.
        var line = 1
        for bytes in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: bytes, as: UTF8.self) == nil { break }
            line += 1
        }
        throw ArchiveError.formRefused([
            FormProblem(
                file: path, line: line,
                message: "có chữ không phải mã UTF-8 (tệp được lưu bằng bảng mã khác, như Windows-1258, TCVN3 hay "
                    + "ANSI); hãy mở tệp bằng Notepad, chọn “Lưu thành”, chọn mã UTF-8 rồi lưu lại")
        ])
    }
}

struct FileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "Lưu một mẫu biên bản hoặc văn bản đã điền thành dự thảo.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Tệp mẫu đã điền.", valueName: "TỆP_MẪU"))
    var form: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let record = try await archive.file(
                form: try FormFile.read(form), named: form, today: Today.date, context: actor.context)
            switch record {
            case .meeting(let meeting):
                print(
                    "Đã lưu dự thảo biên bản \(meeting.id) ngày \(meeting.date.vietnameseShort). Khi biên bản đã được đọc lại và thông qua: sochibo approve \(meeting.id)"
                )
                for warning in try await archive.approvalWarnings(meetingID: meeting.id) {
                    print("Cảnh báo: \(warning.vietnameseDescription).")
                }
            case .document(let document):
                print(
                    "Đã lưu dự thảo \(document.kind.vietnameseName.lowercased()) \(document.id). Để cấp số và ban hành: sochibo issue \(document.id)"
                )
            }
        }
    }
}

struct CorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract:
            "Đính chính biên bản đã thông qua hoặc văn bản đã ban hành bằng một phiên bản mới; phiên bản cũ vẫn được giữ.",
        discussion: "Lấy mẫu điền sẵn bằng: sochibo template --from ID -o sua.txt; sửa; rồi: sochibo correct ID sua.txt"
    )

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Mã biên bản hoặc văn bản.", valueName: "MÃ"))
    var id: String

    @Argument(help: ArgumentHelp("Tệp mẫu đã sửa.", valueName: "TỆP_MẪU"))
    var form: String

    @Option(help: ArgumentHelp("Lý do đính chính, giữ cùng phiên bản cũ.", valueName: "LÝ_DO"))
    var reason: String?

    @Flag(help: "Vẫn ghi đính chính biên bản có cảnh báo (sau khi đã xem lại các cảnh báo).")
    var confirm = false

    func run() async throws {
        try await Failure.guarding {
            var context = actor.context
            context.reason = reason.map(TextNormalization.collapsed).flatMap { $0.isEmpty ? nil : $0 }
            let archive = try options.open()
            let id = try await archive.recordID(naming: id)
            let lifecycle = try await archive.correct(
                id: id, form: try FormFile.read(form), named: form, today: Today.date, confirmingWarnings: confirm,
                context: context)
            print(
                "Đã ghi đính chính \(id): phiên bản \(lifecycle.version) (mã sha256 \(lifecycle.sha256 ?? "")); các phiên bản trước vẫn xem được bằng sochibo show \(id) --version N."
            )
        }
    }
}

struct DiscardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract: "Bỏ một dự thảo (biên bản hoặc văn bản) lưu nhầm; ghi vào nhật ký. Bản đã khóa không bỏ được.")

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Argument(help: ArgumentHelp("Mã biên bản hoặc văn bản dự thảo.", valueName: "MÃ"))
    var id: String

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let record = try await archive.discard(id: try await archive.recordID(naming: id), context: actor.context)
            let what = record.kind == .meeting ? "dự thảo biên bản" : "dự thảo văn bản"
            print("Đã bỏ \(what) \(record.id); nhật ký vẫn giữ các lần lưu trước đó.")
        }
    }
}
