import Foundation
import LibXML
import Testing

/// Writes `text` to a new temporary file.
func temporaryFile(_ text: String) throws -> String {
    let path = temporaryPath()
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// One folder per test process for the files the tests write, removed when it exits.
let temporaryRoot: String = {
    let path = NSTemporaryDirectory() + "libxml-tests-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: temporaryRoot) }
    return path
}()

/// A fresh path for an XML file under the tests' temporary root.
func temporaryPath() -> String { temporaryRoot + "/\(UUID().uuidString).xml" }

@Suite("The libxml2 wrapper")
struct LibXMLTests {
    @Test func readsTheRootThenOneTreePerChild() throws {
        let path = try temporaryFile(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <root xmlns="urn:t" version="1">
              <item id="a"><p>Đảng viên</p><p><![CDATA[a & b]]></p></item>
              <item id="b"/>
            </root>
            """)
        let reader = try XMLPullReader(path: path, schema: nil)
        let root = try #require(reader.readRoot())
        #expect(root.name == "root" && root.namespace == "urn:t" && root.attribute("version") == "1")
        let first = try #require(reader.nextChild())
        #expect(first.attribute("id") == "a" && first.line == 3)
        #expect(first.children(named: "p").map(\.text) == ["Đảng viên", "a & b"])
        let second = try #require(reader.nextChild())
        #expect(second.attribute("id") == "b" && second.children.isEmpty)
        #expect(reader.nextChild() == nil)
        reader.finish()
        #expect(reader.diagnostics.isEmpty)
    }

    @Test func refusesADoctypeBeforeParsingIt() throws {
        let path = try temporaryFile(
            """
            <?xml version="1.0"?>
            <!-- a comment -->
            <!DOCTYPE root [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <root>&x;</root>
            """)
        let reader = try XMLPullReader(path: path, schema: nil)
        #expect(reader.readRoot() == nil)
        let diagnostic = try #require(reader.diagnostics.first)
        #expect(diagnostic.severity == .fatal && diagnostic.line == 3 && diagnostic.column == 1)
        #expect(diagnostic.message.contains("DOCTYPE"))
    }

    @Test func validatesAgainstASchemaAndGoesOnToFindMore() throws {
        let schema = try XMLSchema(
            data: Array(
                """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">
                  <xs:element name="root"><xs:complexType><xs:sequence>
                    <xs:element name="n" type="xs:integer" maxOccurs="unbounded"/>
                  </xs:sequence></xs:complexType></xs:element>
                </xs:schema>
                """.utf8))
        let path = try temporaryFile("<root xmlns=\"urn:t\">\n<n>1</n>\n<n>x</n>\n<n>2</n>\n<n>y</n>\n</root>\n")
        let reader = try XMLPullReader(path: path, schema: schema)
        _ = reader.readRoot()
        while reader.nextChild() != nil {}
        reader.finish()
        #expect(reader.diagnostics.map(\.line) == [3, 5])
        #expect(!reader.stoppedEarly)
    }

    @Test func linesPast65535AreExact() throws {
        let filler = String(repeating: "<n>1</n>\n", count: 70_000)
        let path = try temporaryFile("<root>\n" + filler + "<n>oops</x>\n</root>\n")
        let reader = try XMLPullReader(path: path, schema: nil)
        _ = reader.readRoot()
        while reader.nextChild() != nil {}
        #expect(reader.stoppedEarly)
        #expect(reader.diagnostics.first?.line == 70_002)
    }

    @Test func everyDiagnosticIsOneLine() throws {
        // libxml2 continues this message on a second line ("Bytes: 0xFF 0x3C …").
        let path = try temporaryFile("<root>\n<n>ok</n>\n<n>\u{1}</n>\n</root>\n")
        try Data([0x3C, 0x72, 0x3E, 0xFF, 0x3C, 0x2F, 0x72, 0x3E]).write(to: URL(fileURLWithPath: path))
        let reader = try XMLPullReader(path: path, schema: nil)
        _ = reader.readRoot()
        while reader.nextChild() != nil {}
        #expect(reader.stoppedEarly)
        #expect(reader.diagnostics.allSatisfy { !$0.message.contains("\n") && !$0.message.isEmpty })
        #expect(reader.diagnostics.first?.message.contains("Bytes: 0xFF") == true)
    }

    @Test func theWriterEscapesTextAndRefusesControlCharacters() throws {
        let path = temporaryPath()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(descriptor) }
        let writer = try XMLStreamWriter(fileDescriptor: descriptor)
        try writer.startDocument()
        try writer.startElement("root", namespace: "urn:t")
        try writer.element("p", attributes: [("title", "“a” & <b>")], text: "Thu & chi < 5 triệu")
        #expect(throws: XMLError.unwritableText("bad\u{1}")) { try writer.text("bad\u{1}") }
        #expect(throws: XMLError.unwritableText("x\u{0}")) { try writer.attribute("a", "x\u{0}") }
        try writer.endElement()
        try writer.endDocument()
        let reader = try XMLPullReader(path: path, schema: nil)
        _ = reader.readRoot()
        let paragraph = try #require(reader.nextChild())
        #expect(paragraph.text == "Thu & chi < 5 triệu")
        #expect(paragraph.attribute("title") == "“a” & <b>")
    }

    @Test func aSmallDocumentIsWrittenInMemory() throws {
        let xml = try XMLStreamWriter.document { writer in
            try writer.startElement("summary", namespace: "urn:t")
            try writer.element("cell", attributes: [("name", "Chi bộ \"Đồng Tâm\"")], text: "8 < 12 & đủ")
            try writer.endElement()
        }
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<summary xmlns=\"urn:t\">"))
        #expect(xml.contains("<cell name=\"Chi bộ &quot;Đồng Tâm&quot;\">8 &lt; 12 &amp; đủ</cell>"))
        #expect(throws: XMLError.self) {
            try XMLStreamWriter.document { writer in try writer.element("p", text: "chuông\u{7}") }
        }
    }

    @Test func writability() {
        #expect(XMLStreamWriter.isWritable("Đảng viên\tđảng phí\r\n"))
        #expect(!XMLStreamWriter.isWritable("a\u{1B}b"))
        #expect(!XMLStreamWriter.isWritable("\u{FFFE}"))
        #expect(!XMLStreamWriter.isWritable("ab\u{FFFF}"))
        #expect(!XMLStreamWriter.isWritable("\u{0}"))
        // Neighbours of the forbidden code points stay writable.
        #expect(XMLStreamWriter.isWritable("\u{FFBE}\u{FFBF}\u{FEFF}\u{3FFF}\u{FFFD}🌾"))
    }
}
