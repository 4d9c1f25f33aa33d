import ArchiveCore
import ArchiveSQLite
import ArgumentParser
import Foundation

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Tìm biên bản và văn bản: có dấu hay không dấu, cụm từ trong ngoặc kép, tiền tố*, OR, -loại trừ.")

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp("Chỉ chi bộ này.", valueName: "CHI_BỘ"))
    var cell: String?

    @Option(help: ArgumentHelp("Chỉ các chi bộ thuộc đảng bộ này (cả đảng bộ cấp dưới).", valueName: "ĐẢNG_BỘ"))
    var organization: String?

    @Option(help: ArgumentHelp("Chỉ văn bản loại này, ví dụ NQ (có thể lặp lại).", valueName: "LOẠI"))
    var type: [String] = []

    @Option(help: ArgumentHelp("Chỉ meeting (biên bản) hoặc document (văn bản).", valueName: "LOẠI"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("Từ ngày.", valueName: "NGÀY"))
    var from: String?

    @Option(help: ArgumentHelp("Đến ngày.", valueName: "NGÀY"))
    var to: String?

    @Option(
        help: ArgumentHelp("Chỉ văn bản ở trạng thái này: draft, issued, superseded, revoked.", valueName: "TRẠNG_THÁI")
    )
    var status: [String] = []

    @Option(help: ArgumentHelp("Số kết quả tối đa.", valueName: "SỐ"))
    var limit = 20

    @Option(help: ArgumentHelp("Bỏ qua bấy nhiêu kết quả đầu (để xem trang sau).", valueName: "SỐ"))
    var offset = 0

    @Flag(help: "Tìm cả văn bản mật (Mật, Tối mật, Tuyệt mật).")
    var includeConfidential = false

    @Option(help: ArgumentHelp("Định dạng: text (mặc định) hoặc json.", valueName: "ĐỊNH_DẠNG"))
    var format: OutputFormat = .text

    @Argument(help: ArgumentHelp("Nội dung cần tìm.", valueName: "TỪ_KHÓA"))
    var words: [String]

    func filters() throws -> SearchFilters {
        func date(_ text: String?, _ option: String) throws -> LocalDate? {
            guard let text else { return nil }
            let typed = LocalDate.typed(text)
            guard let date = typed.date else { throw ValidationError(typed.problem(label: option) ?? text) }
            return date
        }
        let types = try type.map { code in
            guard let kind = Document.Kind(code: code) else {
                throw ValidationError(
                    "--type: không có loại văn bản \(code) (NQ, KL, QĐ, CT, HD, TB, BC, KH, CTr, TTr, ĐA, BB, CV).")
            }
            return kind
        }
        let kinds = try kind.map { value in
            guard let kind = RecordKind(rawValue: value), kind == .meeting || kind == .document else {
                throw ValidationError("--kind chỉ nhận meeting hoặc document.")
            }
            return kind
        }
        let statuses = try status.map { value in
            guard let status = Document.Status(rawValue: value) else {
                throw ValidationError("--status chỉ nhận draft, issued, superseded hoặc revoked.")
            }
            return status
        }
        guard (1...SearchFilters.maximumLimit).contains(limit) else {
            throw ValidationError("--limit phải từ 1 đến \(SearchFilters.maximumLimit).")
        }
        guard (0...SearchFilters.maximumOffset).contains(offset) else {
            throw ValidationError("--offset phải từ 0 đến \(SearchFilters.maximumOffset).")
        }
        return SearchFilters(
            cellID: cell, organizationID: organization, types: types, kinds: kinds, from: try date(from, "--from"),
            to: try date(to, "--to"), statuses: statuses, includeConfidential: includeConfidential, limit: limit,
            offset: offset)
    }

    func validate() throws { _ = try filters() }

    /// The most hits counted when the page asked for ends before it, as on the web.
    static let countedHits = 500

    func run() async throws {
        try await Failure.guarding {
            let query = words.joined(separator: " ")
            let archive = try options.open()
            var filters = try filters()
            filters.cellID = try await archive.cellID(cell)
            filters.organizationID = try await archive.organizationID(organization)
            let counted = try await archive.countedSearch(
                query, filters, countingUpTo: max(Self.countedHits, offset.addingSaturating(limit)))
            let results = counted.page
            switch format {
            case .text:
                let names = Dictionary(
                    try await archive.cells(on: Today.date).map { ($0.id, $0.name) },
                    uniquingKeysWith: { first, _ in first })
                print(SearchText.render(counted, query: query, limit: limit, cellNames: names))
            case .json:
                // The hits found through corrected words carry them; the lines go to stderr,
                // so that the output stays the array of hits. Each hit also carries the count
                // the text's last line gives (`SearchHitWithCount`).
                print(try JSONOutput.string(results.hits.map { SearchHitWithCount(hit: $0, of: counted) }))
                for line in [results.correctionLine, results.suggestionLine].compactMap({ $0 }) {
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
                // An empty array carries no count: an offset past the end says so, as the
                // text does, on stderr.
                if results.hits.isEmpty, counted.total > 0 {
                    Failure.note(SearchText.pastTheEnd(counted, query: query, limit: limit))
                }
            }
            if counted.hiddenConfidential > 0 {
                Failure.note(SearchText.hiddenNote(counted.hiddenConfidential))
            }
        }
    }
}

/// A hit of `search --format json`: the hit's own fields, unchanged, and what part of all the
/// results it belongs to, as the text output says it ("Hiển thị 1–20 trong 161 kết quả",
/// "đã để lại 2 văn bản mật…"). The output stays an array of hits, so each hit carries the
/// same three fields:
/// - `total`: how many hits there are in all that may be seen (counted up to 500, or to the
///   end of the page asked for);
/// - `totalIsCapped`: whether counting stopped there, so that there are at least `total`;
/// - `hiddenConfidential`: how many confidential documents matched but were left out (0 with
///   `--include-confidential`).
struct SearchHitWithCount: Encodable {
    var hit: SearchHit
    var total: Int
    var totalIsCapped: Bool
    var hiddenConfidential: Int

    init(hit: SearchHit, of counted: CountedSearchResults) {
        self.hit = hit
        total = counted.total
        totalIsCapped = counted.isCapped
        hiddenConfidential = counted.hiddenConfidential
    }

    private enum CodingKeys: String, CodingKey {
        case total, totalIsCapped, hiddenConfidential
    }

    func encode(to encoder: any Encoder) throws {
        try hit.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(totalIsCapped, forKey: .totalIsCapped)
        try container.encode(hiddenConfidential, forKey: .hiddenConfidential)
    }
}

struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex", abstract: "Dựng lại chỉ mục tìm kiếm từ các bản ghi.")

    @OptionGroup var options: ArchiveOptions

    func run() async throws {
        try await Failure.guarding {
            try await options.open().reindex()
            print("Đã dựng lại chỉ mục tìm kiếm.")
        }
    }
}
