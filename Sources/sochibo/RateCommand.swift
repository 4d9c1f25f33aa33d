import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

struct RateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Chấm điểm một kỳ sinh hoạt theo thang điểm của kho và ghi xếp loại.",
        discussion: """
            Cho điểm từng tiêu chí dạng TIÊU_CHÍ=ĐIỂM: tiêu chí viết bằng mã hoặc bằng tên tiếng Việt
            (vài chữ đầu là đủ, có dấu hay không dấu). Xem các tiêu chí bằng `sochibo rubric`.
            Chi bộ tự đánh giá (--as cell, mặc định) và đảng ủy xếp loại (--as committee) là hai
            việc khác nhau, lưu riêng; tổng hợp tính theo xếp loại của đảng ủy nếu có.
            Ví dụ: sochibo rate dt-2024-05 time=5 attendance=4 preparation=9 conduct=27 steering=9 principles=5 results=26 closing=5
                   sochibo rate dt-2024-05 --as committee "thời gian=5" "tỷ lệ=4" "chuẩn bị=9" "tiến hành=27" "vai trò=9" "thực hiện nguyên tắc=5" "kết quả=26" "kết luận=5"
            """)

    enum Rater: String, ExpressibleByArgument, CaseIterable {
        case cell, committee
    }

    @OptionGroup var options: ArchiveOptions
    @OptionGroup var actor: ActorOptions

    @Option(help: ArgumentHelp("Lời nhận xét ghi kèm xếp loại.", valueName: "LỜI"))
    var note: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Ai xếp loại: cell (chi bộ tự đánh giá, mặc định) hoặc committee (đảng ủy xếp loại).",
            valueName: "BÊN_XẾP_LOẠI"))
    var rater: Rater = .cell

    @Argument(help: ArgumentHelp("Mã kỳ sinh hoạt.", valueName: "BIÊN_BẢN"))
    var meeting: String

    @Argument(help: ArgumentHelp("Điểm từng tiêu chí, dạng time=5.", valueName: "TIÊU_CHÍ=ĐIỂM"))
    var points: [String] = []

    func parsedPoints() throws -> [(criterion: String, points: Int)] {
        try points.map { argument in
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let value = Int(parts[1]) else {
                throw ValidationError("“\(argument)” không đúng dạng TIÊU_CHÍ=ĐIỂM, ví dụ results=28.")
            }
            return (String(parts[0]), value)
        }
    }

    func validate() throws { _ = try parsedPoints() }

    func run() async throws {
        try await Failure.guarding {
            let rater: Rating.Rater = rater == .cell ? .cell : .committee
            let archive = try options.open()
            let rating = try await archive.rate(
                meetingID: try await archive.recordID(naming: meeting, expecting: .meeting), points: try parsedPoints(),
                note: note,
                by: rater, context: actor.context)
            let who = rater == .cell ? "Chi bộ tự đánh giá" : "Đảng ủy xếp loại"
            print(
                "\(who) kỳ sinh hoạt \(meeting): \(rating.score ?? 0)/100 điểm, loại \(rating.level.vietnameseName)."
            )
        }
    }
}

struct RubricCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Xem hoặc đặt thang điểm xếp loại chất lượng sinh hoạt của kho.",
        discussion: """
            Để sửa: sochibo rubric --format json > thang-diem.json, sửa tệp, rồi sochibo rubric --set thang-diem.json.
            Các tiêu chí phải cộng lại đủ 100 điểm; ngưỡng xếp loại tăng dần Trung bình < Khá < Tốt.
            """)

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Đặt thang điểm mới từ tệp JSON này.", valueName: "TỆP"))
    var set: String?

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    func run() async throws {
        try await Failure.guarding {
            let archive = try options.open()
            let rubric: RatingRubric
            if let set {
                rubric = try await archive.setRubric(try Self.read(set))
                if format == .text { print("Đã đặt thang điểm mới.") }
            } else {
                rubric = try await archive.rubric()
            }
            switch format {
            case .text: print(Self.text(rubric))
            case .json: print(try JSONOutput.string(rubric))
            }
        }
    }

    static func read(_ path: String) throws -> RatingRubric {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RatingRubric.Mistake(UnreadableFile.reason(path) ?? "\(path): không đọc được tệp")
        }
        do {
            return try JSONDecoder().decode(RatingRubric.self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            throw RatingRubric.Mistake("\(path): thang điểm thiếu khóa “\(Self.path(context.codingPath + [key]))”")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw RatingRubric.Mistake("\(path): giá trị sai kiểu ở “\(Self.path(context.codingPath))”")
        } catch {
            throw RatingRubric.Mistake("\(path): không phải JSON hợp lệ")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    static func text(_ rubric: RatingRubric) -> String {
        let table = TextTable.render(
            headers: ["Mã", "Tiêu chí", "Điểm tối đa"],
            rows: rubric.criteria.map { [$0.id, $0.name, "\($0.points)"] })
        let levels = rubric.thresholds
        return table
            + "\nTổng: \(rubric.total) điểm. Tốt từ \(levels.good), Khá từ \(levels.fair), Trung bình từ \(levels.average), dưới \(levels.average) là Kém."
    }
}
