import Foundation

/// What `insightflow --version` prints: the version, and the git commit it was installed from. SwiftPM cannot embed
/// the commit at build time without a build plugin, so `scripts/install.sh` writes it to
/// `<prefix>/share/insightflow/commit` beside the binary's `<prefix>/bin`; a binary run from `.build` says "unknown".
enum BuildInfo {
    /// The release version.
    static let version = "0.1.0"

    /// `0.1.0 (commit 1a2b3c4)`.
    static var versionLine: String { "\(version) (commit \(commit ?? "unknown"))" }

    /// The commit recorded at install time, if there is one.
    static var commit: String? {
        guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let file = binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/insightflow/commit")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let commit = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return commit.isEmpty || commit.count > 64 ? nil : commit
    }
}
