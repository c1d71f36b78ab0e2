import FlowExpressions
import Testing

/// References, rename, cache, catalog and error structure.
@Suite struct ReferenceAndToolingTests {
    @Test func collectsStepVariableAndLoopReferences() throws {
        let text = "@{body('Get_items')?['value']} @{variables('counter')} @{items('Loop')} @{actions(concat('a', 'b'))} @{triggerBody()} @{item()} @{parameters('env')}"
        let references = try FlowString.parse(text).references
        #expect(references.steps == ["Get_items", "Loop"])
        #expect(references.loops == ["Loop"])
        #expect(references.variables == ["counter"])
        #expect(references.parameters == ["env"])
        #expect(references.usesTrigger && references.usesCurrentItem && references.hasComputedNames)
    }

    @Test func literalStringsHaveNoReferences() throws {
        #expect(try FlowString.parse("body('X') is just text").references == ExpressionReferences())
    }

    @Test func renameKeepsFormattingAndOnlyTouchesStepArguments() {
        let text = "Got @{ BODY( 'Get_items' )?['Get_items'] } and @{outputs('Get_items')} @{variables('Get_items')} body('Get_items')"
        let renamed = StepRename.rename(in: text, from: "Get_items", to: "List rows")
        #expect(renamed == "Got @{ BODY( 'List rows' )?['Get_items'] } and @{outputs('List rows')} @{variables('Get_items')} body('Get_items')")
    }

    @Test func renameQuotesNamesAndHandlesWholeValues() {
        #expect(StepRename.rename(in: "@actions('A')['status']", from: "A", to: "Bob's step") == "@actions('Bob''s step')['status']")
        #expect(StepRename.rename(in: "@concat('x'", from: "A", to: "B") == "@concat('x'")
        #expect(StepRename.rename(in: "@{items('Loop')}-@{iterationIndexes('Loop')}", from: "Loop", to: "Each") == "@{items('Each')}-@{iterationIndexes('Each')}")
    }

    @Test func renameOnTreesMatchesRenameOnText() throws {
        let tree = try Expression.parse("concat(body('A'), result('A'), variables('A'))")
        #expect(tree.renamingStep("A", to: "B").description == "concat(body('B'), result('B'), variables('A'))")
    }

    @Test func cacheParsesOnceAndIsSafeAcrossTasks() async throws {
        let cache = ExpressionCache()
        let context = Fixture.context
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<50 { _ = try? cache.evaluate("n=@{triggerBody()?['count']}", in: context) }
                }
            }
        }
        #expect(cache.count == 1)
        #expect(try cache.evaluate("@add(1, 2)", in: context) == 3)
        #expect(throws: ExpressionSyntaxError.self) { try cache.flowString("@concat(") }
        #expect(cache.count == 3)
    }

    @Test func catalogListsEveryFunctionWithCaseInsensitiveLookup() {
        #expect(FunctionCatalog.all.count == BuiltinFunction.allCases.count)
        #expect(FunctionCatalog.lookup("FORMATDATETIME")?.name == "formatDateTime")
        #expect(FunctionCatalog.lookup("XPath")?.name == "xpath")
        #expect(FunctionCatalog.lookup("multipartBody") == nil)
        #expect(FunctionCatalog.functions(in: .dateTime).contains { $0.name == "convertTimeZone" })
        #expect(FunctionCatalog.all.allSatisfy { !$0.summary.isEmpty && $0.signature.hasPrefix($0.name + "(") })
    }

    @Test func syntaxErrorsCarryColumnAndMessage() {
        #expect(throws: ExpressionSyntaxError(message: "expected ')' after argument 2 of concat", column: 25)) {
            try Expression.parse("concat('Refresh of ', 1 2)")
        }
    }

    @Test func evaluationErrorsCarryKinds() {
        let context = Fixture.context
        #expect(throws: ExpressionEvaluationError(.missingStep("Nope"), "body: there is no step named 'Nope' that has run before this one")) {
            try Expression.parse("body('Nope')").evaluate(in: context)
        }
        #expect(throws: ExpressionEvaluationError(.invalidArgument(function: "add", argument: 2), "add: argument 2 is a string ('abc'), expected a number")) {
            try Expression.parse("add(1, 'abc')").evaluate(in: context)
        }
    }

    @Test func printerIsCanonical() throws {
        let tree = try Expression.parse("  TOLOWER( triggerBody().name ) ")
        #expect(tree.description == "toLower(triggerBody()['name'])")
        #expect(FlowString.literal("@home {x} @{y}").description == "@@home {x} @@{y}")
        #expect(try FlowString.parse("@@home {x} @@{y}") == .literal("@home {x} @{y}"))
    }

    @Test func defaultContextDerivesBodyAndOutputs() throws {
        struct Minimal: EvaluationContext {
            func triggerOutputs() -> JSONValue { ["body": ["a": 1]] }
        }
        #expect(try Expression.parse("triggerBody()['a']").evaluate(in: Minimal()) == 1)
        #expect(throws: ExpressionEvaluationError.self) { try Expression.parse("item()").evaluate(in: Minimal()) }
    }
}
