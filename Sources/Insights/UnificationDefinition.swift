/// How source customer records are mapped, matched and merged into unified profiles.
public struct UnificationDefinition: Codable, Sendable, Equatable {
    /// A field of the unified customer profile.
    public struct Field: Codable, Sendable, Equatable {
        public var name: String
        /// The type as written in the definition file; validated on load.
        public var typeName: String
        /// How values are normalized before matching: "email", "phone" or "text" (default).
        public var normalize: Normalization?

        enum CodingKeys: String, CodingKey {
            case name, normalize
            case typeName = "type"
        }

        public init(_ name: String, _ type: ColumnType, normalize: Normalization? = nil) {
            self.name = name
            self.typeName = type.rawValue
            self.normalize = normalize
        }

        /// The parsed type (validated on load).
        public var type: ColumnType { ColumnType(rawValue: typeName) ?? .string }
    }

    /// Normalization applied to a field before matching.
    public enum Normalization: String, Codable, Sendable { case email, phone, text }

    /// An ordered match rule: records whose normalized values of all `fields` agree are the same person.
    public struct MatchRule: Codable, Sendable, Equatable {
        public var name: String
        public var fields: [String]

        public init(name: String, fields: [String]) {
            self.name = name
            self.fields = fields
        }
    }

    /// How a profile's field value is chosen among its records.
    public enum MergePolicy: String, Codable, Sendable { case precedence, mostRecent }

    public var fields: [Field]
    public var matchRules: [MatchRule]
    public var merge: MergePolicy?
    /// Customer source names, most trusted first.
    public var precedence: [String]?

    public init(fields: [Field], matchRules: [MatchRule], merge: MergePolicy? = nil, precedence: [String]? = nil) {
        self.fields = fields
        self.matchRules = matchRules
        self.merge = merge
        self.precedence = precedence
    }

    /// The field with this name, if declared.
    func field(named name: String) -> Field? { fields.first { $0.name == name } }
}
