import Foundation
import Testing

/// `serve --concurrency` / `--per-flow-concurrency` and the same keys in `settings.json`: out-of-range values stop
/// `serve` before it opens the home, with a message naming the option (or file and key) and the range.
@Suite struct ServeConcurrencyOptionTests {
    @Test(arguments: [
        (["--concurrency", "0"], "--concurrency must be from 1 to 1024; got 0"),
        (["--concurrency", "1025"], "--concurrency must be from 1 to 1024; got 1025"),
        (["--per-flow-concurrency", "0"], "--per-flow-concurrency must be from 1 to 100; got 0"),
        (["--per-flow-concurrency", "101"], "--per-flow-concurrency must be from 1 to 100; got 101"),
    ])
    func optionsOutOfRangeAreRefused(options: [String], message: String) throws {
        let cli = CLIRunner()
        let result = try cli.run(["serve", "--port", "0"] + options)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(arguments: [
        (#"{"concurrency": 0}"#, "$.concurrency: must be a whole number from 1 to 1024; found 0"),
        (#"{"perFlowConcurrency": 500}"#, "$.perFlowConcurrency: must be a whole number from 1 to 100; found 500"),
        (#"{"perFlowConcurrency": "many"}"#, "$.perFlowConcurrency: must be a whole number from 1 to 100"),
        (#"{"concurrency": "#, "settings.json"),
    ])
    func settingsOutOfRangeAreRefusedNamingTheFileAndKey(settings: String, message: String) throws {
        let cli = CLIRunner()
        let path = try cli.write("settings.json", settings)
        let result = try cli.run(["serve", "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(path), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theHelpStatesRangesAndDefaults() throws {
        let result = try CLIRunner().run(["serve", "--help"], withHome: false)
        #expect(result.stdout.contains("--per-flow-concurrency"))
        #expect(result.stdout.contains("1-1024") && result.stdout.contains("1-100"))
    }
}
