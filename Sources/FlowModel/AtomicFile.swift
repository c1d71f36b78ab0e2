import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: a temporary file in the same folder, fsync, rename over the target, fsync the folder.
/// A crash at any moment leaves either the old file or the new one, never a half-written one.
public enum AtomicFile {
    /// Replaces (or creates) `url` with `bytes`; `mode` applies to a newly created file.
    public static func write(_ bytes: [UInt8], to url: URL, mode: mode_t = 0o644) throws(FlowStoreError) {
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io("cannot create \(temp.path): \(errnoText())") }
        var ok = false
        defer {
            if !ok { unlink(temp.path) }
        }
        let written = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        let synced = written && fsync(fd) == 0
        close(fd)
        guard synced else { throw .io("cannot write \(temp.path): \(errnoText())") }
        guard rename(temp.path, url.path) == 0 else { throw .io("cannot replace \(url.path): \(errnoText())") }
        ok = true
        syncFolder(folder)
    }

    /// Flushes a folder's entries (the rename) to disk.
    static func syncFolder(_ folder: URL) {
        let dirfd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { return }
        fsync(dirfd)
        close(dirfd)
    }

    /// Reads a whole file as bytes.
    public static func read(_ url: URL) throws(FlowStoreError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .notFound(url.path) }
            throw .io("cannot read \(url.path): \(errnoText())")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read \(url.path): \(errnoText())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// An exclusive advisory lock on a file (flock), held until `unlock` or deinit.
final class FileLock {
    private let fd: Int32

    /// Blocks until the lock on `url` is held; creates the lock file when missing.
    init(_ url: URL) throws(FlowStoreError) {
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io("cannot open lock \(url.path): \(AtomicFile.errnoText())") }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                throw .io("cannot lock \(url.path): \(AtomicFile.errnoText())")
            }
        }
    }

    /// Takes the lock on `url` only if nobody holds it now; nil when it is held (or cannot be opened).
    init?(tryLocking url: URL) {
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
