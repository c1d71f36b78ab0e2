/// A terminal kept in memory for tests: keys are queued in advance and every presented frame is kept.
@MainActor
public final class MemoryTerminal: Terminal {
    public private(set) var size: Size
    public let colorCount: Int
    public let supportsUnicode: Bool
    /// Keys still to be read.
    public var queuedKeys: [Key]
    /// The last frame presented.
    public private(set) var screen: CellBuffer
    /// How many frames were presented.
    public private(set) var frameCount = 0
    /// How many cells the last frame changed.
    public private(set) var lastChangedCells = 0
    /// True after `shutdown`.
    public private(set) var isShutDown = false

    public init(size: Size, keys: [Key] = [], colorCount: Int = 256, supportsUnicode: Bool = true) {
        self.size = size
        self.queuedKeys = keys
        self.colorCount = colorCount
        self.supportsUnicode = supportsUnicode
        self.screen = CellBuffer(size: size)
    }

    /// The screen as text (trailing spaces trimmed).
    public var screenText: String { screen.text }

    /// Changes the size and queues a resize key, as a real terminal would.
    public func resize(to newSize: Size) {
        size = newSize
        queuedKeys.insert(.resize, at: 0)
    }

    public func present(_ buffer: CellBuffer) {
        lastChangedCells = buffer.changedPositions(since: frameCount == 0 ? nil : screen).count
        screen = buffer
        frameCount += 1
    }

    public func readKeys(timeoutMilliseconds: Int) -> [Key] {
        guard !queuedKeys.isEmpty else { return [] }
        return [queuedKeys.removeFirst()]
    }

    /// Texts put on the clipboard, oldest first.
    public private(set) var copied: [String] = []

    public func copyToClipboard(_ text: String) { copied.append(text) }

    public func shutdown() { isShutDown = true }
}
