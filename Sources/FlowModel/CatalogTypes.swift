import FlowExpressions

/// The value types the catalog uses for parameters and outputs.
public enum ValueKind: String, Sendable, Hashable, CaseIterable, Codable {
    case string, integer, number, boolean, object, array, any
    case dateTime, emailList, url, duration, connection, condition
}

/// Where a parameter lives in the step object.
public enum ParameterLocation: String, Sendable, Hashable, Codable {
    /// Inside `inputs` (most parameters).
    case inputs
    /// A member of the step object itself (`expression`, `foreach`, `limit.count`).
    case step
}

/// One parameter of a trigger or step: what a form asks for and what the checker enforces.
public struct ParameterSpec: Sendable, Hashable {
    /// The dotted path of the value relative to `location` (`to`, `runError.code`, `variables.0.name`).
    public var key: String
    public var displayName: String
    public var kind: ValueKind
    public var required: Bool
    /// The only values allowed (compared case-insensitively), if restricted.
    public var allowedValues: [String]
    public var defaultValue: JSONValue?
    public var description: String
    /// Secret values are masked in forms and redacted in run history.
    public var isSecret: Bool
    public var location: ParameterLocation

    public init(_ key: String, _ displayName: String, _ kind: ValueKind, required: Bool = false, allowed: [String] = [],
                defaultValue: JSONValue? = nil, description: String, isSecret: Bool = false, location: ParameterLocation = .inputs) {
        self.key = key
        self.displayName = displayName
        self.kind = kind
        self.required = required
        self.allowedValues = allowed
        self.defaultValue = defaultValue
        self.description = description
        self.isSecret = isSecret
        self.location = location
    }
}

/// One output field a later step can use as dynamic content.
public struct OutputSpec: Sendable, Hashable {
    /// The dotted path inside the body (`dataSourceName`, `headers`); empty for the whole body.
    public var key: String
    public var displayName: String
    public var kind: ValueKind
    public var description: String

    public init(_ key: String, _ displayName: String, _ kind: ValueKind, _ description: String) {
        self.key = key
        self.displayName = displayName
        self.kind = kind
        self.description = description
    }
}

/// A trigger as the catalog lists it.
public struct TriggerSpec: Sendable, Hashable {
    public var kind: TriggerKind
    public var displayName: String
    public var description: String
    public var parameters: [ParameterSpec]
    public var outputs: [OutputSpec]
    /// The name a new trigger of this kind gets in a flow file.
    public var defaultStepName: String
    /// Members of the parameter object the reference defines but InsightFlow does not ask for in the form (kept,
    /// not warned about: `method` and `relativePath` of an HTTP request trigger).
    public var passThroughKeys: [String] = []
}

/// The groups of the step picker.
public enum StepGroup: String, Sendable, Hashable, CaseIterable, Codable {
    case notifications = "Notifications"
    case control = "Control"
    case data = "Data"
    case customerInsights = "Customer Insights"
    case http = "HTTP"
}

/// A step type as the catalog lists it.
public struct StepSpec: Sendable, Hashable {
    public var type: StepType
    public var displayName: String
    public var description: String
    public var group: StepGroup
    public var parameters: [ParameterSpec]
    public var outputs: [OutputSpec]
    /// The name a new step of this type gets (made unique in the flow).
    public var defaultStepName: String
    /// The connection kind this step sends through, if any (`teams`, `smtp`, `http`, `insights`).
    public var connectionKind: String?
    /// True when a failed attempt may be retried under the step's retry policy by default.
    public var retriesByDefault: Bool
}
