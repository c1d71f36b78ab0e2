import Designer
import Foundation
import Testing

/// The README's key table is generated from the screens' key maps; this test fails when it is stale
/// (regenerate with `INSIGHTFLOW_UPDATE_SNAPSHOTS=1 swift test --filter KeyReferenceTests`).
@Suite struct KeyReferenceTests {
    static let begin = "<!-- keys:begin (generated from the key maps: INSIGHTFLOW_UPDATE_SNAPSHOTS=1 swift test --filter KeyReferenceTests) -->"
    static let end = "<!-- keys:end -->"

    @Test func readmeKeyTableIsCurrent() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "README.md lacks the key table markers")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex))
        let current = String(text[start.upperBound..<stop.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = KeyReference.markdown
        if current != generated, ProcessInfo.processInfo.environment["INSIGHTFLOW_UPDATE_SNAPSHOTS"] == "1" {
            let updated = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: "\n" + generated + "\n")
            try updated.write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == generated, "README.md's key table is stale: regenerate it (see the comment above the table)")
        #expect(generated.contains("| flows list |"))
        #expect(generated.contains("`F1  ?`"))
    }
}
