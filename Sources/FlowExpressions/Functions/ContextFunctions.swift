/// triggerBody(), body('Step'), variables('name'), items('Loop') and the other functions that read the run.
enum ContextFunctions {
    static func call(_ arguments: Arguments, context: some EvaluationContext) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .triggerBody: return context.triggerBody()
        case .triggerOutputs: return context.triggerOutputs()
        case .trigger: return context.trigger()
        case .workflow: return context.workflow()
        case .body: return try step(arguments) { context.stepBody(named: $0) }
        case .outputs: return try step(arguments) { context.stepOutputs(named: $0) }
        case .actions: return try step(arguments) { context.actionResult(named: $0) }
        case .result: return try step(arguments) { context.scopeResults(named: $0).map(JSONValue.array) }
        case .variables:
            let name = try arguments.string(0)
            guard let value = context.variable(named: name) else {
                throw ExpressionEvaluationError(
                    .missingVariable(name),
                    "variables: there is no variable named '\(name)' (add an Initialize variable step before this one)")
            }
            return value
        case .parameters:
            let name = try arguments.string(0)
            guard let value = context.parameter(named: name) else {
                throw ExpressionEvaluationError(.missingParameter(name), "parameters: the flow has no parameter named '\(name)'")
            }
            return value
        case .item:
            guard let frame = context.currentLoopFrame() else {
                throw ExpressionEvaluationError(.missingLoop(""), "item: this step is not inside a For each loop")
            }
            return frame.item
        case .items: return try loopFrame(arguments, context: context).item
        case .iterationIndexes: return .int(try loopFrame(arguments, context: context).index)
        default:
            throw arguments.failure("is not a workflow function")
        }
    }

    static func step(
        _ arguments: Arguments, _ read: (String) -> JSONValue?
    ) throws(ExpressionEvaluationError) -> JSONValue {
        let name = try arguments.string(0)
        guard let value = read(name) else {
            throw ExpressionEvaluationError(
                .missingStep(name),
                "\(arguments.function.name): there is no step named '\(name)' that has run before this one")
        }
        return value
    }

    static func loopFrame(_ arguments: Arguments, context: some EvaluationContext) throws(ExpressionEvaluationError) -> LoopFrame {
        let name = try arguments.string(0)
        guard let frame = context.loopFrame(named: name) else {
            throw ExpressionEvaluationError(
                .missingLoop(name), "\(arguments.function.name): this step is not inside a For each loop named '\(name)'")
        }
        return frame
    }
}
