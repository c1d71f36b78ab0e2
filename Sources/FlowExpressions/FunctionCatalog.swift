/// The groups functions are listed under in the expression editor and the documentation.
public enum FunctionCategory: String, Sendable, Hashable, CaseIterable {
    case context = "Workflow"
    case string = "String"
    case collection = "Collection"
    case logical = "Logical comparison"
    case math = "Math"
    case conversion = "Conversion"
    case json = "JSON"
    case uri = "URI parsing"
    case dateTime = "Date and time"
}

/// What the designer and the documentation show for one function.
public struct FunctionDescriptor: Sendable, Hashable {
    public var function: BuiltinFunction
    public var category: FunctionCategory
    public var arity: Arity
    /// The call as documented, e.g. `substring(text, startIndex, length?)`.
    public var signature: String
    /// One line saying what the function returns.
    public var summary: String

    /// The canonical name.
    public var name: String { function.name }
}

/// The list of all functions, for the expression editor's picker and the README.
/// Not included: the binary, form-data and callback functions listed in docs/expressions.md.
public enum FunctionCatalog {
    /// What the catalog leaves out, for the designer's help text.
    public static let unsupportedNote = "Binary, form-data and callback functions are not supported; see docs/expressions.md."

    /// Every function, in category order.
    public static let all: [FunctionDescriptor] = BuiltinFunction.allCases.map(\.descriptor)

    /// Finds a function by name, ignoring case.
    public static func lookup(_ name: String) -> FunctionDescriptor? {
        BuiltinFunction(caseInsensitiveName: name)?.descriptor
    }

    /// The functions of one category.
    public static func functions(in category: FunctionCategory) -> [FunctionDescriptor] {
        all.filter { $0.category == category }
    }
}

extension BuiltinFunction {
    /// The function's category.
    public var category: FunctionCategory { descriptor.category }

    /// The function's accepted argument counts.
    public var arity: Arity { descriptor.arity }

    /// The full catalog entry.
    public var descriptor: FunctionDescriptor {
        let (category, min, max, signature, summary) = entry
        return FunctionDescriptor(function: self, category: category, arity: Arity(min, max), signature: signature, summary: summary)
    }

    private var entry: (FunctionCategory, Int, Int?, String, String) {
        switch self {
        case .triggerBody: (.context, 0, 0, "triggerBody()", "The body of the trigger's outputs.")
        case .triggerOutputs: (.context, 0, 0, "triggerOutputs()", "The trigger's outputs (headers and body).")
        case .trigger: (.context, 0, 0, "trigger()", "The trigger's whole result: name, inputs, outputs, start time.")
        case .body: (.context, 1, 1, "body('Step_name')", "The body of an earlier step's outputs.")
        case .outputs: (.context, 1, 1, "outputs('Step_name')", "An earlier step's outputs.")
        case .actions: (.context, 1, 1, "actions('Step_name')", "An earlier step's whole result, including its status.")
        case .variables: (.context, 1, 1, "variables('name')", "The current value of a variable.")
        case .items: (.context, 1, 1, "items('Loop_name')", "The current item of the named For each loop.")
        case .item: (.context, 0, 0, "item()", "The current item of the innermost For each loop.")
        case .iterationIndexes: (.context, 1, 1, "iterationIndexes('Loop_name')", "The zero-based index of the named loop's current iteration.")
        case .parameters: (.context, 1, 1, "parameters('name')", "The value of a flow parameter.")
        case .workflow: (.context, 0, 0, "workflow()", "Information about the flow and the current run.")
        case .result: (.context, 1, 1, "result('Scope_name')", "The results of the steps directly inside a scope or loop.")
        case .concat: (.string, 1, nil, "concat(text1, text2, ...)", "Joins values into one string (non-strings as JSON text, null as empty).")
        case .substring: (.string, 2, 3, "substring(text, startIndex, length?)", "Characters from startIndex, to the end or for length characters.")
        case .slice: (.string, 2, 3, "slice(text, startIndex, endIndex?)", "Characters from startIndex up to endIndex; negative indexes count from the end.")
        case .replace: (.string, 3, 3, "replace(text, oldText, newText)", "Replaces every occurrence of oldText (case-sensitive).")
        case .toLower: (.string, 1, 1, "toLower(text)", "The text in lowercase.")
        case .toUpper: (.string, 1, 1, "toUpper(text)", "The text in uppercase.")
        case .trim: (.string, 1, 1, "trim(text)", "The text without leading and trailing whitespace.")
        case .split: (.string, 2, 2, "split(text, delimiter)", "The parts of the text between delimiters, as an array.")
        case .startsWith: (.string, 2, 2, "startsWith(text, searchText)", "Whether the text starts with searchText (ignoring case).")
        case .endsWith: (.string, 2, 2, "endsWith(text, searchText)", "Whether the text ends with searchText (ignoring case).")
        case .indexOf: (.string, 2, 2, "indexOf(text, searchText)", "Zero-based position of searchText (ignoring case), or -1.")
        case .lastIndexOf: (.string, 2, 2, "lastIndexOf(text, searchText)", "Zero-based position of the last searchText (ignoring case), or -1.")
        case .guid: (.string, 0, 1, "guid(format?)", "A new random GUID; format N, D (default), B or P.")
        case .formatNumber: (.string, 2, 3, "formatNumber(number, format, locale?)", "The number as text using a .NET numeric format (C2, N0, P1, 0.00, #,##0).")
        case .contains: (.collection, 2, 2, "contains(collection, value)", "Whether a string has a substring, an array an item, or an object a key.")
        case .empty: (.collection, 1, 1, "empty(collection)", "Whether a string, array or object is empty (null counts as empty).")
        case .first: (.collection, 1, 1, "first(collection)", "The first item of an array or first character of a string.")
        case .last: (.collection, 1, 1, "last(collection)", "The last item of an array or last character of a string.")
        case .join: (.collection, 2, 2, "join(array, delimiter)", "The array's items as one string separated by delimiter.")
        case .union: (.collection, 1, nil, "union(collection1, collection2, ...)", "Arrays: all distinct items; objects: all properties (later wins).")
        case .intersection: (.collection, 1, nil, "intersection(collection1, collection2, ...)", "Only the items (or properties) present in every collection.")
        case .skip: (.collection, 2, 2, "skip(collection, count)", "The array or string without its first count items.")
        case .take: (.collection, 2, 2, "take(collection, count)", "The first count items of an array or string.")
        case .createArray: (.collection, 0, nil, "createArray(value1, value2, ...)", "An array of the arguments.")
        case .length: (.collection, 1, 1, "length(collection)", "The number of items in an array or characters in a string.")
        case .equals: (.logical, 2, 2, "equals(value1, value2)", "Whether both values are equal (deep, numbers compared by value, strings case-sensitive).")
        case .and: (.logical, 1, nil, "and(bool1, bool2, ...)", "Whether all are true (stops at the first false).")
        case .or: (.logical, 1, nil, "or(bool1, bool2, ...)", "Whether any is true (stops at the first true).")
        case .not: (.logical, 1, 1, "not(bool)", "The opposite boolean.")
        case .if: (.logical, 3, 3, "if(condition, valueIfTrue, valueIfFalse)", "One of two values; only the chosen one is evaluated.")
        case .greater: (.logical, 2, 2, "greater(value, compareTo)", "Whether value > compareTo (numbers or strings).")
        case .greaterOrEquals: (.logical, 2, 2, "greaterOrEquals(value, compareTo)", "Whether value >= compareTo (numbers or strings).")
        case .less: (.logical, 2, 2, "less(value, compareTo)", "Whether value < compareTo (numbers or strings).")
        case .lessOrEquals: (.logical, 2, 2, "lessOrEquals(value, compareTo)", "Whether value <= compareTo (numbers or strings).")
        case .coalesce: (.logical, 1, nil, "coalesce(value1, value2, ...)", "The first value that is not null, or null.")
        case .add: (.math, 2, 2, "add(number1, number2)", "The sum (integer if both are integers).")
        case .sub: (.math, 2, 2, "sub(number1, number2)", "The difference.")
        case .mul: (.math, 2, 2, "mul(number1, number2)", "The product.")
        case .div: (.math, 2, 2, "div(dividend, divisor)", "The quotient; integer division when both are integers.")
        case .mod: (.math, 2, 2, "mod(dividend, divisor)", "The remainder (sign of the dividend).")
        case .min: (.math, 1, nil, "min(number1, number2, ...) or min(array)", "The smallest number.")
        case .max: (.math, 1, nil, "max(number1, number2, ...) or max(array)", "The largest number.")
        case .rand: (.math, 2, 2, "rand(minValue, maxValue)", "A random integer from minValue up to but not including maxValue.")
        case .range: (.math, 2, 2, "range(startIndex, count)", "An array of count consecutive integers from startIndex.")
        case .int: (.conversion, 1, 1, "int(value)", "The value as an integer (from a string or number).")
        case .float: (.conversion, 1, 2, "float(value, locale?)", "The value as a decimal (from a number, or text with the locale's separators).")
        case .string: (.conversion, 1, 1, "string(value)", "The value as a string (non-strings as JSON text, null as empty).")
        case .bool: (.conversion, 1, 1, "bool(value)", "The value as a boolean (true/false strings, numbers: 0 is false).")
        case .json: (.conversion, 1, 1, "json(text)", "The JSON value a string holds.")
        case .array: (.conversion, 1, 1, "array(value)", "An array holding the single value.")
        case .base64: (.conversion, 1, 1, "base64(text)", "The UTF-8 text encoded as base64.")
        case .base64ToString: (.conversion, 1, 1, "base64ToString(base64Text)", "The UTF-8 text a base64 string encodes.")
        case .encodeUriComponent: (.conversion, 1, 1, "encodeUriComponent(text)", "The text with URL-unsafe characters percent-encoded.")
        case .decodeUriComponent: (.conversion, 1, 1, "decodeUriComponent(text)", "The text with %XX escapes decoded.")
        case .addProperty: (.json, 3, 3, "addProperty(object, property, value)", "The object with a new property (error if it exists).")
        case .setProperty: (.json, 3, 3, "setProperty(object, property, value)", "The object with the property set or replaced.")
        case .removeProperty: (.json, 2, 2, "removeProperty(object, property)", "The object without the property.")
        case .utcNow: (.dateTime, 0, 1, "utcNow(format?)", "The current UTC time (ISO 8601 with 7 fractional digits by default).")
        case .addDays: (.dateTime, 2, 3, "addDays(timestamp, days, format?)", "The timestamp plus a number of days.")
        case .addHours: (.dateTime, 2, 3, "addHours(timestamp, hours, format?)", "The timestamp plus a number of hours.")
        case .addMinutes: (.dateTime, 2, 3, "addMinutes(timestamp, minutes, format?)", "The timestamp plus a number of minutes.")
        case .addSeconds: (.dateTime, 2, 3, "addSeconds(timestamp, seconds, format?)", "The timestamp plus a number of seconds.")
        case .addToTime: (.dateTime, 3, 4, "addToTime(timestamp, interval, timeUnit, format?)", "The timestamp plus interval units (Second, Minute, Hour, Day, Week, Month, Year).")
        case .subtractFromTime: (.dateTime, 3, 4, "subtractFromTime(timestamp, interval, timeUnit, format?)", "The timestamp minus interval units.")
        case .formatDateTime: (.dateTime, 1, 3, "formatDateTime(timestamp, format?, locale?)", "The timestamp formatted with a .NET date format (default 'o') in a locale (default en-US).")
        case .convertTimeZone: (.dateTime, 3, 4, "convertTimeZone(timestamp, sourceTimeZone, destinationTimeZone, format?)", "The timestamp moved between time zones (Windows or IANA names).")
        case .convertFromUtc: (.dateTime, 2, 3, "convertFromUtc(timestamp, destinationTimeZone, format?)", "The UTC timestamp in a time zone.")
        case .convertToUtc: (.dateTime, 2, 3, "convertToUtc(timestamp, sourceTimeZone, format?)", "A time zone's local timestamp in UTC.")
        case .startOfDay: (.dateTime, 1, 2, "startOfDay(timestamp, format?)", "Midnight at the start of the timestamp's day.")
        case .startOfHour: (.dateTime, 1, 2, "startOfHour(timestamp, format?)", "The start of the timestamp's hour.")
        case .startOfMonth: (.dateTime, 1, 2, "startOfMonth(timestamp, format?)", "Midnight on the first day of the timestamp's month.")
        case .ticks: (.dateTime, 1, 1, "ticks(timestamp)", "100-nanosecond intervals since 0001-01-01T00:00:00.")
        case .dayOfWeek: (.dateTime, 1, 1, "dayOfWeek(timestamp)", "The day of the week, 0 (Sunday) to 6.")
        case .dayOfMonth: (.dateTime, 1, 1, "dayOfMonth(timestamp)", "The day of the month, 1 to 31.")
        case .dayOfYear: (.dateTime, 1, 1, "dayOfYear(timestamp)", "The day of the year, 1 to 366.")
        case .getFutureTime: (.dateTime, 2, 3, "getFutureTime(interval, timeUnit, format?)", "The current time plus interval units.")
        case .getPastTime: (.dateTime, 2, 3, "getPastTime(interval, timeUnit, format?)", "The current time minus interval units.")
        case .dateDifference: (.dateTime, 2, 2, "dateDifference(startTimestamp, endTimestamp)", "The time from start to end as a .NET time span ([-][d.]hh:mm:ss).")
        case .parseDateTime: (.dateTime, 1, 3, "parseDateTime(timestamp, locale?, format?)", "A timestamp written in a locale (or a given format) as ISO 8601.")
        case .nthIndexOf: (.string, 3, 3, "nthIndexOf(text, searchText, occurrence)", "Zero-based position of the nth searchText (ignoring case; negative n counts from the end), or -1.")
        case .chunk: (.collection, 2, 2, "chunk(collection, length)", "A string or array split into pieces of length items.")
        case .reverse: (.collection, 1, 1, "reverse(collection)", "The array's items (or the string's characters) in reverse order.")
        case .sort: (.collection, 1, 2, "sort(collection, sortBy?)", "The items in ascending order; objects by the sortBy property.")
        case .xml: (.conversion, 1, 1, "xml(value)", "XML text from a string of XML or a JSON object with one root property.")
        case .xpath: (.conversion, 2, 2, "xpath(xml, xpath)", "The nodes (as XML text) or the count/sum/number/string/boolean an XPath selects.")
        case .isInt: (.conversion, 1, 1, "isInt(text)", "Whether the text is an integer.")
        case .isFloat: (.conversion, 1, 2, "isFloat(text, locale?)", "Whether the text is a number in the locale (default en-US).")
        case .uriComponent: (.conversion, 1, 1, "uriComponent(text)", "The text with URL-unsafe characters percent-encoded.")
        case .uriComponentToString: (.conversion, 1, 1, "uriComponentToString(text)", "The text with %XX escapes decoded.")
        case .dataUri: (.conversion, 1, 1, "dataUri(text)", "A data URI holding the text (text/plain, UTF-8, base64).")
        case .dataUriToBinary: (.conversion, 1, 1, "dataUriToBinary(dataUri)", "The data URI's content as binary ({$content-type, $content}).")
        case .dataUriToString: (.conversion, 1, 1, "dataUriToString(dataUri)", "The data URI's content as text.")
        case .decodeBase64: (.conversion, 1, 1, "decodeBase64(base64Text)", "The UTF-8 text a base64 string encodes.")
        case .decodeDataUri: (.conversion, 1, 1, "decodeDataUri(dataUri)", "The data URI's content as binary ({$content-type, $content}).")
        case .uriHost: (.uri, 1, 1, "uriHost(uri)", "The host of an absolute URI.")
        case .uriPath: (.uri, 1, 1, "uriPath(uri)", "The path of an absolute URI (/ when empty).")
        case .uriPathAndQuery: (.uri, 1, 1, "uriPathAndQuery(uri)", "The path and query of an absolute URI.")
        case .uriPort: (.uri, 1, 1, "uriPort(uri)", "The port of an absolute URI (the scheme's default when absent).")
        case .uriQuery: (.uri, 1, 1, "uriQuery(uri)", "The query of an absolute URI, with its leading ?.")
        case .uriScheme: (.uri, 1, 1, "uriScheme(uri)", "The scheme of an absolute URI.")
        }
    }
}
