import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells the runner when the flows folder changed — a save by the designer, a `flow enable` from the CLI, an
/// editor writing a file — so a running runner sees every flow change within a second without being asked.
/// On Linux it listens with inotify (no polling); elsewhere it compares the folder's listing twice a second.
public final class FlowsFolderWatch: @unchecked Sendable {
    private let folder: URL
    private let queue = DispatchQueue(label: "insightflow.flows-watch")
    private let onChange: @Sendable () -> Void
    private var source: (any DispatchSourceProtocol)?
    private var descriptor: Int32 = -1
    private var pending = false
    private var lastListing: [String: Date] = [:]

    /// Watches `folder` (created if missing) and calls `onChange` at most once per `debounce` seconds after changes.
    public init(folder: URL, debounce: Double = 0.2, onChange: @escaping @Sendable () -> Void) {
        self.folder = folder
        self.onChange = onChange
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        queue.sync { start(debounce: debounce) }
    }

    private func start(debounce: Double) {
        #if canImport(Glibc)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB)
        if fd >= 0, inotify_add_watch(fd, folder.path, mask) >= 0 {
            descriptor = fd
            let read = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            read.setEventHandler { [weak self] in self?.drain(debounce: debounce) }
            read.setCancelHandler { close(fd) }
            read.resume()
            source = read
            return
        }
        if fd >= 0 { close(fd) }
        #endif
        lastListing = listing()
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let now = listing()
            if now != lastListing {
                lastListing = now
                onChange()
            }
        }
        timer.resume()
        source = timer
    }

    #if canImport(Glibc)
    /// Reads every queued inotify event, then reports once after the debounce — unless every event was about a hidden
    /// name (the index, temporary files, `.history`, the designer's autosaved drafts), which are never flows.
    private func drain(debounce: Double) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            relevant = relevant || Self.namesAFlow(buffer, count: count)
        }
        guard relevant, !pending else { return }
        pending = true
        queue.asyncAfter(deadline: .now() + debounce) { [weak self] in
            guard let self else { return }
            pending = false
            onChange()
        }
    }

    /// True when a batch of inotify events names something other than a hidden file (or overflowed, or names nothing).
    static func namesAFlow(_ buffer: [UInt8], count: Int) -> Bool {
        let header = MemoryLayout<inotify_event>.size
        var offset = 0
        while offset + header <= count {
            let (mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self), Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            if mask & UInt32(IN_Q_OVERFLOW) != 0 || length == 0 { return true }
            let nameStart = offset + header
            guard nameStart < count else { return true }
            if buffer[nameStart] != UInt8(ascii: ".") { return true }
            offset = nameStart + length
        }
        return false
    }
    #endif

    /// File name → modification time of the flow files.
    private func listing() -> [String: Date] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var result: [String: Date] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {  // not the flow index or temp files
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            result[name] = attributes?[.modificationDate] as? Date ?? .distantPast
        }
        return result
    }

    /// Stops watching.
    public func stop() {
        queue.sync {
            source?.cancel()
            source = nil
        }
    }

    deinit { source?.cancel() }
}
