import FlowExpressions

extension StepSummary {
    /// The card line of a data operation, variable or Date Time action; nil for other types.
    static func dataOperation(_ step: Step) -> String? {
        let inputs = step.inputs
        switch step.type {
        case .parseJson:
            let properties = JSONSchemaSubset(inputs?["schema"] ?? .null).topLevelProperties.map(\.name)
            return "parse \(text(inputs?["content"]))" + (properties.isEmpty ? "" : " → " + properties.joined(separator: ", "))
        case .select:
            let map = inputs?["select"]
            let shown = map?.objectValue.map { $0.keys.joined(separator: ", ") } ?? text(map)
            return "from \(text(inputs?["from"])) select \(shown)"
        case .query: return "from \(text(inputs?["from"])) where \(text(inputs?["where"]))"
        case .join: return "join \(text(inputs?["from"])) with \(quote(inputs?["joinWith"]))"
        case .table:
            let columns = inputs?["columns"]?.arrayValue.map { "\($0.count) column(s)" } ?? "automatic columns"
            return "\(text(inputs?["format"]).uppercased()) table of \(text(inputs?["from"])), \(columns)"
        case .incrementVariable: return "\(text(inputs?["name"])) += \(text(inputs?["value"] ?? 1))"
        case .decrementVariable: return "\(text(inputs?["name"])) -= \(text(inputs?["value"] ?? 1))"
        case .appendToStringVariable: return "\(text(inputs?["name"])) &= \(text(inputs?["value"]))"
        case .expression:
            let kindText = step.extra["kind"]?.stringValue ?? "?"
            guard let kind = ExpressionActionKind(caseInsensitive: kindText) else { return "unsupported Expression kind \(kindText)" }
            switch kind {
            case .currentTime: return kind.displayName
            case .addToTime, .subtractFromTime:
                return "\(kind.displayName): \(text(inputs?["baseTime"])) \(kind == .addToTime ? "+" : "-") \(text(inputs?["interval"])) \(text(inputs?["timeUnit"]))"
            case .getFutureTime, .getPastTime: return "\(kind.displayName): \(text(inputs?["interval"])) \(text(inputs?["timeUnit"]))"
            case .convertTimeZone:
                return "\(kind.displayName): \(text(inputs?["baseTime"])) from \(text(inputs?["sourceTimeZone"])) to \(text(inputs?["destinationTimeZone"]))"
            }
        default: return nil
        }
    }
}
