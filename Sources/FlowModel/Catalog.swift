/// The one catalog of triggers and step types that the designer, the checker and the docs all read.
public enum Catalog {
    /// Every trigger, the six connector triggers first, then the manual trigger.
    public static var triggers: [TriggerSpec] { TriggerCatalog.all }

    /// Every step type InsightFlow can run, in picker order.
    public static var steps: [StepSpec] { StepCatalog.all }

    /// The spec of a trigger kind.
    public static func trigger(_ kind: TriggerKind) -> TriggerSpec {
        TriggerCatalog.all.first { $0.kind == kind } ?? TriggerCatalog.manual
    }

    /// The spec of a step type, or nil for an unknown type.
    public static func step(_ type: StepType) -> StepSpec? {
        StepCatalog.all.first { $0.type == type }
    }

    /// The step types of one picker group.
    public static func steps(in group: StepGroup) -> [StepSpec] {
        StepCatalog.all.filter { $0.group == group }
    }
}
