/// The names a Party document's heading and date line are written with, derived from an
/// organization's or a cell's full name (`domain.md`, "Layout of a Party document").
///
/// ```swift
/// PartyNames.committeeName("Đảng bộ xã Hợp Thành")   // "Đảng ủy xã Hợp Thành"
/// PartyNames.placeName("Đảng bộ xã Hợp Thành")       // "Hợp Thành"
/// PartyNames.placeName("Chi bộ thôn Nà Pàn")         // "Nà Pàn"
/// ```
public enum PartyNames {
    /// The committee that issues a đảng bộ's documents: "Đảng bộ xã Hợp Thành" is led by
    /// "Đảng ủy xã Hợp Thành", whose reports carry the symbol BC/ĐU. A name that does not start
    /// with "Đảng bộ" is returned as it is.
    public static func committeeName(_ organizationName: String) -> String {
        guard let rest = dropping(["Đảng bộ"], from: organizationName) else { return organizationName }
        return "Đảng ủy " + rest
    }

    /// The place name of a date line: the name without "Đảng bộ", "Chi bộ" and the kind of
    /// place ("xã", "phường", "thôn"…): "Đảng bộ phường Hoàn Kiếm" gives "Hoàn Kiếm". A name
    /// with none of these is returned as it is.
    public static func placeName(_ name: String) -> String {
        var rest = dropping(["Đảng bộ", "Đảng ủy", "Chi bộ"], from: name) ?? name
        rest = dropping(placeKinds, from: rest) ?? rest
        return rest.isEmpty ? name : rest
    }

    /// The place name of a cell's date line when none of its documents gives one: the village
    /// or quarter its name gives ("Chi bộ thôn Nà Pàn" → "Nà Pàn"), else its committee's place
    /// ("Chi bộ Trường Tiểu học Minh Tiến" under "Đảng bộ xã Minh Tiến" → "Minh Tiến").
    public static func locality(ofCell cellName: String, organizationName: String) -> String {
        let rest = dropping(["Chi bộ"], from: cellName) ?? cellName
        if let place = dropping(placeKinds, from: rest), !place.isEmpty { return place }
        return placeName(organizationName)
    }

    /// Kinds of place, longest first so that "thị trấn" is not read as "thị".
    private static let placeKinds = [
        "thành phố", "tổ dân phố", "khu phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh",
        "xóm", "thôn", "bản", "khối", "ấp", "xã", "tổ",
    ]

    /// `name` without the first of `prefixes` it starts with (as a whole word, case and
    /// tone placement aside), or `nil` when it starts with none.
    private static func dropping(_ prefixes: [String], from name: String) -> String? {
        let words = TextNormalization.collapsed(name).split(separator: " ")
        for prefix in prefixes {
            let prefixWords = prefix.split(separator: " ")
            guard words.count > prefixWords.count else { continue }
            let head = words.prefix(prefixWords.count).map { VietnameseText.comparable(String($0)) }
            if head == prefixWords.map({ VietnameseText.comparable(String($0)) }) {
                return words.dropFirst(prefixWords.count).joined(separator: " ")
            }
        }
        return nil
    }
}
