import Foundation
import Testing
import TerminalUI

/// Compares a buffer's text with `Snapshots/<name>.txt` next to this file.
func expectSnapshot(_ buffer: CellBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    if let mismatch = GoldenSnapshot.mismatch(buffer.text, named: name, folder: folder) {
        Issue.record(Comment(rawValue: mismatch), sourceLocation: sourceLocation)
    }
}
