import Foundation
import LibXML
import Testing

/// The input guard decodes attachments past libxml2's 10 MB itself, refuses them past their
/// limit, and places elements exactly past line 65,535 (issue 11, items 12, 13).
@Suite("Input limits and positions")
struct InputLimitTests {
    /// Reads the whole document; the children of the root, and the diagnostics.
    func read(_ path: String, limits: XMLInputLimits = .standard) throws -> ([XMLElement], [XMLDiagnostic]) {
        let reader = try XMLPullReader(path: path, schema: nil, limits: limits)
        var children: [XMLElement] = []
        if reader.readRoot() != nil {
            while let child = reader.nextChild() { children.append(child) }
        }
        reader.finish()
        return (children, reader.diagnostics)
    }

    static let base64 = XMLInputLimits(base64Elements: ["attachment"], maximumBase64Bytes: 16_000_000)

    /// `count` bytes that do not repeat.
    static func bytes(_ count: Int) -> Data {
        var state: UInt32 = 2_463_534_242
        return Data(
            (0..<count).map { _ in
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                return UInt8(truncatingIfNeeded: state)
            })
    }

    @Test func base64TextOverTenMegabytesIsDecodedByTheReader() throws {
        // 12 MB in lines of 76 ending in CR LF, as mail programs write it; libxml2 refuses a
        // text node over 10 MB, and would take minutes gathering one.
        let content = Self.bytes(12_000_000)
        let text = content.base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        let before = "<root>\n<attachment name=\"a.pdf\">\r\n" + text + "\r\n</attachment>\n"
        let path = try temporaryFile(before + "<after/>\n</root>\n")
        let (children, diagnostics) = try read(path, limits: Self.base64)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var decoder = try #require(children.first?.base64)
        decoder.feed(children[0].text)
        #expect(decoder.finish() == content)
        // Its line ends stay: the element after it is on its true line.
        let line = before.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
        #expect(children.last?.name == "after" && children.last?.line == line)
    }

    @Test func base64InCDATAOrWithWhiteSpaceReferencesIsReadToo() throws {
        let path = try temporaryFile(
            "<root>\n<attachment><![CDATA[aGVs]]>bG8=</attachment>\n<attachment>aGVs&#13;&#10;bG8=</attachment>\n"
                + "<attachment>aGVs&amp;bG8=</attachment>\n</root>\n")
        let (children, diagnostics) = try read(path, limits: Self.base64)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let decoded = children.map { child -> Data? in
            var decoder = child.base64 ?? Base64Decoder()
            decoder.feed(child.text)
            return decoder.finish()
        }
        #expect(decoded == [Data("hello".utf8), Data("hello".utf8), nil])
    }

    @Test func base64OverItsLimitIsRefusedNamedAndMeasuredToItsEnd() throws {
        let text = Self.bytes(3_000_000).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        let path = try temporaryFile(
            "<root>\n  <ok>a</ok>\n  <a:attachment xmlns:a=\"urn:t\" mediaType=\"application/pdf\"\n name='biên bản.pdf'>"
                + text + "</a:attachment>\n</root>\n")
        let limits = XMLInputLimits(base64Elements: ["attachment"], maximumBase64Bytes: 1_000_000)
        let (_, diagnostics) = try read(path, limits: limits)
        let refusal = try #require(diagnostics.last)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(refusal.severity == .fatal && refusal.line == 3 && refusal.column == 3)
        #expect(
            refusal.refusal
                == .base64TooLarge(
                    element: "attachment", nameAttribute: "biên bản.pdf", bytes: 3_000_000, limit: 1_000_000))
    }

    @Test func withoutBase64ElementsLibxml2KeepsItsOwnLimit() throws {
        let text = String(repeating: "QUJD", count: 2_600_000)  // 10.4 MB
        let path = try temporaryFile("<root>\n<attachment>" + text + "</attachment>\n</root>\n")
        let (_, diagnostics) = try read(path)
        #expect(diagnostics.contains { $0.severity == .fatal }, "\(diagnostics)")
    }

    @Test func aDoctypeAfterALongPrologIsRefusedBeforeLibxml2ReadsIt() throws {
        // The prolog check reads 64 KiB; the guard sees every byte.
        let padding = String(repeating: "<!-- đệm -->\n", count: 8000)
        let path = try temporaryFile(
            padding
                + "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<r>&b;</r>\n"
        )
        let (_, diagnostics) = try read(path)
        let refusal = try #require(diagnostics.last)
        #expect(refusal.refusal == .doctype && refusal.line == 8001 && refusal.column == 1)
    }

    @Test func elementsPastLine65535HaveTheirTrueLines() throws {
        // libxml2 keeps 16 bits of an element's line, and past 65,535 guesses it one line late.
        let filler = String(repeating: "  <!-- đệm -->\n", count: 70_000)
        let path = try temporaryFile(
            "<root>\n" + filler + "  <m id=\"x\">\n    <chair member=\"a\"/>\n    <p>t</p><p>u</p>\n  </m>\n</root>\n")
        let (children, diagnostics) = try read(path)
        #expect(diagnostics.isEmpty)
        let record = try #require(children.first)
        #expect(record.line == 70_002)
        #expect(record.children.map(\.line) == [70_003, 70_004, 70_004])
    }
}
