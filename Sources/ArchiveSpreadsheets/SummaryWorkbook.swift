import ArchiveCore
import Foundation
import LibXML
import ZIPFoundation

/// The summary as an Excel workbook (.xlsx, Office Open XML): the sheet "Chi bộ" with one row
/// per cell in Vietnamese order, and the sheet "Vi phạm, lưu ý" with one row per finding; the
/// same columns as the CSV (`SummaryTable`), Vietnamese headers in bold on a frozen first row
/// with a filter, shares and rates as real percentages (numbers formatted `0.0%`), counts as
/// numbers, text as inline strings (never a formula). The parts are written with libxml2's
/// writer and zipped with ZIPFoundation; the bytes depend only on the summary.
///
/// ```swift
/// let data = try SummaryWorkbook.data(summary)   // write it to bao-cao.xlsx
/// ```
public enum SummaryWorkbook {
    /// The workbook's bytes.
    ///
    /// - throws: `LibXML.XMLError` if a part cannot be written, or ZIPFoundation's errors if the
    ///   package cannot be built (neither happens with text the archive accepts).
    public static func data(_ summary: YearSummary) throws -> Data {
        let sheets: [(name: String, columns: [SummaryTable.Column], rows: [[SummaryTable.Value]])] = [
            ("Chi bộ", SummaryTable.cellColumns, SummaryTable.cellRows(summary)),
            ("Vi phạm, lưu ý", SummaryTable.findingColumns, SummaryTable.findingRows(summary)),
        ]
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", try contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", try packageRelationships()),
            ("xl/workbook.xml", try workbook(sheetNames: sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", try workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", try styles()),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                ("xl/worksheets/sheet\(index + 1).xml", try worksheet(columns: sheet.columns, rows: sheet.rows)))
        }
        let zip = try Archive(accessMode: .create)
        // A fixed time, so that the same summary gives the same bytes.
        let stamp = Date(timeIntervalSince1970: 1_704_067_200)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try zip.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = zip.data else { throw XMLError.writeFailed("the workbook's package") }
        return data
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) throws -> String {
        try XMLStreamWriter.document { writer in
            try writer.startElement("Types", namespace: "http://schemas.openxmlformats.org/package/2006/content-types")
            try writer.element(
                "Default",
                attributes: [
                    ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"),
                ])
            try writer.element("Default", attributes: [("Extension", "xml"), ("ContentType", "application/xml")])
            try writer.element(
                "Override",
                attributes: [
                    ("PartName", "/xl/workbook.xml"),
                    ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                ])
            try writer.element(
                "Override",
                attributes: [
                    ("PartName", "/xl/styles.xml"),
                    ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
                ])
            for index in 1...sheetCount {
                try writer.element(
                    "Override",
                    attributes: [
                        ("PartName", "/xl/worksheets/sheet\(index).xml"),
                        ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
                    ])
            }
            try writer.endElement()
        }
    }

    private static func packageRelationships() throws -> String {
        try XMLStreamWriter.document { writer in
            try writer.startElement("Relationships", namespace: relationships)
            try writer.element(
                "Relationship",
                attributes: [
                    ("Id", "rId1"), ("Type", officeRelationships + "/officeDocument"), ("Target", "xl/workbook.xml"),
                ])
            try writer.endElement()
        }
    }

    private static func workbook(sheetNames: [String]) throws -> String {
        try XMLStreamWriter.document { writer in
            try writer.startElement("workbook", namespace: main)
            try writer.attribute("xmlns:r", officeRelationships)
            try writer.startElement("sheets")
            for (index, name) in sheetNames.enumerated() {
                try writer.element(
                    "sheet", attributes: [("name", name), ("sheetId", "\(index + 1)"), ("r:id", "rId\(index + 1)")])
            }
            try writer.endElement()
            try writer.endElement()
        }
    }

    private static func workbookRelationships(sheetCount: Int) throws -> String {
        try XMLStreamWriter.document { writer in
            try writer.startElement("Relationships", namespace: relationships)
            for index in 1...sheetCount {
                try writer.element(
                    "Relationship",
                    attributes: [
                        ("Id", "rId\(index)"), ("Type", officeRelationships + "/worksheet"),
                        ("Target", "worksheets/sheet\(index).xml"),
                    ])
            }
            try writer.element(
                "Relationship",
                attributes: [
                    ("Id", "rId\(sheetCount + 1)"), ("Type", officeRelationships + "/styles"), ("Target", "styles.xml"),
                ])
            try writer.endElement()
        }
    }

    /// Style 0: plain; 1: bold (headers); 2: a percentage with one decimal.
    private static func styles() throws -> String {
        try XMLStreamWriter.document { writer in
            try writer.startElement("styleSheet", namespace: main)
            try writer.startElement("numFmts")
            try writer.attribute("count", "1")
            try writer.element("numFmt", attributes: [("numFmtId", "164"), ("formatCode", "0.0%")])
            try writer.endElement()
            try writer.startElement("fonts")
            try writer.attribute("count", "2")
            for bold in [false, true] {
                try writer.startElement("font")
                if bold { try writer.element("b") }
                try writer.element("sz", attributes: [("val", "11")])
                try writer.element("name", attributes: [("val", "Calibri")])
                try writer.endElement()
            }
            try writer.endElement()
            try writer.startElement("fills")
            try writer.attribute("count", "2")
            for pattern in ["none", "gray125"] {
                try writer.startElement("fill")
                try writer.element("patternFill", attributes: [("patternType", pattern)])
                try writer.endElement()
            }
            try writer.endElement()
            try writer.startElement("borders")
            try writer.attribute("count", "1")
            try writer.element("border")
            try writer.endElement()
            try writer.startElement("cellStyleXfs")
            try writer.attribute("count", "1")
            try writer.element(
                "xf", attributes: [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
            try writer.endElement()
            try writer.startElement("cellXfs")
            try writer.attribute("count", "3")
            for (format, font) in [("0", "0"), ("0", "1"), ("164", "0")] {
                try writer.element(
                    "xf",
                    attributes: [
                        ("numFmtId", format), ("fontId", font), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"),
                        ("applyNumberFormat", format == "0" ? nil : "1"), ("applyFont", font == "0" ? nil : "1"),
                    ])
            }
            try writer.endElement()
            try writer.startElement("cellStyles")
            try writer.attribute("count", "1")
            try writer.element("cellStyle", attributes: [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
            try writer.endElement()
            try writer.endElement()
        }
    }

    private static func worksheet(columns: [SummaryTable.Column], rows: [[SummaryTable.Value]]) throws -> String {
        try XMLStreamWriter.document { writer in
            try writer.startElement("worksheet", namespace: main)
            try writer.startElement("sheetViews")
            try writer.startElement("sheetView")
            try writer.attribute("workbookViewId", "0")
            try writer.element(
                "pane",
                attributes: [("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"), ("state", "frozen")])
            try writer.endElement()
            try writer.endElement()
            try writer.startElement("cols")
            for (index, column) in columns.enumerated() {
                let width =
                    column.kind == .text
                    ? max(14, min(60, column.header.count + 4)) : max(9, column.header.count / 2 + 4)
                try writer.element(
                    "col",
                    attributes: [
                        ("min", "\(index + 1)"), ("max", "\(index + 1)"), ("width", "\(width)"), ("customWidth", "1"),
                    ])
            }
            try writer.endElement()
            try writer.startElement("sheetData")
            try row(1, columns.map { .text($0.header) }, columns: columns, header: true, writer)
            for (index, values) in rows.enumerated() {
                try row(index + 2, values, columns: columns, header: false, writer)
            }
            try writer.endElement()
            try writer.element(
                "autoFilter", attributes: [("ref", "A1:\(reference(columns.count - 1, rows.count + 1))")])
            try writer.endElement()
        }
    }

    private static func row(
        _ number: Int, _ values: [SummaryTable.Value], columns: [SummaryTable.Column], header: Bool,
        _ writer: XMLStreamWriter
    ) throws {
        try writer.startElement("row")
        try writer.attribute("r", "\(number)")
        for (index, value) in values.enumerated() {
            try writer.startElement("c")
            try writer.attribute("r", reference(index, number))
            switch value {
            case .text(let text):
                try writer.attribute("t", "inlineStr")
                if header { try writer.attribute("s", "1") }
                try writer.startElement("is")
                try writer.element("t", attributes: [("xml:space", "preserve")], text: text)
                try writer.endElement()
            case .integer(let integer):
                try writer.element("v", text: "\(integer)")
            case .share(let share):
                try writer.attribute("s", "2")
                if let share, share.isFinite { try writer.element("v", text: "\(share)") }
            }
            try writer.endElement()
        }
        try writer.endElement()
    }

    /// "A1", "AG4": the column letters of `column` (0-based) and the row number.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters + "\(row)"
    }
}
