import Foundation
import Hummingbird

/// The query string of a GET form, decoded as browsers encode it
/// (`application/x-www-form-urlencoded`): `+` is a space, `%2B` a plus. Hummingbird's own
/// `queryParameters` leave `+` as it is, so "nghi+quyet" would reach search as one word.
///
/// ```swift
/// FormQuery("q=nghi+quy%E1%BA%BFt&nam=2024")["q"]   // "nghi quyết"
/// ```
struct FormQuery {
    private var values: [String: String] = [:]

    /// The fields of `query` (without the `?`); the first of a repeated name wins.
    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), values[name] == nil else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    /// The query of `request`.
    init(_ request: Request) {
        self.init(request.uri.query)
    }

    subscript(_ name: String) -> String? { values[name] }

    /// Every field, by name.
    var all: [String: String] { values }

    /// Every field of `body` in order, repeated names kept: what a form sent, to send again.
    static func pairs(_ body: String) -> [(name: String, value: String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { return nil }
            return (name, parts.count > 1 ? decode(parts[1]) ?? "" : "")
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
