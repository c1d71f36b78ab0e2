import Foundation
import Testing

/// Gives each test its own temporary folder (in `TemporaryFolder.current`) and deletes it after the test.
struct TemporaryFolderTrait: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil else { return try await function() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insights-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TemporaryFolder.$current.withValue(folder) { try await function() }
    }
}

extension Trait where Self == TemporaryFolderTrait {
    /// Each test gets a fresh temporary folder, removed afterwards.
    static var temporaryFolder: Self { Self() }
}

/// The current test's temporary folder.
enum TemporaryFolder {
    @TaskLocal static var current: URL?
}
