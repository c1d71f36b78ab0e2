import Foundation
import GRDB

/// Evaluates a segment's rule over the unified profiles into `segment_member`.
struct SegmentEvaluator {
    let definition: WorkspaceDefinition
    let now: Date

    /// Replaces the members of `segment`; returns the member count.
    func evaluate(_ segment: SegmentDefinition, _ db: Database) throws -> Int {
        let compiled = RuleCompiler(definition: definition, scope: .profiles(definition), now: now).compile(segment.rule)
        try db.execute(sql: "DELETE FROM segment_member WHERE segment = ?", arguments: [segment.name])
        try db.execute(
            sql: """
                INSERT INTO segment_member (segment, customer_id)
                SELECT ?, \(FieldScope.profileAlias).customer_id FROM customer \(FieldScope.profileAlias) WHERE \(compiled.sql)
                """,
            arguments: StatementArguments([segment.name.databaseValue] + compiled.arguments))
        return db.changesCount
    }
}
