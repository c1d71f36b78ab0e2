import Foundation

/// The human-editable definition of a workspace, stored as `workspace.json`.
public struct WorkspaceDefinition: Codable, Sendable, Equatable {
    /// The definition file name inside the workspace folder.
    public static let fileName = "workspace.json"

    public var name: String
    public var sources: [SourceDefinition]
    public var unification: UnificationDefinition
    public var measures: [MeasureDefinition]
    public var segments: [SegmentDefinition]
    public var schedule: RefreshSchedule?
    public var demoFeed: DemoFeedSettings?

    public init(
        name: String, sources: [SourceDefinition], unification: UnificationDefinition,
        measures: [MeasureDefinition] = [], segments: [SegmentDefinition] = [],
        schedule: RefreshSchedule? = nil, demoFeed: DemoFeedSettings? = nil
    ) {
        self.name = name
        self.sources = sources
        self.unification = unification
        self.measures = measures
        self.segments = segments
        self.schedule = schedule
        self.demoFeed = demoFeed
    }

    /// The source with this name, if any.
    public func source(named name: String) -> SourceDefinition? { sources.first { $0.name == name } }
    /// The measure with this name, if any.
    public func measure(named name: String) -> MeasureDefinition? { measures.first { $0.name == name } }
    /// The segment with this name, if any.
    public func segment(named name: String) -> SegmentDefinition? { segments.first { $0.name == name } }

    /// Reads, decodes and validates the definition file in `folder`.
    public static func load(folder: URL) throws -> WorkspaceDefinition {
        let file = folder.appendingPathComponent(fileName)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw InsightsError.definitionInvalid(file: file.path, item: "file", reason: "cannot be read")
        }
        let definition: WorkspaceDefinition
        do {
            definition = try JSONDecoder().decode(WorkspaceDefinition.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let place = JSONSyntaxPlace.describe(data) {
                throw InsightsError.definitionInvalid(file: file.path, item: "syntax", reason: "not valid JSON at \(place)")
            }
            throw InsightsError.definitionInvalid(file: file.path, item: error.itemPath, reason: error.reason)
        }
        try DefinitionValidator(definition: definition, file: file.path).validate()
        return definition
    }

    /// Writes the definition as pretty-printed JSON with sorted keys (stable diffs), atomically.
    public func write(to folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        try data.write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }
}

/// Settings of the demo feed that changes the sample data over time.
public struct DemoFeedSettings: Codable, Sendable, Equatable {
    public var enabled: Bool
    /// Seconds between two demo changes.
    public var intervalSeconds: Double?

    public init(enabled: Bool, intervalSeconds: Double? = nil) {
        self.enabled = enabled
        self.intervalSeconds = intervalSeconds
    }
}

extension DecodingError {
    /// The coding path of the failing item, e.g. `sources[1].columns[0].type`.
    var itemPath: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        return path.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            return text.isEmpty ? key.stringValue : text + "." + key.stringValue
        }
    }

    /// A short human explanation.
    var reason: String {
        switch self {
        case .typeMismatch(let type, _): "expected a value of type \(type)"
        case .valueNotFound(let type, _): "missing value of type \(type)"
        case .keyNotFound(let key, _): "missing required key '\(key.stringValue)'"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "cannot be decoded"
        }
    }
}
