import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file, enough to tell that it changed: size, inode, and the modification and status-change
/// times to the nanosecond. An atomic save (temp file + rename) always gives a new inode; an in-place edit changes
/// the size or the times.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    public var inode: UInt64
    /// Modification time, nanoseconds since 1970.
    public var mtime: Int64
    /// Status-change time, nanoseconds since 1970 (cannot be set by `touch`).
    public var ctime: Int64

    public init(size: Int64, inode: UInt64, mtime: Int64, ctime: Int64) {
        self.size = size
        self.inode = inode
        self.mtime = mtime
        self.ctime = ctime
    }

    /// The stamp of the file at `path` (following a symbolic link); nil when it cannot be stat'ed.
    public static func of(path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size), inode: UInt64(info.st_ino),
                         mtime: nanoseconds(info.st_mtim), ctime: nanoseconds(info.st_ctim))
    }

    /// How close to "now" a change may be and still be trusted later: a file changed this recently may change again
    /// within the same timestamp tick with the same size, so what was read of it is not cached as current.
    public static let racyWindow: Int64 = 2_000_000_000

    /// True when the file changed within `racyWindow` of `readAt` (nanoseconds since 1970): what was read may not
    /// be what a later reader with an equal stamp finds, so the entry is re-read next time.
    public func isRacy(readAt: Int64, window: Int64 = FileStamp.racyWindow) -> Bool {
        max(mtime, ctime) >= readAt - window
    }

    /// Now, in nanoseconds since 1970.
    public static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return nanoseconds(spec)
    }

    private static func nanoseconds(_ spec: timespec) -> Int64 {
        Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
