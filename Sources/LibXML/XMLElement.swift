/// An element read from a document, with its attributes, text and child elements.
///
/// The pull reader hands out one such small tree per record, so a large file never has to
/// be held in memory whole.
///
/// ```swift
/// if let cell = element.attribute("cell") { print(cell, element.line) }
/// for paragraph in element.children(named: "p") { print(paragraph.text) }
/// ```
public struct XMLElement: Sendable, Equatable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or `nil` for none.
    public var namespace: String?
    /// Attributes in document order, as (local name, value).
    public var attributes: [(name: String, value: String)]
    /// Child elements in document order.
    public var children: [XMLElement]
    /// The concatenated character data directly inside this element (text and CDATA).
    public var text: String
    /// The 1-based line of the start tag.
    public var line: Int
    /// The base64 text the reader decoded itself, for an element named in
    /// `XMLInputLimits.base64Elements`: `text` then holds only what libxml2 read after it
    /// (its line ends; text after a comment or in CDATA), to be fed to the same decoder.
    public var base64: Base64Decoder?

    /// Creates an element.
    public init(
        name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [],
        children: [XMLElement] = [], text: String = "", line: Int = 0
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The value of the attribute called `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements called `name`, in document order.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element called `name`.
    public func child(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.namespace == rhs.namespace && lhs.text == rhs.text
            && lhs.line == rhs.line && lhs.children == rhs.children && lhs.base64 == rhs.base64
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }
}
