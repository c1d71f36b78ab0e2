import FlowExpressions
import Testing

/// `@` escaping in printed flow strings works on scalars: an `@` or `{` followed by a combining mark (one
/// grapheme with it) is still escaped. The fuzzer found `@@{` + U+0596 printing back unescaped.
@Suite struct FlowStringEscapeTests {
    @Test func combiningMarksAfterAtOrBraceStillRoundTrip() throws {
        for text in ["a @@{\u{0596}x", "@@\u{0301}b", "x @@{\u{0596} @{'y'}", "a A@y'@\u{FFFD} @@x{ @@{\u{0596}\u{FFFD}|"] {
            let parsed = try FlowString.parse(text)
            let again = try FlowString.parse(parsed.description)
            #expect(again == parsed, "\(text) → \(parsed.description)")
        }
    }

    /// The same for `'` in a string literal: `''` + U+05B2 (a combining mark) printed as one `'` and the text read back
    /// as another string (found by the fuzzer in CI).
    @Test func combiningMarksAfterAQuoteInAStringLiteralStillRoundTrip() throws {
        for text in ["@formatDateTime(triggerBody()?['when'], '''Day'' d ''of''\u{05B2}\u{FFFD}M')", "@concat('it''\u{0301}s')", "@{'''\u{0596}'}"] {
            let parsed = try FlowString.parse(text)
            let again = try FlowString.parse(parsed.description)
            #expect(again == parsed, "\(text) → \(parsed.description)")
        }
    }
}
