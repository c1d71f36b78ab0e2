import FlowExpressions

/// The card formats a Teams webhook accepts.
enum TeamsCardFormat: String, Sendable {
    /// The Workflows (Power Automate) webhook shape: a message with an Adaptive Card attachment.
    case adaptiveCard
    /// The legacy Office 365 connector MessageCard.
    case messageCard

    /// The format a connection asks for (`format` setting), Adaptive Card by default.
    init(connection: Connection?) {
        self = connection?.string("format")?.lowercased() == "messagecard" ? .messageCard : .adaptiveCard
    }
}

/// What a Teams step posts: title, text, facts and an optional Open URL button.
struct TeamsMessage: Sendable {
    var title: String
    var text: String
    var facts: [(name: String, value: String)]
    var buttonTitle: String
    var buttonUrl: String

    /// The message from the step's evaluated inputs.
    init(inputs: JSONValue) {
        title = inputs["title"]?.interpolationText ?? ""
        text = inputs["text"]?.interpolationText ?? ""
        facts = Self.facts(inputs["facts"])
        buttonTitle = inputs["buttonTitle"]?.interpolationText ?? ""
        buttonUrl = inputs["buttonUrl"]?.interpolationText ?? ""
    }

    /// Facts from an object (name → value) or an array of `{"name"|"title": ..., "value": ...}`.
    static func facts(_ value: JSONValue?) -> [(name: String, value: String)] {
        if let members = value?.objectValue {
            return members.map { (name: $0.key, value: $0.value.interpolationText) }
        }
        return (value?.arrayValue ?? []).compactMap { item in
            guard let name = (item["name"] ?? item["title"])?.interpolationText else { return nil }
            return (name: name, value: item["value"]?.interpolationText ?? "")
        }
    }
}

/// Builds the JSON body a Teams webhook receives.
enum TeamsCardBuilder {
    /// The body for a message in the given format.
    static func body(_ message: TeamsMessage, format: TeamsCardFormat) -> JSONValue {
        switch format {
        case .adaptiveCard: return adaptiveCardMessage(message)
        case .messageCard: return messageCard(message)
        }
    }

    /// `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",...}]}`.
    static func adaptiveCardMessage(_ message: TeamsMessage) -> JSONValue {
        let attachment: JSONValue = [
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": nil,
            "content": adaptiveCard(message),
        ]
        return ["type": "message", "attachments": [attachment]]
    }

    /// The Adaptive Card 1.4: title, text, facts, and an Open URL action.
    static func adaptiveCard(_ message: TeamsMessage) -> JSONValue {
        var body: [JSONValue] = []
        if !message.title.isEmpty {
            body.append(["type": "TextBlock", "text": .string(message.title), "weight": "Bolder", "size": "Medium", "wrap": true])
        }
        body.append(["type": "TextBlock", "text": .string(message.text), "wrap": true])
        if !message.facts.isEmpty {
            let facts = message.facts.map { fact -> JSONValue in ["title": .string(fact.name), "value": .string(fact.value)] }
            body.append(["type": "FactSet", "facts": .array(facts)])
        }
        var card: JSONValue = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard",
            "version": "1.4",
            "body": .array(body),
        ]
        if !message.buttonUrl.isEmpty {
            let action: JSONValue = ["type": "Action.OpenUrl", "title": .string(buttonTitle(message)), "url": .string(message.buttonUrl)]
            card = card.setting([action], atPathComponent: "actions")
        }
        return card
    }

    /// The legacy MessageCard: summary, title, text, a facts section, an OpenUri action.
    static func messageCard(_ message: TeamsMessage) -> JSONValue {
        let summary = message.title.isEmpty ? String(message.text.prefix(80)) : message.title
        var card: JSONValue = [
            "@type": "MessageCard",
            "@context": "https://schema.org/extensions",
            "summary": .string(summary),
        ]
        if !message.title.isEmpty { card = card.setting(.string(message.title), atPathComponent: "title") }
        card = card.setting(.string(message.text), atPathComponent: "text")
        if !message.facts.isEmpty {
            let facts = message.facts.map { fact -> JSONValue in ["name": .string(fact.name), "value": .string(fact.value)] }
            card = card.setting([["facts": .array(facts)]], atPathComponent: "sections")
        }
        if !message.buttonUrl.isEmpty {
            let action: JSONValue = [
                "@type": "OpenUri", "name": .string(buttonTitle(message)),
                "targets": [["os": "default", "uri": .string(message.buttonUrl)]],
            ]
            card = card.setting([action], atPathComponent: "potentialAction")
        }
        return card
    }

    private static func buttonTitle(_ message: TeamsMessage) -> String {
        message.buttonTitle.isEmpty ? "Open" : message.buttonTitle
    }
}
