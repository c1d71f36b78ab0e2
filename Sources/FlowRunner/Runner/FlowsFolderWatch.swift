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
    /// Reads every queued inotify event, then reports once after the debounce.
    private func drain(debounce: Double) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while buffer.withUnsafeMutableBytes({ Glibc.read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        guard !pending else { return }
        pending = true
        queue.asyncAfter(deadline: .now() + debounce) { [weak self] in
            guard let self else { return }
            pending = false
            onChange()
        }
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
