import Foundation

/// Whole-screen golden files for tests: the screen text is compared with `<folder>/<name>.txt`; the files are
/// (re)written only when `INSIGHTFLOW_UPDATE_SNAPSHOTS=1` is set, so a failing comparison never rewrites itself.
public enum GoldenSnapshot {
    /// The environment variable that turns recording on.
    public static let updateVariable = "INSIGHTFLOW_UPDATE_SNAPSHOTS"

    /// Nil when `text` matches the stored snapshot (or was recorded); otherwise a readable description of the difference.
    public static func mismatch(_ text: String, named name: String, folder: URL,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let file = folder.appendingPathComponent("\(name).txt")
        let actual = text + "\n"
        if environment[updateVariable] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                try actual.write(to: file, atomically: true, encoding: .utf8)
                return nil
            } catch {
                return "cannot write \(file.path): \(error.localizedDescription)"
            }
        }
        guard let data = FileManager.default.contents(atPath: file.path), let expected = String(data: data, encoding: .utf8) else {
            return "no snapshot \(file.path); run with \(updateVariable)=1 to record it"
        }
        guard expected != actual else { return nil }
        return difference(expected: expected, actual: actual, file: file.path)
    }

    /// The first differing lines of two texts, numbered.
    static func difference(expected: String, actual: String, file: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report = ["snapshot \(file) differs (set \(updateVariable)=1 to accept):"]
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : "<missing>"
            let b = index < new.count ? String(new[index]) : "<missing>"
            if a != b { report.append("line \(index + 1):\n  - \(a)\n  + \(b)") }
            if report.count > 12 { break }
        }
        return report.joined(separator: "\n")
    }
}
