import Foundation
import Testing

/// `workspace matches`, `workspace why` and `workspace explain` on the refreshed sample workspace.
struct UnificationExplainCLITests {
    @Test func explainsWhichRuleJoinedTheRecordsOfAProfile() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["refresh", "--all"]).status == 0)

        let matches = try cli.run(["workspace", "matches"])
        #expect(matches.status == 0)
        #expect(matches.stdout.contains("91 records → 51 profiles"), "\(matches.stdout)")
        #expect(matches.stdout.contains("Name and phone"))

        let why = try cli.run(["workspace", "why", "CRM contacts:59", "Loyalty members:L1058"])
        #expect(why.status == 0, "\(why.stderr)")
        #expect(why.stdout.contains("are together in profile C"), "\(why.stdout)")
        #expect(why.stdout.contains("rule 'Name and phone': matches"), "\(why.stdout)")

        let apart = try cli.run(["workspace", "why", "CRM contacts:59", "CRM contacts:53"])
        #expect(apart.stdout.contains("are apart"), "\(apart.stdout)")
        #expect(apart.stdout.contains("rule 'Email': no match"))

        let id = why.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("C") && $0.count == 15 }.map(String.init) ?? ""
        let explain = try cli.run(["workspace", "explain", id])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("3 record(s)"), "\(explain.stdout)")
        #expect(explain.stdout.contains("by rule '"), "\(explain.stdout)")
        #expect(explain.stdout.contains("[exact] 1.00 ✓"), "\(explain.stdout)")

        #expect(try cli.run(["workspace", "explain", "Cnope"]).status != 0)
        #expect(try cli.run(["workspace", "why", "nocolon", "x:1"]).status != 0)
    }
}
