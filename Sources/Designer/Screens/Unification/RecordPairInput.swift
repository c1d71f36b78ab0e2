import Foundation
import Insights

/// Reads the two record references of a "why" lookup: `SOURCE:KEY SOURCE:KEY`. Source names may contain spaces
/// ("CRM contacts:59 Loyalty members:L1058"), so a reference starts with a known source name and a colon, and its
/// key runs to the next space or comma. Errors name the reference, what is wrong and the fix.
enum RecordPairInput {
    /// The two references, or the message to show.
    static func parse(_ text: String, sources: [String]) -> Result<(RecordRef, RecordRef), Problem> {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.isEmpty { return .failure(Problem("Type two records as SOURCE:KEY SOURCE:KEY, e.g. \(example(sources))")) }
        var refs: [RecordRef] = []
        for which in ["first", "second"] {
            rest = rest.drop { $0 == " " || $0 == "," }
            if rest.isEmpty {
                return .failure(Problem("The \(which) reference is missing: type two records as SOURCE:KEY SOURCE:KEY, e.g. \(example(sources))"))
            }
            switch reference(&rest, sources: sources) {
            case .success(let ref): refs.append(ref)
            case .failure(let problem): return .failure(Problem("The \(which) reference \(problem.message)"))
            }
        }
        let extra = rest.drop { $0 == " " || $0 == "," }
        if !extra.isEmpty { return .failure(Problem("Unexpected text after the second reference: '\(extra)'; type exactly two records as SOURCE:KEY SOURCE:KEY")) }
        return .success((refs[0], refs[1]))
    }

    /// Reads one reference from the front of `rest`.
    private static func reference(_ rest: inout Substring, sources: [String]) -> Result<RecordRef, Problem> {
        let known = sources.sorted { $0.count > $1.count }.first { rest.hasPrefix($0 + ":") }
            ?? sources.sorted { $0.count > $1.count }.first { rest.lowercased().hasPrefix($0.lowercased() + ":") }
        guard let source = known else {
            let word = rest.prefix { $0 != " " && $0 != "," }
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else {
                return .failure(Problem("'\(word)' has no SOURCE: part; write it as SOURCE:KEY, e.g. \(example(sources))"))
            }
            let names = sources.isEmpty ? "none" : sources.joined(separator: ", ")
            return .failure(Problem("'\(word)' names no customer source '\(word[..<colon])' (sources: \(names))"))
        }
        rest = rest.dropFirst(source.count + 1)
        let key = rest.prefix { $0 != " " && $0 != "," }
        rest = rest.dropFirst(key.count)
        if key.isEmpty { return .failure(Problem("'\(source):' has no key after the colon; write it as \(source):KEY")) }
        return .success(RecordRef(source: source, key: String(key)))
    }

    /// "CRM contacts:59 Loyalty members:L1058"-like example from the sources.
    static func example(_ sources: [String]) -> String {
        let names = sources.isEmpty ? ["crm", "webshop"] : sources
        return "\(names[0]):1 \(names[names.count > 1 ? 1 : 0]):2"
    }

    /// What is wrong with the typed text.
    struct Problem: Error, Equatable {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
