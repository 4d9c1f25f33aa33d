import CLibXML2

/// Process-wide libxml2 set-up, done once before any parse.
///
/// It initialises the parser for concurrent use and installs an external-entity loader
/// that refuses everything: the archive format has no DTD and no external entities, and
/// `XML_PARSE_NONET` alone does not block `file://`.
enum XMLLibrary {
    /// Evaluated once, thread-safely, the first time a reader, writer or schema is made.
    static let initialized: Void = {
        xmlInitParser()
        sochibo_installRefusingEntityLoader()
    }()

    /// Copies a libxml2 string into a Swift string; `nil` stays `nil`.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Copies and frees a string that libxml2 allocated for the caller.
    static func consume(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { sochibo_xmlFree(pointer) }
        return String(cString: pointer)
    }
}
