import Foundation
import GRDB

/// Runs map, match and merge over the last good customer data and swaps in the new profiles and links.
struct Unifier {
    let definition: WorkspaceDefinition

    /// Unifies in one transaction; the previous profiles stay if anything fails.
    func run(_ pool: DatabasePool, refreshId: UUID) throws -> UnificationResult {
        let started = Date()
        let (recordsIn, profilesOut, stats) = try pool.write { db in try unify(db) }
        let result = UnificationResult(
            refreshId: refreshId, startedAt: started, finishedAt: Date(),
            recordsIn: recordsIn, profilesOut: profilesOut, ruleStats: stats)
        try pool.write { db in try log(result, db) }
        return result
    }

    private func unify(_ db: Database) throws -> (Int, Int, [MatchRuleStats]) {
        let staging = UnificationStaging(definition: definition)
        let recordCount = try staging.build(db)
        let matcher = UnificationMatcher(unification: definition.unification, sourceOrder: staging.matchOrder)
        var (groups, stats) = try matcher.match(db, recordCount: recordCount)
        let profiles = try CustomerIdAssigner().assign(db, groups: &groups, recordCount: recordCount)
        let merger = ProfileMerger(fields: definition.unification.fields, policy: definition.unification.merge ?? .precedence)
        try merger.merge(db)
        try replaceLinks(db)
        try db.execute(sql: "DROP TABLE IF EXISTS customer")
        try db.execute(sql: "ALTER TABLE customer_next RENAME TO customer")
        try db.execute(sql: "DROP TABLE temp.unify_assign; DROP TABLE temp.unify_record")
        return (recordCount, profiles, stats)
    }

    private func replaceLinks(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS customer_link_record;
            DROP INDEX IF EXISTS customer_link_customer;
            DELETE FROM customer_link;
            INSERT INTO customer_link (customer_id, source, record_key)
                SELECT DISTINCT a.customer_id, r.source, r.record_key
                FROM unify_assign a JOIN unify_record r ON r.rid = a.rid;
            CREATE UNIQUE INDEX customer_link_record ON customer_link(source, record_key);
            CREATE INDEX customer_link_customer ON customer_link(customer_id);
            """)
    }

    private func log(_ result: UnificationResult, _ db: Database) throws {
        let stats = String(decoding: try JSONEncoder().encode(result.ruleStats), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO unification_log (refresh_id, started_at, finished_at, records_in, profiles_out, rule_stats)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [result.refreshId.uuidString, result.startedAt, result.finishedAt, result.recordsIn, result.profilesOut, stats])
    }
}
