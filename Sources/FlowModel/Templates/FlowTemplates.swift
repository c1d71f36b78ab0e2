import FlowExpressions
import OrderedCollections

/// The built-in templates: the two examples of the reference documentation first, then five more (the last, error
/// handling with Try/Catch/Finally, on the trigger the user picks).
public enum FlowTemplates {
    public static let all: [FlowTemplate] = [teamsOnRefreshFailure, emailOnSegmentThreshold, emailUnificationSummary,
                                             teamsOnMeasureThreshold, webhookOnFullRefresh, escalateRepeatedRefreshFailure, tryCatchFinally]

    /// The template with this id.
    public static func template(_ id: String) -> FlowTemplate? { all.first { $0.id == id } }

    static let teamsConnection = FlowTemplate.Question(key: "connection", prompt: "Teams connection", kind: .connection, connectionKind: "teams", defaultValue: "Teams")
    static let emailConnection = FlowTemplate.Question(key: "connection", prompt: "Email connection", kind: .connection, connectionKind: "smtp", defaultValue: "Email")
    static let recipients = FlowTemplate.Question(key: "to", prompt: "Recipients (separate with ;)", kind: .emailList, connectionKind: nil, defaultValue: "data-owners@contoso.example")

    public static let teamsOnRefreshFailure = FlowTemplate(
        id: "teams-refresh-failed", displayName: "Post to Teams when a data source refresh fails",
        description: "Posts a card naming the data source and its error to a Teams channel.",
        trigger: .dataSourceRefreshFailed,
        questions: [teamsConnection, .init(key: "dataSource", prompt: "Data source (or any)", kind: .string, connectionKind: nil, defaultValue: "any")]
    ) { answers in
        TemplateBuilder.flow("Post to Teams when a data source refresh fails",
                             Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": TemplateBuilder.text(answers, "dataSource")]), [
            Step(name: "Post_message_in_a_chat_or_channel", type: .teamsPostMessage, inputs: [
                "connection": TemplateBuilder.text(answers, "connection"),
                "title": "Data source refresh failed",
                "text": "Refresh of @{triggerBody()?['dataSourceName']} failed: @{triggerBody()?['errorMessage']}",
                "facts": ["Data source": "@{triggerBody()?['dataSourceName']}", "Refresh ID": "@{triggerBody()?['refreshId']}",
                          "Started": "@{triggerBody()?['startedAt']}", "Finished": "@{triggerBody()?['finishedAt']}"],
            ]),
        ])
    }

    public static let emailOnSegmentThreshold = FlowTemplate(
        id: "email-segment-threshold", displayName: "Email the data owners when a segment crosses a threshold",
        description: "Sends an email when a segment's member count rises above a threshold.",
        trigger: .segmentThresholdCrossed,
        questions: [emailConnection, .init(key: "segment", prompt: "Segment", kind: .string, connectionKind: nil, defaultValue: "High value customers"),
                    .init(key: "threshold", prompt: "Threshold (members)", kind: .number, connectionKind: nil, defaultValue: 100), recipients]
    ) { answers in
        TemplateBuilder.flow("Email the data owners when a segment crosses a threshold",
                             Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": TemplateBuilder.text(answers, "segment"), "threshold": answers["threshold"] ?? 100]), [
            Step(name: "Send_an_email", type: .sendEmail, inputs: [
                "connection": TemplateBuilder.text(answers, "connection"), "to": TemplateBuilder.text(answers, "to"),
                "subject": "Segment @{triggerBody()?['segmentName']} passed @{triggerBody()?['threshold']} members",
                "body": "The segment @{triggerBody()?['segmentName']} now has @{triggerBody()?['currentCount']} members (it had @{triggerBody()?['previousCount']}), above the threshold of @{triggerBody()?['threshold']}.",
                "importance": "High",
            ]),
        ])
    }

    public static let emailUnificationSummary = FlowTemplate(
        id: "email-unification-summary", displayName: "Email a summary when unification completes",
        description: "Mails the number of unified profiles and the match rate after each map, match and merge.",
        trigger: .unificationCompleted, questions: [emailConnection, recipients]
    ) { answers in
        TemplateBuilder.flow("Email a summary when unification completes", Trigger(kind: .unificationCompleted), [
            Step(name: "Match_rate_percent", type: .compose, inputs: "@formatNumber(mul(triggerBody()?['matchRate'], 100), '0.0')"),
            Step(name: "Send_an_email", type: .sendEmail, inputs: [
                "connection": TemplateBuilder.text(answers, "connection"), "to": TemplateBuilder.text(answers, "to"),
                "subject": "Unification completed: @{triggerBody()?['profilesOut']} profiles",
                "body": "@{triggerBody()?['recordsIn']} source records became @{triggerBody()?['profilesOut']} unified profiles; match rate @{outputs('Match_rate_percent')} %.",
            ]),
        ])
    }

    public static let teamsOnMeasureThreshold = FlowTemplate(
        id: "teams-measure-threshold", displayName: "Post to Teams when a business measure crosses a threshold",
        description: "Tells a channel when a measure such as Total revenue rises above a value.",
        trigger: .measureThresholdCrossed,
        questions: [teamsConnection, .init(key: "measure", prompt: "Measure", kind: .string, connectionKind: nil, defaultValue: "Total revenue"),
                    .init(key: "threshold", prompt: "Threshold", kind: .number, connectionKind: nil, defaultValue: 25000)]
    ) { answers in
        TemplateBuilder.flow("Post to Teams when a business measure crosses a threshold",
                             Trigger(kind: .measureThresholdCrossed, parameters: ["measure": TemplateBuilder.text(answers, "measure"), "threshold": answers["threshold"] ?? 25000]), [
            Step(name: "Post_message_in_a_chat_or_channel", type: .teamsPostMessage, inputs: [
                "connection": TemplateBuilder.text(answers, "connection"),
                "title": "@{triggerBody()?['measureName']} passed @{triggerBody()?['threshold']}",
                "text": "@{triggerBody()?['measureName']} went from @{triggerBody()?['previousValue']} to @{triggerBody()?['currentValue']}.",
            ]),
        ])
    }

    public static let webhookOnFullRefresh = FlowTemplate(
        id: "webhook-full-refresh", displayName: "Call a webhook when a full refresh completes",
        description: "POSTs the refresh summary as JSON to a URL of yours.",
        trigger: .fullRefreshCompleted,
        questions: [.init(key: "uri", prompt: "Webhook URL", kind: .url, connectionKind: nil, defaultValue: "http://127.0.0.1:8080/insightflow")]
    ) { answers in
        TemplateBuilder.flow("Call a webhook when a full refresh completes", Trigger(kind: .fullRefreshCompleted), [
            Step(name: "HTTP", type: .http, inputs: [
                "method": "POST", "uri": TemplateBuilder.text(answers, "uri"), "headers": ["Content-Type": "application/json"],
                "body": ["event": "FullRefreshCompleted", "refreshId": "@triggerBody()?['refreshId']", "sourcesFailed": "@triggerBody()?['sourcesFailed']",
                         "profiles": "@triggerBody()?['profilesOut']", "finishedAt": "@triggerBody()?['finishedAt']"],
            ]),
        ])
    }

    /// The refresh log is an internal table (the connector's data actions read only public entities), so after the
    /// wait the flow looks the source up in Get entities and escalates when it still holds no rows, with the
    /// trigger's error.
    public static let escalateRepeatedRefreshFailure = FlowTemplate(
        id: "escalate-refresh-failure", displayName: "Escalate when a data source still fails after a wait",
        description: "Waits, looks the source up in Get entities, and emails an escalation with the trigger's error if the source still has no rows.",
        trigger: .dataSourceRefreshFailed, questions: [emailConnection, recipients]
    ) { answers in
        var check = Step(name: "Still_failing", type: .condition)
        check.expression = ["or": [
            ["equals": ["@length(body('Source_entity'))", 0]],
            ["equals": ["@first(body('Source_entity'))?['rowCount']", 0]],
        ]]
        check.actions = ["Send_an_email": Step(name: "Send_an_email", type: .sendEmail, inputs: [
            "connection": TemplateBuilder.text(answers, "connection"), "to": TemplateBuilder.text(answers, "to"), "importance": "High",
            "subject": "Escalation: @{triggerBody()?['dataSourceName']} keeps failing",
            "body": "The data source @{triggerBody()?['dataSourceName']} failed (@{triggerBody()?['errorMessage']}) and still has no rows after the wait.",
        ])]
        check.elseActions = [:]
        return TemplateBuilder.flow("Escalate when a data source still fails after a wait", Trigger(kind: .dataSourceRefreshFailed, parameters: ["dataSource": "any"]), [
            Step(name: "Delay", type: .wait, inputs: ["interval": ["count": 10, "unit": "Minute"]]),
            Step(name: "Get_entities", type: .getEntities, inputs: [:]),
            Step(name: "Source_entity", type: .query, inputs: [
                "from": "@body('Get_entities')?['value']",
                "where": "@equals(item()?['name'], triggerBody()?['dataSourceName'])",
            ]),
            check,
        ])
    }
}
