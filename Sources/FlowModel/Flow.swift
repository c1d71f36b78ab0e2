import FlowExpressions
import Foundation
import TextFormats
import OrderedCollections

/// One flow: the envelope (id, name, state, version, timestamps) around a workflow definition.
public struct Flow: Sendable, Hashable {
    /// A stable identifier; also the file name (`<id>.json`).
    public var id: String
    /// The name users see.
    public var displayName: String
    /// An optional longer description.
    public var description: String?
    /// On: the trigger fires runs. Off: it does not.
    public var state: FlowState
    /// Incremented by every save; a save from an older version is refused.
    public var version: Int
    /// ISO 8601 creation time.
    public var createdAt: String?
    /// ISO 8601 time of the last save.
    public var modifiedAt: String?
    /// ISO 8601 time the flow was last turned On (nil while Off): threshold values observed before it are not a
    /// baseline, so turning a flow Off and On again always starts fresh, however quickly it happens.
    public var enabledAt: String?
    /// The workflow definition.
    public var definition: WorkflowDefinition
    /// Unknown members of the envelope.
    public var extra: OrderedDictionary<String, JSONValue>

    /// A new flow (Off, version 0) with one trigger and no steps.
    public init(id: String, displayName: String, trigger: Trigger, now: Date = Date()) {
        self.id = id
        self.displayName = displayName
        self.state = .off
        self.version = 0
        let stamp = Flow.timestamp(now)
        self.createdAt = stamp
        self.modifiedAt = stamp
        self.definition = WorkflowDefinition(triggers: [trigger.name: trigger])
        self.extra = [:]
    }

    /// Creates a flow from decoded parts (used by the codec).
    init(id: String, displayName: String, state: FlowState, version: Int, definition: WorkflowDefinition) {
        self.id = id
        self.displayName = displayName
        self.state = state
        self.version = version
        self.definition = definition
        self.extra = [:]
    }

    /// The flow's (first) trigger.
    public var trigger: Trigger? { definition.triggers.values.first }

    /// The highest version a flow file may carry (a save adds one; far from overflowing an integer).
    public static let maximumVersion = 1_000_000_000

    /// An ISO 8601 UTC timestamp with milliseconds (`2026-11-26T09:31:56.117Z`).
    public static func timestamp(_ date: Date) -> String { TimeText.iso8601(date) }
}

/// The workflow definition: triggers and actions in the Logic Apps shape, plus unknown members.
public struct WorkflowDefinition: Sendable, Hashable {
    /// The schema URL of the workflow definition language.
    public static let schemaURL = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#"

    public var schema: String?
    public var contentVersion: String?
    /// Workflow parameters (`parameters('name')`), as written.
    public var parameters: JSONValue?
    /// Triggers by name (InsightFlow runs exactly one).
    public var triggers: OrderedDictionary<String, Trigger>
    /// The top-level steps in file order.
    public var actions: StepList
    /// Workflow outputs, as written.
    public var outputs: JSONValue?
    /// Unknown members of the definition.
    public var extra: OrderedDictionary<String, JSONValue>

    /// A definition with the standard schema and the given triggers and actions.
    public init(triggers: OrderedDictionary<String, Trigger> = [:], actions: StepList = [:]) {
        self.schema = Self.schemaURL
        self.contentVersion = "1.0.0.0"
        self.triggers = triggers
        self.actions = actions
        self.extra = [:]
    }
}
