/// The step types: names, descriptions, picker groups, input schemas and outputs.
enum StepCatalog {
    static let all: [StepSpec] = NotificationSteps.all + ControlSteps.all + DataSteps.all + InsightsSteps.all + [http] + RequestSteps.all
        + DataOperationSteps.all

    static let connection = ParameterSpec("connection", "Connection", .connection, required: true,
                                          description: "The named connection (Admin > Connections) to send through")

    static let http = StepSpec(
        type: .http, displayName: "HTTP", description: "Send an HTTP request to any endpoint and use its response.",
        group: .http,
        parameters: [
            ParameterSpec("method", "Method", .string, required: true, allowed: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], defaultValue: "GET", description: "The HTTP method"),
            ParameterSpec("uri", "URI", .url, required: true, description: "The URL to call"),
            ParameterSpec("headers", "Headers", .object, description: "Request headers, name to value"),
            ParameterSpec("queries", "Queries", .object, description: "Query parameters, name to value"),
            ParameterSpec("body", "Body", .any, description: "The request body; objects are sent as JSON"),
            ParameterSpec("authentication.type", "Authentication", .string, allowed: ["None", "Basic", "Bearer"], defaultValue: "None", description: "How to authenticate"),
            ParameterSpec("authentication.username", "Username", .string, description: "Basic authentication user"),
            ParameterSpec("authentication.password", "Password", .string, description: "Basic authentication password (use an expression such as @parameters('password'))", isSecret: true),
            ParameterSpec("authentication.token", "Token", .string, description: "Bearer token (use an expression such as @parameters('token'))", isSecret: true),
            ParameterSpec("connection", "Connection", .connection, description: "An optional HTTP connection supplying base URL and credentials"),
        ],
        outputs: [
            OutputSpec("statusCode", "Status code", .integer, "The response status code"),
            OutputSpec("headers", "Headers", .object, "The response headers"),
            OutputSpec("body", "Body", .any, "The response body (parsed when it is JSON)"),
        ],
        defaultStepName: "HTTP", connectionKind: "http", retriesByDefault: true)
}

/// Teams and email.
enum NotificationSteps {
    static let all: [StepSpec] = [teams, email]

    static let teams = StepSpec(
        type: .teamsPostMessage, displayName: "Post a message in a Teams channel",
        description: "Post an Adaptive Card (title, text, facts, a button) to a Teams channel through its webhook.",
        group: .notifications,
        parameters: [
            StepCatalog.connection,
            ParameterSpec("title", "Title", .string, description: "The card's title"),
            ParameterSpec("text", "Message", .string, required: true, description: "The message text; dynamic content welcome"),
            ParameterSpec("facts", "Facts", .object, description: "Name/value pairs shown as a table on the card"),
            ParameterSpec("buttonTitle", "Button title", .string, description: "The caption of an Open URL button"),
            ParameterSpec("buttonUrl", "Button URL", .url, description: "The URL the button opens"),
        ],
        outputs: [
            OutputSpec("statusCode", "Status code", .integer, "The webhook's response status"),
            OutputSpec("responseText", "Response", .string, "The webhook's response text"),
        ],
        defaultStepName: "Post_message_in_a_chat_or_channel", connectionKind: "teams", retriesByDefault: true)

    static let email = StepSpec(
        type: .sendEmail, displayName: "Send an email",
        description: "Send an email through an SMTP (or outbox) connection.",
        group: .notifications,
        parameters: [
            StepCatalog.connection,
            ParameterSpec("to", "To", .emailList, required: true, description: "Recipients, separated by semicolons"),
            ParameterSpec("cc", "CC", .emailList, description: "Copy recipients, separated by semicolons"),
            ParameterSpec("bcc", "BCC", .emailList, description: "Blind copy recipients, separated by semicolons"),
            ParameterSpec("subject", "Subject", .string, required: true, description: "The subject line"),
            ParameterSpec("body", "Body", .string, required: true, description: "The message body"),
            ParameterSpec("isHtml", "Is HTML", .boolean, defaultValue: false, description: "Send the body as HTML"),
            ParameterSpec("importance", "Importance", .string, allowed: ["Low", "Normal", "High"], defaultValue: "Normal", description: "The message importance"),
        ],
        outputs: [
            OutputSpec("messageId", "Message ID", .string, "The Message-ID header of the sent message"),
            OutputSpec("recipients", "Recipients", .array, "Every address the message was sent to"),
        ],
        defaultStepName: "Send_an_email", connectionKind: "smtp", retriesByDefault: true)
}

/// Conditions, loops, scopes and flow control.
enum ControlSteps {
    static let all: [StepSpec] = [condition, switchStep, foreach, until, scope, terminate, wait]

    static let condition = StepSpec(
        type: .condition, displayName: "Condition", description: "Run one branch if the condition is true, the other if not.",
        group: .control,
        parameters: [ParameterSpec("expression", "Condition", .condition, required: true, description: "An expression such as @greater(triggerBody()?['currentCount'], 100), or an and/or object", location: .step)],
        outputs: [], defaultStepName: "Condition", connectionKind: nil, retriesByDefault: false)

    static let switchStep = StepSpec(
        type: .switchCase, displayName: "Switch", description: "Run the case whose value equals the expression, else the default.",
        group: .control,
        parameters: [ParameterSpec("expression", "On", .any, required: true, description: "The value to switch on", location: .step)],
        outputs: [], defaultStepName: "Switch", connectionKind: nil, retriesByDefault: false)

    static let foreach = StepSpec(
        type: .foreach, displayName: "Apply to each", description: "Run the inner steps once for each item of an array.",
        group: .control,
        parameters: [
            ParameterSpec("foreach", "Select an output from previous steps", .array, required: true, description: "The array to loop over", location: .step),
            ParameterSpec("runtimeConfiguration.concurrency.repetitions", "Concurrency", .integer, description: "How many iterations run at once (1 = in order)", location: .step),
        ],
        outputs: [], defaultStepName: "Apply_to_each", connectionKind: nil, retriesByDefault: false)

    static let until = StepSpec(
        type: .until, displayName: "Do until", description: "Repeat the inner steps until the condition is true or a limit is hit.",
        group: .control,
        parameters: [
            ParameterSpec("expression", "Loop until", .condition, required: true, description: "Stop when this is true", location: .step),
            ParameterSpec("limit.count", "Count", .integer, defaultValue: 60, description: "At most this many iterations", location: .step),
            ParameterSpec("limit.timeout", "Timeout", .duration, defaultValue: "PT1H", description: "At most this long (ISO 8601, e.g. PT1H)", location: .step),
        ],
        outputs: [], defaultStepName: "Do_until", connectionKind: nil, retriesByDefault: false)

    static let scope = StepSpec(
        type: .scope, displayName: "Scope", description: "Group steps; later steps can run after the whole group succeeds or fails.",
        group: .control, parameters: [], outputs: [], defaultStepName: "Scope", connectionKind: nil, retriesByDefault: false)

    static let terminate = StepSpec(
        type: .terminate, displayName: "Terminate", description: "End the run now as Succeeded, Failed or Cancelled.",
        group: .control,
        parameters: [
            ParameterSpec("runStatus", "Status", .string, required: true, allowed: ["Succeeded", "Failed", "Cancelled"], defaultValue: "Failed", description: "How the run ends"),
            ParameterSpec("runError.code", "Code", .string, description: "An error code (Failed only)"),
            ParameterSpec("runError.message", "Message", .string, description: "An error message (Failed only)"),
        ],
        outputs: [], defaultStepName: "Terminate", connectionKind: nil, retriesByDefault: false)

    static let wait = StepSpec(
        type: .wait, displayName: "Delay", description: "Wait for a while before the next step.",
        group: .control,
        parameters: [
            ParameterSpec("interval.count", "Count", .integer, required: true, defaultValue: 1, description: "How many units to wait"),
            ParameterSpec("interval.unit", "Unit", .string, required: true, allowed: ["Second", "Minute", "Hour", "Day", "Week", "Month"], defaultValue: "Minute", description: "The unit of the count"),
        ],
        outputs: [], defaultStepName: "Delay", connectionKind: nil, retriesByDefault: false)
}

/// Compose and variables.
enum DataSteps {
    static let all: [StepSpec] = [compose, initializeVariable, setVariable, appendToArrayVariable]
    static let variableTypes = ["Array", "Boolean", "Float", "Integer", "Object", "String"]

    static let compose = StepSpec(
        type: .compose, displayName: "Compose", description: "Build a value from dynamic content and expressions.",
        group: .data,
        parameters: [ParameterSpec("", "Inputs", .any, required: true, description: "The value to compose")],
        outputs: [OutputSpec("", "Outputs", .any, "The composed value")],
        defaultStepName: "Compose", connectionKind: nil, retriesByDefault: false)

    static let initializeVariable = StepSpec(
        type: .initializeVariable, displayName: "Initialize variable", description: "Declare a variable with a type and a first value (top level only).",
        group: .data,
        parameters: [
            ParameterSpec("variables.0.name", "Name", .string, required: true, description: "The variable's name"),
            ParameterSpec("variables.0.type", "Type", .string, required: true, allowed: variableTypes, defaultValue: "String", description: "The variable's type"),
            ParameterSpec("variables.0.value", "Value", .any, description: "The first value"),
        ],
        outputs: [], defaultStepName: "Initialize_variable", connectionKind: nil, retriesByDefault: false)

    static let setVariable = StepSpec(
        type: .setVariable, displayName: "Set variable", description: "Give a variable a new value.",
        group: .data,
        parameters: [
            ParameterSpec("name", "Name", .string, required: true, description: "The variable to set"),
            ParameterSpec("value", "Value", .any, required: true, description: "The new value"),
        ],
        outputs: [], defaultStepName: "Set_variable", connectionKind: nil, retriesByDefault: false)

    static let appendToArrayVariable = StepSpec(
        type: .appendToArrayVariable, displayName: "Append to array variable", description: "Add a value to the end of an array variable.",
        group: .data,
        parameters: [
            ParameterSpec("name", "Name", .string, required: true, description: "The array variable"),
            ParameterSpec("value", "Value", .any, required: true, description: "The value to append"),
        ],
        outputs: [], defaultStepName: "Append_to_array_variable", connectionKind: nil, retriesByDefault: false)
}

/// The Customer Insights connector's data actions.
enum InsightsSteps {
    static let all: [StepSpec] = [getEntities, getItems, getItem, createItem, updateItem]

    static let getEntities = StepSpec(
        type: .getEntities, displayName: "Get entities", description: "List the workspace's entities (profiles, sources, segments, measures).",
        group: .customerInsights, parameters: [],
        outputs: [OutputSpec("value", "Entities", .array, "Each entity's name, kind and row count")],
        defaultStepName: "Get_entities", connectionKind: "insights", retriesByDefault: false)

    static let getItems = StepSpec(
        type: .getItems, displayName: "Get items from an entity", description: "Read rows of an entity, with filter, select, order, top and skip.",
        group: .customerInsights,
        parameters: [
            ParameterSpec("entity", "Entity", .string, required: true, description: "The entity to read (e.g. Customer)"),
            ParameterSpec("filter", "Filter", .string, description: "An OData-style filter such as City eq 'Oslo'"),
            ParameterSpec("select", "Select", .string, description: "Comma-separated fields to return"),
            ParameterSpec("orderBy", "Order by", .string, description: "A field, optionally followed by desc"),
            ParameterSpec("top", "Top", .integer, defaultValue: 100, description: "At most this many rows (up to 5000)"),
            ParameterSpec("skip", "Skip", .integer, description: "Leave out this many rows first (for paging)"),
        ],
        outputs: [
            OutputSpec("value", "Items", .array, "The rows read"),
            OutputSpec("count", "Count", .integer, "How many rows were returned"),
        ],
        defaultStepName: "Get_items", connectionKind: "insights", retriesByDefault: false)

    static let getItem = StepSpec(
        type: .getItem, displayName: "Get item", description: "Read one row of an entity by its id.",
        group: .customerInsights,
        parameters: [
            ParameterSpec("entity", "Entity", .string, required: true, description: "The entity to read"),
            ParameterSpec("id", "Item ID", .string, required: true, description: "The row's id (e.g. a CustomerId)"),
        ],
        outputs: [OutputSpec("", "Item", .object, "The row, field by field")],
        defaultStepName: "Get_item", connectionKind: "insights", retriesByDefault: false)

    static let createItem = StepSpec(
        type: .createItem, displayName: "Create item", description: "Add a row to Customer or a data source entity.",
        group: .customerInsights,
        parameters: [
            ParameterSpec("entity", "Entity", .string, required: true, description: "Customer or a data source (segments and measures are read-only)"),
            ParameterSpec("item", "Item", .object, required: true, description: "The fields to write, e.g. {\"customer_id\": \"c-42\", \"email\": \"a@example.com\"}"),
        ],
        outputs: [OutputSpec("", "Item", .object, "The row as stored, field by field")],
        defaultStepName: "Create_item", connectionKind: "insights", retriesByDefault: false)

    static let updateItem = StepSpec(
        type: .updateItem, displayName: "Update item", description: "Change fields of one row of Customer or a data source.",
        group: .customerInsights,
        parameters: [
            ParameterSpec("entity", "Entity", .string, required: true, description: "Customer or a data source (segments and measures are read-only)"),
            ParameterSpec("id", "Item ID", .string, required: true, description: "The row's key (e.g. a customer_id)"),
            ParameterSpec("item", "Item", .object, required: true, description: "The fields to change; the key field cannot change"),
        ],
        outputs: [OutputSpec("", "Item", .object, "The row as stored, field by field")],
        defaultStepName: "Update_item", connectionKind: "insights", retriesByDefault: false)
}
