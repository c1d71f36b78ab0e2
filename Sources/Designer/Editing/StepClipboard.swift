import FlowExpressions
import FlowModel
import Foundation
import OrderedCollections

/// Steps on the clipboard as code-view JSON (a `{name: action}` map, each step with everything nested in it), and
/// pasting such a block into a flow: names made unique, references inside the block rewritten, runAfter attached.
public enum StepClipboard {
    /// The code-view JSON of `steps`: `{name: action}`, the shape the cloud designer's code view shows.
    public static func json(_ steps: StepList) -> JSONValue {
        .object(OrderedDictionary(uniqueKeysWithValues: steps.map { ($0.key, FlowCodec.jsonValue($0.value)) }))
    }

    /// The code-view JSON of `steps` as the cloud designer knows them: written as a Power Automate export writes
    /// them (connector steps as the connector's actions), else as InsightFlow keeps them.
    public static func cloudJSON(_ steps: StepList, of flow: Flow) -> JSONValue {
        var holder = flow
        holder.definition.actions = steps
        let exported = FlowExporter.document(holder, format: .powerautomate).value(atPath: "properties.definition.actions")
        guard let members = exported?.objectValue, Set(members.keys) == Set(steps.keys) else { return json(steps) }
        return .object(members)
    }

    /// The steps in clipboard JSON: a `{name: action}` map, or the cloud designer's "Copy to my clipboard" shape
    /// `{"id": .., "operationName": .., "operationDefinition": {..}}`; connector actions are translated as
    /// `flow import` translates them. Nil when the value is neither.
    public static func steps(from value: JSONValue) -> StepList? {
        var map: JSONValue = value
        if let name = value["operationName"]?.stringValue, let definition = value["operationDefinition"], definition.objectValue != nil {
            map = .object([stepName(name): definition])
        }
        guard let members = map.objectValue, !members.isEmpty,
              members.values.allSatisfy({ $0["type"]?.stringValue != nil }) else { return nil }
        let document: JSONValue = .object(["triggers": .object([:]), "actions": map])
        guard let imported = try? FlowImporter.importDocument(document.jsonBytes(), file: "<clipboard>", fallbackName: "clipboard") else { return nil }
        let actions = imported.flow.definition.actions
        return actions.isEmpty ? nil : actions
    }

    /// A cloud action name as a step name here: characters not allowed (`Send_an_email_(V2)`) become `_`.
    static func stepName(_ cloudName: String) -> String {
        let mapped = String(String.UnicodeScalarView(cloudName.unicodeScalars.map { scalar in
            StepReferences.isValidName(String(scalar)) ? scalar : "_"
        }))
        let trimmed = String(mapped.prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return StepReferences.isValidName(trimmed) ? trimmed : "Pasted_action"
    }

    /// The steps in pasted text (JSON), or nil when it is not clipboard JSON.
    public static func steps(fromText text: String) -> StepList? {
        guard let value = try? JSONValue.parse(text) else { return nil }
        return steps(from: value)
    }

    /// Pastes `block` at `placement` (after a step, or first in a branch) and returns the top-level names it got.
    /// Every name in the block taken in the flow gets a free one (`Name_2`), with references inside the block
    /// rewritten; the block's first steps run after the anchor and the anchor's successors after the block's last.
    @discardableResult
    public static func paste(_ block: StepList, at placement: Placement, in definition: inout WorkflowDefinition) -> [String] {
        let renamed = uniquelyNamed(block, in: definition)
        let names = Set(renamed.keys)
        var anchor: Placement = placement
        var pasted: [String] = []
        for (_, var step) in renamed {
            // A step of the block keeps its links inside the block; links to steps left behind are dropped.
            step.runAfter.removeAll { !names.contains($0.key) }
            if step.runAfter.isEmpty {
                step.runAfter = [:]
                StepTree.insert(step, at: anchor, in: &definition)
            } else {
                let runAfter = step.runAfter
                StepTree.insert(step, at: anchor, in: &definition)
                // insert() chained it after the previous block step; restore the block's own links.
                if var placed = definition.step(named: step.name) {
                    placed.runAfter = runAfter
                    StepTree.replace(step.name, with: placed, in: &definition)
                }
            }
            anchor = .after(step.name)
            pasted.append(step.name)
        }
        return pasted
    }

    /// The block with every step name not free in `definition` (or repeated in the block) replaced by a free one.
    static func uniquelyNamed(_ block: StepList, in definition: WorkflowDefinition) -> StepList {
        var holder = Flow(id: "clipboard", displayName: "clipboard", trigger: Trigger(kind: .manual))
        holder.definition.actions = block
        var taken = Set(definition.allSteps.map(\.step.name))
        for located in holder.definition.allSteps {
            let old = located.step.name
            guard taken.contains(old) else {
                taken.insert(old)
                continue
            }
            var counter = 2
            var candidate = "\(old)_\(counter)"
            while taken.contains(candidate) || holder.definition.step(named: candidate) != nil {
                counter += 1
                candidate = "\(old)_\(counter)"
            }
            taken.insert(candidate)
            holder = StepReferences.rename(old, to: candidate, in: holder)
        }
        return holder.definition.actions
    }
}
