import FlowExpressions
import Foundation
import GRDB

/// Row conversions of the history tables.
extension HistoryStore {
    static func insert(_ event: TriggerEvent, processed: Bool, notes: String?, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO event (id, type, subject, fields, origin, receivedAt, processed, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [event.id, event.type.rawValue, event.subject, JSONValue.object(event.fields).jsonText(), event.origin.rawValue,
                             event.receivedAt.timeIntervalSince1970, processed ? 1 : 0, notes])
    }

    static func insert(_ run: RunRecord, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO run (id, flowId, flowName, flowVersion, eventId, status, triggerOutputs, queuedAt, startedAt, finishedAt,
                             errorCode, errorMessage, dryRun, origin, checkpoint, triggerType)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT type FROM event WHERE id = ?))
            """).execute(arguments: [run.id, run.flowId, run.flowName, run.flowVersion, run.eventId, run.status.rawValue,
                             run.triggerOutputs.jsonText(), run.queuedAt.timeIntervalSince1970, run.startedAt?.timeIntervalSince1970,
                             run.finishedAt?.timeIntervalSince1970, run.errorCode, run.errorMessage, run.dryRun ? 1 : 0, run.origin.rawValue,
                             run.checkpoint?.jsonText(), run.eventId])
    }

    /// Writes a step record, replacing the run's record at `sequence` if there is one. An upsert rather than
    /// `INSERT OR REPLACE`: REPLACE deletes without firing delete triggers, which would leave the old text in the
    /// search index (`step_text`); the upsert fires the update trigger that moves it.
    static func insert(_ step: StepRecord, sequence: Int, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO step (runId, seq, stepName, path, iteration, status, startedAt, finishedAt, inputs, outputs, errorMessage, attempts, iterationPath)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (runId, seq) DO UPDATE SET stepName = excluded.stepName, path = excluded.path, iteration = excluded.iteration,
                status = excluded.status, startedAt = excluded.startedAt, finishedAt = excluded.finishedAt, inputs = excluded.inputs,
                outputs = excluded.outputs, errorMessage = excluded.errorMessage, attempts = excluded.attempts, iterationPath = excluded.iterationPath
            """).execute(arguments: [step.runId, sequence, step.stepName, step.path, step.iteration, step.status.rawValue,
                             step.startedAt.timeIntervalSince1970, step.finishedAt?.timeIntervalSince1970, step.inputs?.jsonText(),
                             step.outputs?.jsonText(), step.errorMessage, step.attempts, step.iterationPath])
    }

    static func json(_ text: String?) -> JSONValue? {
        guard let text else { return nil }
        return try? JSONValue.parse(text)
    }

    static func date(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSince1970:)) }

    static func event(_ row: Row) -> TriggerEvent? {
        guard let type = EventType(caseInsensitive: row["type"]), let fields = json(row["fields"])?.objectValue else { return nil }
        return TriggerEvent(id: row["id"], type: type, fields: fields, origin: EventOrigin(rawValue: row["origin"]), receivedAt: Date(timeIntervalSince1970: row["receivedAt"]))
    }

    static func run(_ row: Row) -> RunRecord {
        var run = RunRecord(id: row["id"], flowId: row["flowId"], flowName: row["flowName"], flowVersion: row["flowVersion"],
                            eventId: row["eventId"], triggerOutputs: json(row["triggerOutputs"]) ?? .null, origin: RunOrigin(rawValue: row["origin"]),
                            dryRun: (row["dryRun"] as Int) != 0, queuedAt: Date(timeIntervalSince1970: row["queuedAt"]))
        run.status = RunStatus(caseInsensitive: row["status"]) ?? .failed
        run.startedAt = date(row["startedAt"])
        run.finishedAt = date(row["finishedAt"])
        run.errorCode = row["errorCode"]
        run.errorMessage = row["errorMessage"]
        run.checkpoint = json(row["checkpoint"])
        return run
    }

    static func step(_ row: Row) -> StepRecord {
        StepRecord(runId: row["runId"], stepName: row["stepName"], path: row["path"], iteration: row["iteration"],
                   status: StepStatus(rawValue: row["status"]) ?? .failed, startedAt: Date(timeIntervalSince1970: row["startedAt"]),
                   finishedAt: date(row["finishedAt"]), inputs: json(row["inputs"]), outputs: json(row["outputs"]),
                   errorMessage: row["errorMessage"], attempts: row["attempts"], iterationPath: row["iterationPath"])
    }
}
