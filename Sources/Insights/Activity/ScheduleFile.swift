import Foundation

extension WorkspaceDefinition {
    /// Sets the schedule in `workspace.json` of `folder`, keeping everything else; the changed definition is
    /// validated first, so a bad schedule writes nothing. A schedule switched off keeps its interval or times.
    public static func updateSchedule(_ schedule: RefreshSchedule, folder: URL) throws {
        var definition = try load(folder: folder)
        var schedule = schedule
        if !schedule.isEnabled, schedule.intervalSeconds == nil, schedule.dailyTimes == nil {
            schedule.intervalSeconds = definition.schedule?.intervalSeconds
            schedule.dailyTimes = definition.schedule?.dailyTimes
            schedule.timeZone = schedule.timeZone ?? definition.schedule?.timeZone
        }
        definition.schedule = schedule
        try DefinitionValidator(definition: definition, file: folder.appendingPathComponent(fileName).path).validate()
        try definition.write(to: folder)
    }
}
