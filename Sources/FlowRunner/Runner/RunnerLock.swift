import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-runner-per-home lock: an exclusive flock on `<home>/runner.lock`, holding the owner's pid.
public final class RunnerLock: Sendable {
    private let fd: Int32

    /// Why the lock could not be taken.
    public struct Held: Error, CustomStringConvertible {
        public var pid: Int32?
        public var path: String
        public var description: String {
            "another InsightFlow runner holds \(path)" + (pid.map { " (process \($0))" } ?? "") + "; stop it or attach to it"
        }
    }

    /// Takes the lock without waiting, or throws `Held` naming the process that has it.
    public init(home: URL) throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let path = home.appendingPathComponent("runner.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Held(pid: nil, path: path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let pid = Self.readPid(descriptor)
            close(descriptor)
            throw Held(pid: pid, path: path)
        }
        ftruncate(descriptor, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        fd = descriptor
    }

    /// The pid of the process holding the home's lock, or nil when no runner holds it.
    public static func holder(home: URL) -> Int32? {
        let path = home.appendingPathComponent("runner.lock").path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return readPid(descriptor)
    }

    static func readPid(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(descriptor, &buffer, 31, 0)
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
