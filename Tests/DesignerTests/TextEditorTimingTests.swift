@testable import Designer
import FlowModel
import Foundation
import Testing
import TerminalUI

/// Keystroke handling on a 5,000-character body, measured and printed (no timing is asserted: the figures go in
/// the issue note; run `swift test --filter TextEditorTimingTests` and read the `text-editor timing` lines).
@MainActor @Suite struct TextEditorTimingTests {
    /// 1,000 keys — typing, moves by line/word/page, Backspace, undo — first on the widget alone, then through the
    /// designer (update and a full frame per key, as the app draws after each key).
    @Test func thousandKeystrokesOnA5000CharacterBody() {
        let body = TextEditorJourneyTests.body
        let cycle: [Key] = [.character("a"), .character("b"), .character(" "), .down, .control(.right), .backspace,
                            .up, .end, .character("c"), .pageDown, .pageUp, .ctrl("z"), .home, .control(.left),
                            .shift(.right), .right, .character("d"), .down, .down, .character("e")]
        let keys = (0..<1_000).map { cycle[$0 % cycle.count] }

        var editor = TextEditor(body, atomRule: TextEditorScreen.tokens)
        editor.viewport = Size(width: 77, height: 18)
        _ = editor.handle(.control(.home))
        let clock = ContinuousClock()
        var widgetTimes: [Duration] = []
        for key in keys {
            let start = clock.now
            _ = editor.handle(key)
            widgetTimes.append(clock.now - start)
        }
        #expect(editor.characters.count > 5_000)

        var flow = sampleFlow()
        flow.definition.actions["Post_message"]?.inputs = ["connection": "teams", "text": .string(body)]
        let (session, _) = makeSession(flows: [flow])
        session.send([.down, .down, .enter, .enter, .down, .enter, .tab, .tab, .tab, .function(2), .control(.home)])
        #expect(session.state.top is TextEditorScreen)
        var frameTimes: [Duration] = []
        for key in keys {
            let start = clock.now
            session.send([key])
            _ = session.render()
            frameTimes.append(clock.now - start)
        }
        print("text-editor timing: \(Self.summary(widgetTimes)) per key, widget alone (5,000 characters, 1,000 keys)")
        print("text-editor timing: \(Self.summary(frameTimes)) per key, key → update → frame at 80×24 (5,000 characters, 1,000 keys)")
    }

    static func summary(_ times: [Duration]) -> String {
        let ms = times.map { Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1e3 }.sorted()
        let mean = ms.reduce(0, +) / Double(max(1, ms.count))
        let p99 = ms[min(ms.count - 1, ms.count * 99 / 100)]
        return String(format: "mean %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms", mean, ms[ms.count / 2], p99, ms.last ?? 0)
    }
}
