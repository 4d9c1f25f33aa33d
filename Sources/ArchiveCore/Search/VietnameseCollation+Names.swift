extension VietnameseCollation {
    /// Whether the person named `left` comes before `right` in a Vietnamese list of people:
    /// by the given name (the last word) first, then the whole name from the family name on,
    /// as a cell's register lists its members.
    ///
    /// ```swift
    /// ["Trần Văn Bình", "Lò Thị Anh", "Hoàng Văn Ánh"].sorted(by: VietnameseCollation.personPrecedes)
    /// // ["Lò Thị Anh", "Hoàng Văn Ánh", "Trần Văn Bình"]
    /// ```
    public static func personPrecedes(_ left: String, _ right: String) -> Bool {
        let leftKey = key(String(left.split(separator: " ").last ?? ""))
        let rightKey = key(String(right.split(separator: " ").last ?? ""))
        if leftKey != rightKey { return leftKey < rightKey }
        return key(left) < key(right)
    }
}
