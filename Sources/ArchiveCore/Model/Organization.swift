/// A Party committee (đảng bộ / đảng ủy) that cells or other committees belong to.
public struct Organization: Sendable, Hashable, Codable, Identifiable {
    /// The writer's stable identifier, e.g. `dbx-hop-thanh`.
    public var id: String
    /// The committee above this one, if any.
    public var parentID: String?
    /// The full name, e.g. "Đảng bộ xã Hợp Thành".
    public var name: String

    /// Creates an organization.
    public init(id: String, parentID: String? = nil, name: String) {
        self.id = id
        self.parentID = parentID
        self.name = name
    }
}
