import Synchronization

/// Notices posted from background tasks and drained by the designer's loop on its timer tick.
final class NoticeBox: Sendable {
    private let items = Mutex<[RunnerNotice]>([])

    /// Adds a notice (any thread).
    func post(_ notice: RunnerNotice) { items.withLock { $0.append(notice) } }

    /// Takes every notice posted so far.
    func take() -> [RunnerNotice] { items.withLock { list in defer { list = [] }; return list } }
}
