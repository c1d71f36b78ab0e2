/// A closed set of names read in any letter case and written in their canonical casing (`SUCCEEDED` reads as
/// `Succeeded`): run and step statuses, runAfter statuses, event types. Conform and get `init?(caseInsensitive:)`.
public protocol CaseInsensitiveName: RawRepresentable, CaseIterable where RawValue == String {}

extension CaseInsensitiveName {
    /// The case whose name equals `text` ignoring letter case; nil for an unknown name.
    public init?(caseInsensitive text: String) {
        if let exact = Self(rawValue: text) {
            self = exact
            return
        }
        let lowered = text.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }
}
