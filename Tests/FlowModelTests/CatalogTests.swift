import FlowExpressions
import Testing
@testable import FlowModel

@Suite struct CatalogTests {
    @Test func listsTheSixConnectorTriggersFirstThenTheManualAndBuiltinTriggers() {
        let kinds = Catalog.triggers.map(\.kind)
        #expect(kinds == [.dataSourceRefreshFailed, .dataSourceRefreshSucceeded, .segmentThresholdCrossed, .measureThresholdCrossed, .fullRefreshCompleted, .unificationCompleted, .manual,
                          .recurrence, .httpRequest])
        #expect(Array(kinds.prefix(6)) == TriggerKind.connectorSix)
        #expect(Set(Catalog.triggers.map(\.displayName)).count == 9)
    }

    @Test func requestTriggersAreWrittenAsLogicAppsWritesThem() {
        let http = Trigger(kind: .httpRequest)
        #expect(http.type == "Request")
        #expect(http.extra["kind"] == "Http")
        #expect(http.kind == .httpRequest)
        #expect(Trigger(kind: .manual).kind == .manual)
        var other = Trigger(kind: .manual)
        other.extra["kind"] = "PowerApp"
        #expect(other.kind == .manual)
        #expect(Catalog.step(.response)?.group == .http)
        #expect(Catalog.step(.workflow)?.displayName == "Run a child flow")
    }

    @Test func thresholdTriggersRequireTheirSubjectAndANumericThreshold() {
        for kind in [TriggerKind.segmentThresholdCrossed, .measureThresholdCrossed] {
            let spec = Catalog.trigger(kind)
            #expect(spec.parameters.filter(\.required).count == 2)
            #expect(spec.parameters.contains { $0.key == "threshold" && $0.kind == .number })
            #expect(spec.outputs.contains { $0.key == "threshold" })
        }
        #expect(Catalog.trigger(.segmentThresholdCrossed).outputs.map(\.key).contains("previousCount"))
        #expect(Catalog.trigger(.measureThresholdCrossed).outputs.map(\.key).contains("currentValue"))
    }

    @Test func refreshTriggersOfferTheRefreshFields() {
        let keys = Catalog.trigger(.dataSourceRefreshFailed).outputs.map(\.key)
        for key in ["dataSourceName", "refreshId", "errorMessage", "startedAt", "finishedAt"] { #expect(keys.contains(key)) }
        let unification = Catalog.trigger(.unificationCompleted).outputs.map(\.key)
        #expect(unification.contains("profilesOut") && unification.contains("matchRate"))
    }

    @Test func everyKnownStepTypeHasOneCatalogEntry() {
        #expect(Catalog.steps.map(\.type) .sorted { $0.rawValue < $1.rawValue } == StepType.known.sorted { $0.rawValue < $1.rawValue })
        for spec in Catalog.steps {
            #expect(!spec.displayName.isEmpty && !spec.description.isEmpty)
            #expect(Catalog.step(spec.type) == spec)
        }
    }

    @Test func stepsUseTheReferenceLanguageTypeNames() {
        let names = Set(StepType.known.map(\.rawValue))
        for name in ["If", "Switch", "Foreach", "Until", "Scope", "Terminate", "Compose", "Wait", "InitializeVariable", "SetVariable", "AppendToArrayVariable", "Http"] {
            #expect(names.contains(name))
        }
    }

    @Test func pickerGroupsCoverEveryStep() {
        let grouped = StepGroup.allCases.flatMap { Catalog.steps(in: $0) }
        #expect(grouped.count == Catalog.steps.count)
        #expect(Catalog.steps(in: .notifications).map(\.type) == [.teamsPostMessage, .sendEmail])
    }

    @Test func allowedValuesAndDefaultsAreConsistent() {
        for spec in Catalog.steps {
            for parameter in spec.parameters where !parameter.allowedValues.isEmpty {
                if let value = parameter.defaultValue?.stringValue { #expect(parameter.allowedValues.contains(value), "\(spec.type).\(parameter.key)") }
            }
        }
        #expect(Catalog.step(.http)?.parameters.contains { $0.isSecret } == true)
    }

    @Test func typesAreReadCaseInsensitively() {
        #expect(StepType(caseInsensitive: "foreach") == .foreach)
        #expect(StepType(caseInsensitive: "HTTP") == .http)
        #expect(StepType(caseInsensitive: "Frobnicate").isKnown == false)
        #expect(TriggerKind(caseInsensitive: "segmentthresholdcrossed") == .segmentThresholdCrossed)
        #expect(RunAfterStatus(caseInsensitive: "SUCCEEDED") == .succeeded)
        #expect(RunAfterStatus(caseInsensitive: "timedout") == .timedOut)
        #expect(RunAfterStatus(caseInsensitive: "Done") == nil)
    }
}

@Suite struct TemplateTests {
    @Test func everyTemplateBuildsACleanFlowOfItsTrigger() {
        #expect(FlowTemplates.all.count >= 6)
        for template in FlowTemplates.all {
            let flow = template.instantiate(id: template.id)
            #expect(flow.trigger?.kind == template.trigger, "\(template.id)")
            #expect(flow.state == .off)
            let errors = FlowChecker.check(flow).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(template.id): \(errors)")
        }
    }

    @Test func answersFillTheQuestions() throws {
        let template = try #require(FlowTemplates.template("email-segment-threshold"))
        let flow = template.instantiate(id: "mine", answers: ["segment": "Lapsed customers", "threshold": 40, "to": "a@x.example; b@x.example", "connection": "Mail"])
        #expect(flow.id == "mine")
        #expect(flow.trigger?.parameter("segment") == "Lapsed customers")
        #expect(flow.trigger?.parameter("threshold") == 40)
        #expect(flow.definition.actions["Send_an_email"]?.inputs?["to"] == "a@x.example; b@x.example")
        #expect(template.questions.map(\.key) == ["connection", "segment", "threshold", "to"])
    }

    /// The Try/Catch/Finally template is the canvas's wrap applied on the trigger answered.
    @Test func tryCatchFinallyTakesItsTriggerFromTheAnswer() {
        let flow = FlowTemplates.tryCatchFinally.instantiate(id: "guarded", answers: ["trigger": "MeasureThresholdCrossed"])
        #expect(flow.trigger?.kind == .measureThresholdCrossed)
        #expect(Array(flow.definition.actions.keys) == ["Try", "Catch", "Finally"])
        #expect(Array(flow.definition.actions["Try"]?.actions?.keys ?? []) == [FlowTemplates.tryPlaceholder])
        #expect(flow.definition.actions["Catch"]?.runAfter == ["Try": [.failed, .timedOut]])
        #expect(FlowTemplates.tryCatchFinally.instantiate(id: "x", answers: ["trigger": "nonsense"]).trigger?.kind == .manual)
    }
}
