/// The reference's built-in data operations (Parse JSON, Select, Filter array, Join, Create CSV/HTML table),
/// the Increment/Decrement/Append-to-string variable actions and the Date Time (`Expression`-kind) actions.
enum DataOperationSteps {
    static let all: [StepSpec] = [parseJson, select, query, join, table, incrementVariable, decrementVariable, appendToStringVariable, dateTime]

    static let timeUnits = ["Second", "Minute", "Hour", "Day", "Week", "Month", "Year"]

    static let parseJson = StepSpec(
        type: .parseJson, displayName: "Parse JSON",
        description: "Parse JSON content against a schema; its properties become dynamic content for later steps.",
        group: .data,
        parameters: [
            ParameterSpec("content", "Content", .any, required: true, description: "The JSON to parse: a value or text holding JSON"),
            ParameterSpec("schema", "Schema", .object, required: true, description: "A JSON schema (type, properties, required, items)"),
        ],
        outputs: [OutputSpec("", "Body", .any, "The parsed value")],
        defaultStepName: "Parse_JSON", connectionKind: nil, retriesByDefault: false)

    static let select = StepSpec(
        type: .select, displayName: "Select",
        description: "Make an array of the same length by mapping each item (item()) to a new object or value.",
        group: .data,
        parameters: [
            ParameterSpec("from", "From", .array, required: true, description: "The source array"),
            ParameterSpec("select", "Map", .any, required: true, description: "An object of key to expression over item(), or one expression"),
        ],
        outputs: [OutputSpec("", "Output", .array, "The mapped array")],
        defaultStepName: "Select", connectionKind: nil, retriesByDefault: false)

    static let query = StepSpec(
        type: .query, displayName: "Filter array",
        description: "Keep the items of an array for which a condition over item() is true.",
        group: .data,
        parameters: [
            ParameterSpec("from", "From", .array, required: true, description: "The source array"),
            ParameterSpec("where", "Condition", .condition, required: true, description: "An expression over item(), e.g. @greater(item()?['count'], 2)"),
        ],
        outputs: [OutputSpec("", "Body", .array, "The items that passed the condition")],
        defaultStepName: "Filter_array", connectionKind: nil, retriesByDefault: false)

    static let join = StepSpec(
        type: .join, displayName: "Join",
        description: "Join the items of an array into one string with a separator.",
        group: .data,
        parameters: [
            ParameterSpec("from", "From", .array, required: true, description: "The array to join"),
            ParameterSpec("joinWith", "Join with", .string, required: true, description: "The separator, e.g. , or ;"),
        ],
        outputs: [OutputSpec("", "Output", .string, "The joined text")],
        defaultStepName: "Join", connectionKind: nil, retriesByDefault: false)

    static let table = StepSpec(
        type: .table, displayName: "Create CSV or HTML table",
        description: "Make a CSV or HTML table of an array; columns from the first item's keys or your own header/value pairs.",
        group: .data,
        parameters: [
            ParameterSpec("from", "From", .array, required: true, description: "The array of rows"),
            ParameterSpec("format", "Format", .string, required: true, allowed: ["CSV", "HTML"], defaultValue: "CSV", description: "CSV or HTML"),
            ParameterSpec("columns", "Columns", .array, description: "Custom columns: [{\"header\": ..., \"value\": \"@item()?['x']\"}]; empty for automatic"),
        ],
        outputs: [OutputSpec("", "Output", .string, "The table as text")],
        defaultStepName: "Create_table", connectionKind: nil, retriesByDefault: false)

    static let incrementVariable = StepSpec(
        type: .incrementVariable, displayName: "Increment variable", description: "Add a number to an Integer or Float variable.",
        group: .data,
        parameters: [
            ParameterSpec("name", "Name", .string, required: true, description: "The Integer or Float variable"),
            ParameterSpec("value", "Value", .number, defaultValue: 1, description: "How much to add (default 1)"),
        ],
        outputs: [], defaultStepName: "Increment_variable", connectionKind: nil, retriesByDefault: false)

    static let decrementVariable = StepSpec(
        type: .decrementVariable, displayName: "Decrement variable", description: "Subtract a number from an Integer or Float variable.",
        group: .data,
        parameters: [
            ParameterSpec("name", "Name", .string, required: true, description: "The Integer or Float variable"),
            ParameterSpec("value", "Value", .number, defaultValue: 1, description: "How much to subtract (default 1)"),
        ],
        outputs: [], defaultStepName: "Decrement_variable", connectionKind: nil, retriesByDefault: false)

    static let appendToStringVariable = StepSpec(
        type: .appendToStringVariable, displayName: "Append to string variable", description: "Add text to the end of a String variable.",
        group: .data,
        parameters: [
            ParameterSpec("name", "Name", .string, required: true, description: "The String variable"),
            ParameterSpec("value", "Value", .any, required: true, description: "The text to append (other values as JSON text)"),
        ],
        outputs: [], defaultStepName: "Append_to_string_variable", connectionKind: nil, retriesByDefault: false)

    static let dateTime = StepSpec(
        type: .expression, displayName: "Date Time",
        description: "Add to / subtract from a time, convert a time zone, or get the current, a future or a past time.",
        group: .data,
        parameters: [
            ParameterSpec("kind", "Operation", .string, required: true, allowed: ExpressionActionKind.allCases.map(\.rawValue), defaultValue: "CurrentTime",
                          description: "AddToTime, SubtractFromTime, ConvertTimeZone, CurrentTime, GetFutureTime or GetPastTime", location: .step),
            ParameterSpec("baseTime", "Base time", .dateTime, description: "The time to start from (Add, Subtract, Convert)"),
            ParameterSpec("interval", "Interval", .integer, description: "How many units (Add, Subtract, Future, Past)"),
            ParameterSpec("timeUnit", "Time unit", .string, allowed: timeUnits, description: "Second, Minute, Hour, Day, Week, Month or Year"),
            ParameterSpec("sourceTimeZone", "Source time zone", .string, description: "Windows or IANA zone name (Convert)"),
            ParameterSpec("destinationTimeZone", "Destination time zone", .string, description: "Windows or IANA zone name (Convert)"),
            ParameterSpec("formatString", "Format", .string, description: "A .NET date format, e.g. o, g, yyyy-MM-dd (optional)"),
        ],
        outputs: [OutputSpec("", "Result", .dateTime, "The resulting time")],
        defaultStepName: "Current_time", connectionKind: nil, retriesByDefault: false)
}
