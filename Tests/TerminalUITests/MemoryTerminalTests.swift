import Testing
import TerminalUI

@MainActor @Suite struct MemoryTerminalTests {
    @Test func keepsFramesCountsChangesAndQueuesResize() {
        let terminal = MemoryTerminal(size: Size(width: 10, height: 2), keys: [.character("a")])
        var frame = CellBuffer(size: terminal.size)
        frame.put("hello", x: 0, y: 0, style: .plain)
        terminal.present(frame)
        frame.put("J", x: 0, y: 0, style: .plain)
        terminal.present(frame)
        #expect(terminal.lastChangedCells == 1)
        #expect(terminal.screenText == "Jello\n")
        terminal.resize(to: Size(width: 20, height: 5))
        #expect(terminal.readKeys(timeoutMilliseconds: 0) == [.resize])
        #expect(terminal.readKeys(timeoutMilliseconds: 0) == [.character("a")])
        #expect(terminal.readKeys(timeoutMilliseconds: 0).isEmpty)
    }
}
