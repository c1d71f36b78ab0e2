/// The reference's built-in triggers beyond the connector's six: Recurrence and "When an HTTP request is received".
/// Listed after the six and the manual trigger on the connector page.
extension TriggerCatalog {
    static let builtin: [TriggerSpec] = [recurrence, httpRequest]

    static let recurrence = TriggerSpec(
        kind: .recurrence, displayName: "Recurrence",
        description: "Runs on a schedule: every n seconds, minutes, hours, days, weeks or months, optionally at set hours, minutes and weekdays.",
        parameters: [
            ParameterSpec("frequency", "Frequency", .string, required: true, allowed: RecurrenceRule.Frequency.allCases.map(\.rawValue),
                          defaultValue: "Day", description: "The unit of time: Second, Minute, Hour, Day, Week or Month"),
            ParameterSpec("interval", "Interval", .integer, required: true, defaultValue: 1,
                          description: "How many units between runs (Month 1-16, Week 1-71, Day 1-500, Hour 1-12000, Minute 1-72000, Second 1-9999999)"),
            ParameterSpec("startTime", "Start time", .dateTime,
                          description: "No run before this time: 2026-09-18T14:00:00 with a time zone, or 2026-09-18T14:00:00Z in UTC"),
            ParameterSpec("timeZone", "Time zone", .string,
                          description: "Windows or IANA name (Pacific Standard Time, Europe/Berlin); applies to the start time and the schedule"),
            ParameterSpec("schedule.hours", "At these hours", .array, description: "Day or Week only: hours 0-23, e.g. [9, 17]"),
            ParameterSpec("schedule.minutes", "At these minutes", .array, description: "Day or Week only: minutes 0-59, e.g. [0, 30]"),
            ParameterSpec("schedule.weekDays", "On these days", .array, description: "Week only: e.g. [\"Monday\", \"Friday\"]"),
        ],
        outputs: [OutputSpec("scheduledTime", "Scheduled time", .dateTime, "The occurrence this run is for (UTC, ISO 8601)")],
        defaultStepName: "Recurrence")

    static let httpRequest = TriggerSpec(
        kind: .httpRequest, displayName: "When an HTTP request is received",
        description: "Runs when a client posts to the flow (POST /flows/<id>/invoke on serve); a Response step answers it.",
        parameters: [ParameterSpec("schema", "Request body JSON schema", .object,
                                   description: "Optional: the body is checked against it before the run (400 with the reason when it does not match)")],
        outputs: [OutputSpec("", "Body", .object, "The request body")],
        defaultStepName: "manual",
        passThroughKeys: ["method", "relativePath"])
}
