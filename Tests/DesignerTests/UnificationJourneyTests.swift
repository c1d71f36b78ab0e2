import Designer
import Foundation
import Insights
import Testing
import TerminalUI

/// Data > Unification on a real, refreshed workspace: what a person sees of the match statistics, why two records
/// are together or apart, a profile's explanation, and the messages for references that do not name a record.
@MainActor @Suite(.serialized) struct UnificationJourneyTests {
    @Test func statisticsPerRuleWithDeduplicationPairsAndVetoes() async throws {
        let home = try await UnificationWorkspace.open()
        defer { home.close() }
        let session = home.session()
        session.openUnification()
        #expect(session.state.breadcrumb == ["InsightFlow", "Data", "Unification"])
        #expect(session.screen.contains("7 records → 4 profiles"), "\(session.screen)")
        // rule, stage, pairs, records matched, merges, vetoed
        #expect(session.words(ofLineWith: "crm dob+surname") == ["crm", "dob+surname", "dedup", "CRM", "contacts", "1", "2", "1", "0"], "\(session.screen)")
        #expect(session.words(ofLineWith: "Name and postcode") == ["Name", "and", "postcode", "match", "3", "6", "2", "1"], "\(session.screen)")
        // The same facts as `workspace matches` (one home: Insights' last unification).
        let rules = try #require(try home.workspace.lastUnification()).rules
        #expect(rules.map(\.vetoed) == [0, 1])
        session.send([.escape])
        #expect(session.state.breadcrumb == ["InsightFlow", "Data"])
    }

    @Test func whyTogetherNamesTheRuleScoresAndTheChain() async throws {
        let home = try await UnificationWorkspace.open()
        defer { home.close() }
        let session = home.session(Size(width: 120, height: 40))
        session.openUnification()
        session.why("CRM contacts:2 web shop:w1")
        #expect(session.screen.contains("CRM contacts:2 and web shop:w1 are together in profile C"), "\(session.screen)")
        #expect(session.screen.contains("rule 'Name and postcode': no match"), "postcodes differ: \(session.screen)")
        #expect(session.screen.contains("postcode [exact] 0.00 ✗"), "\(session.screen)")
        #expect(session.screen.contains("joined through: CRM contacts:1 + CRM contacts:2 (crm dob+surname), CRM contacts:1 + web shop:w1"),
                "\(session.screen)")
        // Any case of the source name, a comma between the references.
        session.why("crm contacts:1,web shop:w1")
        #expect(session.screen.contains("CRM contacts:1 and web shop:w1 are together in profile C"), "\(session.screen)")
        #expect(session.screen.contains("rule 'Name and postcode': matches"), "\(session.screen)")
        // Swapped names: the verdict says so and the scores compare given with surname.
        session.why("CRM contacts:4 web shop:w3")
        #expect(session.screen.contains("rule 'Name and postcode': matches (names swapped)"), "\(session.screen)")
        #expect(session.screen.contains("given~surname [60%] 1.00 ✓"), "\(session.screen)")
    }

    @Test func whyApartShowsTheVetoingException() async throws {
        let home = try await UnificationWorkspace.open()
        defer { home.close() }
        let session = home.session(Size(width: 120, height: 40))
        session.openUnification()
        session.why("CRM contacts:3, web shop:w2")
        #expect(session.screen.contains("CRM contacts:3 and web shop:w2 are apart"), "\(session.screen)")
        #expect(session.screen.contains("rule 'Name and postcode': matches, but exception 'dob' disagrees: kept apart"), "\(session.screen)")
        #expect(session.screen.contains("rule 'crm dob+surname': does not apply: deduplicates source 'CRM contacts' only"), "\(session.screen)")
    }

    @Test func badReferencesSayWhichOneWhatIsWrongAndTheFix() async throws {
        let home = try await UnificationWorkspace.open()
        defer { home.close() }
        let session = home.session()
        session.openUnification()
        session.why("CRM contacts:1")
        #expect(session.flat.contains("The second reference is missing"), "\(session.screen)")
        #expect(session.state.modal != nil, "the dialog stays open to correct the text")
        session.send([.ctrl("u")])
        session.type("crm:1 web shop:w1")
        session.send([.enter])
        #expect(session.flat.contains("The first reference 'crm:1' names no customer source 'crm'"), "\(session.screen)")
        #expect(session.flat.contains("CRM contacts, web shop"), "the sources are listed: \(session.screen)")
        session.send([.ctrl("u")])
        session.type("CRM contacts:1 w1")
        session.send([.enter])
        #expect(session.flat.contains("The second reference 'w1' has no SOURCE: part"), "\(session.screen)")
        session.send([.escape])
        #expect(session.state.modal == nil)
        session.why("CRM contacts:99 web shop:w1")
        #expect(session.flat.contains("The first reference CRM contacts:99: source 'CRM contacts' has no record with key '99'"), "\(session.screen)")
        #expect(session.flat.contains("its key column is 'id'"), "\(session.screen)")
        session.send([.character("e")])
        session.type("Cnope")
        session.send([.enter])
        #expect(session.flat.contains("No profile 'Cnope'"), "\(session.screen)")
    }

    @Test func enterOnAProfileExplainsItAndLongAnswersScrollToTheirEnd() async throws {
        let home = try await UnificationWorkspace.open()
        defer { home.close() }
        let session = home.session(Size(width: 80, height: 10))
        session.openUnification()
        session.why("CRM contacts:1 web shop:w1")
        session.send([.down])
        #expect(session.screen.contains("(Enter: explain it)"))
        session.send([.enter])
        #expect(session.screen.contains(": 3 record(s)"), "\(session.screen)")
        #expect(!session.screen.contains("given [60%] 0.60 ✓"), "the last link's scores are below the fold at 10 rows: \(session.screen)")
        session.send([.end])
        #expect(session.screen.contains("CRM contacts:1 + web shop:w1 by rule 'Name and postcode'"), "\(session.screen)")
        #expect(session.lines[session.lines.count - 2].contains("surname [60%] 1.00 ✓"), "the last line is in view: \(session.screen)")
        session.send([.home])
        #expect(session.screen.contains("7 records → 4 profiles"))
    }

    @Test func keysAreDeclaredOnceForStatusBarHelpAndPalette() async throws {
        let home = try await UnificationWorkspace.open()
        defer { home.close() }
        let session = home.session(Size(width: 120, height: 40))
        session.openUnification()
        #expect(session.statusBar.contains("w why"), "\(session.statusBar)")
        session.send([.character("?")])
        #expect(session.screen.contains("why are two records together or apart"), "\(session.screen)")
        session.send([.escape, .ctrl("p")])
        session.type("why")
        #expect(session.screen.contains("why are two records together or apart"), "\(session.screen)")
        // From anywhere, the palette opens the screen by name (Data below it, so Esc goes back to Data).
        session.send([.escape, .escape, .escape, .ctrl("p")])
        session.type("unification")
        session.send([.enter])
        #expect(session.state.breadcrumb == ["InsightFlow", "Data", "Unification"], "\(session.state.breadcrumb)")
        #expect(session.screen.contains("7 records → 4 profiles"), "\(session.screen)")
    }

    @Test func sampleWorkspaceMatchesTheCommandLine() async throws {
        let home = try await UnificationWorkspace.open(sample: true)
        defer { home.close() }
        let session = home.session()
        session.openUnification()
        #expect(session.flat.contains("91 records → 51 profiles"), "the same figures as `workspace matches`: \(session.screen)")
        session.why("CRM contacts:59 Loyalty members:L1058")
        #expect(session.flat.contains("are together in profile C"), "\(session.screen)")
        #expect(session.flat.contains("rule 'Name and phone': matches"), "\(session.screen)")
    }

    @Test func withoutAWorkspaceTheScreenSaysSo() {
        let (session, _) = makeSession()
        session.openUnification()
        #expect(session.screen.contains("No workspace"), "\(session.screen)")
        session.why("a:1 b:2")
        #expect(session.state.modal != nil, "no sources known: the reference names no source")
    }
}
