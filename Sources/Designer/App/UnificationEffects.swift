import Insights

/// Carries out Data > Unification's requests against the services' workspace and reports the outcome as messages.
/// Bad lookups become a problem answer naming the reference, what is wrong and the fix; nothing here throws.
@MainActor
enum UnificationEffects {
    static func perform(_ request: UnificationRequest, _ services: any DesignerServices) -> [Message] {
        guard let unification = services.unification else {
            return [.unification(.unavailable("No workspace: the home's workspace could not be loaded (see `insightflow workspace status`)"))]
        }
        switch request {
        case .stats:
            do {
                return [.unification(.stats(try unification.lastUnification(), sources: unification.sources, warnings: unification.warnings))]
            } catch {
                return [.unification(.unavailable("The match statistics cannot be read: \(error)"))]
            }
        case .why(let first, let second): return [.unification(.answer(why(first, second, unification)))]
        case .explain(let id): return [.unification(.answer(explain(id, unification)))]
        }
    }

    private static func why(_ first: RecordRef, _ second: RecordRef, _ unification: any UnificationServices) -> UnificationAnswer {
        let title = "Why \(first) and \(second)"
        do {
            guard try unification.lastUnification() != nil else {
                return .problem(title: title, message: "No unification yet: refresh everything first (Admin > System, a)")
            }
            let explanation = try unification.explainPair(first, second)
            let unknown = [(first, explanation.firstCustomerId), (second, explanation.secondCustomerId)].filter { $0.1 == nil }.map { $0.0 }
            if let record = unknown.first {
                let key = unification.sources.first { $0.name == record.source }.map { " (its key column is '\($0.keyColumn)')" } ?? ""
                let which = record == first ? "first" : "second"
                return .problem(title: title, message: "The \(which) reference \(record): source '\(record.source)' has no record with key '\(record.key)' at the last refresh\(key); check the key and press w to try again")
            }
            return .pair(explanation)
        } catch {
            return .problem(title: title, message: "The records cannot be read: \(error)")
        }
    }

    private static func explain(_ customerId: String, _ unification: any UnificationServices) -> UnificationAnswer {
        let title = "Profile \(customerId)"
        do {
            guard let explanation = try unification.explainProfile(customerId) else {
                return .problem(title: title, message: "No profile '\(customerId)': profile ids are C and 14 hex digits (a why answer names them); press e to try again")
            }
            return .profile(explanation)
        } catch {
            return .problem(title: title, message: "The profile cannot be read: \(error)")
        }
    }
}
