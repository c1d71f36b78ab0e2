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

    /// Pastes `block` at `placement` (after a step, first in a branch, or beside a step) and returns the top-level
    /// names it got. Every name in the block taken in the flow gets a free one (`Name_2`), with references inside the
    /// block rewritten; the block's first steps run after the anchor and the anchor's successors after its last step.
    @discardableResult
    public static func paste(_ block: StepList, at placement: Placement, in definition: inout WorkflowDefinition) -> [String] {
        pasteRenaming(block, at: placement, in: &definition).names
    }

    /// What a paste did: the top-level names the block got, and the variables it declares that were renamed because
    /// the flow declares them too (old → new).
    public struct Outcome: Sendable, Hashable {
        public var names: [String]
        public var variableRenames: OrderedDictionary<String, String>
    }

    /// `paste`, also making the variables the block declares unique in the flow (`PastedVariables`).
    public static func pasteRenaming(_ block: StepList, at placement: Placement, in definition: inout WorkflowDefinition) -> Outcome {
        let (unique, variableRenames) = PastedVariables.uniquelyNamed(uniquelyNamed(block, in: definition), in: definition)
        var steps = unique
        guard let lastName = steps.keys.last else { return Outcome(names: [], variableRenames: [:]) }
        let names = Set(steps.keys)
        for (name, var step) in steps {
            // A step of the block keeps its links inside the block; links to steps left behind are dropped.
            let before = step.runAfter.count
            step.runAfter.removeAll { !names.contains($0.key) }
            if step.runAfter.count != before { steps[name] = step }
        }
        let path: [BranchRef]
        switch placement {
        case .after(let anchor), .beside(let anchor):
            guard let found = StepTree.scope(of: anchor, in: definition) else { return Outcome(names: [], variableRenames: [:]) }
            path = found
        case .start(let branch):
            path = branch.map { (StepTree.scope(of: $0.container, in: definition) ?? []) + [$0] } ?? []
        }
        StepTree.withScope(path, in: &definition.actions) { siblings in
            var first: OrderedDictionary<String, [RunAfterStatus]> = [:]
            var index = 0
            switch placement {
            case .after(let anchor):
                first = [anchor: [.succeeded]]
                index = (siblings.index(forKey: anchor) ?? siblings.count - 1) + 1
                for (name, var sibling) in siblings {
                    guard let statuses = sibling.runAfter.removeValue(forKey: anchor) else { continue }
                    sibling.runAfter[lastName] = statuses
                    siblings[name] = sibling
                }
            case .beside(let anchor):
                first = siblings[anchor]?.runAfter ?? [:]
                index = (siblings.index(forKey: anchor) ?? siblings.count - 1) + 1
            case .start:
                for (name, var sibling) in siblings where sibling.runAfter.isEmpty {
                    sibling.runAfter = [lastName: [.succeeded]]
                    siblings[name] = sibling
                }
            }
            for (name, var step) in steps {
                if step.runAfter.isEmpty { step.runAfter = first }
                siblings.updateValue(step, forKey: name, insertingAt: min(index, siblings.count))
                index += 1
            }
        }
        return Outcome(names: Array(steps.keys), variableRenames: variableRenames)
    }

    /// The block with every step name not free in `definition` (or repeated in the block) replaced by a free one,
    /// and the references to them inside the block rewritten (one pass over the block's JSON).
    static func uniquelyNamed(_ block: StepList, in definition: WorkflowDefinition) -> StepList {
        let inBlock = WorkflowDefinition(actions: block).allSteps.map(\.step.name)
        var taken = Set(definition.allSteps.map(\.step.name))
        var reserved = Set(inBlock)
        var renames: [String: String] = [:]
        for old in inBlock {
            guard taken.contains(old) else {
                taken.insert(old)
                continue
            }
            var counter = 2
            var candidate = "\(old)_\(counter)"
            while taken.contains(candidate) || reserved.contains(candidate) {
                counter += 1
                candidate = "\(old)_\(counter)"
            }
            taken.insert(candidate)
            reserved.insert(candidate)
            renames[old] = candidate
        }
        guard !renames.isEmpty else { return block }
        let rewritten = renamed(json(block), renames, renamesKeys: true)
        let document: JSONValue = .object(["triggers": .object([:]), "actions": rewritten])
        return (try? FlowCodec.decodeDefinition(document, file: "<clipboard>"))?.actions ?? block
    }

    /// `value` with step names renamed: the keys of `actions` and `runAfter` objects, and references in strings.
    private static func renamed(_ value: JSONValue, _ renames: [String: String], renamesKeys: Bool) -> JSONValue {
        switch value {
        case .string(let text): return .string(StepRename.rename(in: text, renames: renames))
        case .array(let items): return .array(items.map { renamed($0, renames, renamesKeys: false) })
        case .object(let members):
            var result: OrderedDictionary<String, JSONValue> = [:]
            for (key, member) in members {
                let newKey = renamesKeys ? renames[key] ?? key : key
                result[newKey] = renamed(member, renames, renamesKeys: key == "actions" || key == "runAfter")
            }
            return .object(result)
        default: return value
        }
    }
}
