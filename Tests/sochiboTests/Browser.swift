import Foundation
import Testing

/// An HTML page as a person sees it, through the real Debian `chromium`: printed to PDF and
/// checked to be A4, read back with `pdftotext` (white space collapsed, since justified lines
/// stretch it), and drawn to a PNG that must be a real image.
enum Browser {
    /// The PDF's text; the PDF and PNG are left as `NAME.pdf` and `NAME.png` in `directory`.
    static func printedText(_ html: String, in directory: String, name: String) throws -> String {
        let pdf = directory + "/\(name).pdf"
        let png = directory + "/\(name).png"
        let browser = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(directory)/chromium-profile",
        ]
        let made = try Sochibo.tool("/usr/bin/chromium", browser + ["--print-to-pdf=\(pdf)", "file://\(html)"])
        #expect(made.status == 0, "\(made.errors)")
        let drawn = try Sochibo.tool(
            "/usr/bin/chromium", browser + ["--screenshot=\(png)", "--window-size=900,1300", "file://\(html)"])
        #expect(drawn.status == 0, "\(drawn.errors)")
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 20_000)
        let info = try Sochibo.tool("/usr/bin/pdfinfo", [pdf])
        #expect(info.output.contains("(A4)"), "\(info.output)")
        let text = try Sochibo.tool("/usr/bin/pdftotext", [pdf, "-"]).output
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// How many pages `NAME.pdf` in `directory` has, by `pdfinfo`.
    static func pageCount(in directory: String, name: String) throws -> Int {
        let info = try Sochibo.tool("/usr/bin/pdfinfo", [directory + "/\(name).pdf"]).output
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }
}
