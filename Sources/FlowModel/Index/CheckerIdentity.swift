import Foundation

/// Names who made the check results in a flow index: this program's build (the size and modification time of the
/// running executable — another build may check differently) and the connections the checker was told about.
enum CheckerIdentity {
    /// The identity for checks made by this process with `context`.
    static func current(_ context: CheckContext) -> String {
        "\(build)|\(fingerprint(context))"
    }

    /// The running executable's size and modification time; "unknown" where /proc is missing.
    static let build: String = {
        guard let stamp = FileStamp.of(path: "/proc/self/exe") else { return "unknown" }
        return "\(stamp.size)-\(stamp.mtime)"
    }()

    /// The connections as sorted `name=kind` pairs, or `-` when connections are not checked.
    static func fingerprint(_ context: CheckContext) -> String {
        guard let connections = context.connections else { return "-" }
        return connections.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
