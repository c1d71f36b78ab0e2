/// What an expression reads from the run: the designer and checker use it to order and validate steps.
public struct ExpressionReferences: Sendable, Hashable {
    /// Step names passed as string literals to body, outputs, actions, result, items or iterationIndexes.
    public var steps: Set<String> = []
    /// The subset of `steps` referenced as loops (items, iterationIndexes).
    public var loops: Set<String> = []
    /// Variable names passed as string literals to variables().
    public var variables: Set<String> = []
    /// Parameter names passed as string literals to parameters().
    public var parameters: Set<String> = []
    /// Whether trigger(), triggerBody() or triggerOutputs() is used.
    public var usesTrigger = false
    /// Whether item() is used (the step must be inside a loop).
    public var usesCurrentItem = false
    /// Whether a step, loop, variable or parameter name is computed rather than a literal (so cannot be checked).
    public var hasComputedNames = false

    public init() {}

    /// Adds another set of references.
    public mutating func formUnion(_ other: ExpressionReferences) {
        steps.formUnion(other.steps)
        loops.formUnion(other.loops)
        variables.formUnion(other.variables)
        parameters.formUnion(other.parameters)
        usesTrigger = usesTrigger || other.usesTrigger
        usesCurrentItem = usesCurrentItem || other.usesCurrentItem
        hasComputedNames = hasComputedNames || other.hasComputedNames
    }
}

extension BuiltinFunction {
    /// Functions whose first argument names a step.
    public var referencesStep: Bool {
        switch self {
        case .body, .outputs, .actions, .result, .items, .iterationIndexes: return true
        default: return false
        }
    }
}

extension Expression {
    /// Everything this expression reads from the run.
    public var references: ExpressionReferences {
        var references = ExpressionReferences()
        collect(into: &references)
        return references
    }

    private func collect(into references: inout ExpressionReferences) {
        switch self {
        case .string, .integer, .decimal, .boolean, .null: return
        case .index(let base, let key, _):
            base.collect(into: &references)
            key.collect(into: &references)
        case .call(let function, let arguments):
            record(function, arguments.first, into: &references)
            for argument in arguments { argument.collect(into: &references) }
        }
    }

    private func record(_ function: BuiltinFunction, _ argument: Expression?, into references: inout ExpressionReferences) {
        switch function {
        case .trigger, .triggerBody, .triggerOutputs: references.usesTrigger = true
        case .item: references.usesCurrentItem = true
        case .body, .outputs, .actions, .result, .items, .iterationIndexes, .variables, .parameters:
            guard let name = argument?.stringLiteral else {
                references.hasComputedNames = true
                return
            }
            switch function {
            case .variables: references.variables.insert(name)
            case .parameters: references.parameters.insert(name)
            case .items, .iterationIndexes:
                references.steps.insert(name)
                references.loops.insert(name)
            default: references.steps.insert(name)
            }
        default: return
        }
    }

    /// The expression with literal step references to `oldName` pointing at `newName`.
    public func renamingStep(_ oldName: String, to newName: String) -> Expression {
        switch self {
        case .string, .integer, .decimal, .boolean, .null: return self
        case .index(let base, let key, let nullSafe):
            return .index(base.renamingStep(oldName, to: newName), key: key.renamingStep(oldName, to: newName), nullSafe: nullSafe)
        case .call(let function, var arguments):
            arguments = arguments.map { $0.renamingStep(oldName, to: newName) }
            if function.referencesStep, arguments.first?.stringLiteral == oldName { arguments[0] = .string(newName) }
            return .call(function, arguments)
        }
    }
}

extension FlowString {
    /// Everything the string's expressions read from the run.
    public var references: ExpressionReferences {
        var references = ExpressionReferences()
        for expression in expressions { references.formUnion(expression.references) }
        return references
    }
}
