import Testing

/// The functions added for issue 15, with the examples of the reference's function list
/// (https://learn.microsoft.com/azure/logic-apps/workflow-definition-language-functions-reference) as rows.
/// The fixture's clock is 2026-11-26T09:00:00Z.
@Test(arguments: [
    // nthIndexOf: the reference's three examples, then a negative occurrence (counts from the end).
    ExpressionCase("@nthIndexOf('123456789123465789', '1', 1)", "0"),
    ExpressionCase("@nthIndexOf('123456789123465789', '1', 2)", "9"),
    ExpressionCase("@nthIndexOf('123456789123465789', '6', 4)", "-1"),
    ExpressionCase("@nthIndexOf('123456789123465789', '1', -1)", "9"),
    ExpressionCase("@nthIndexOf('Hello hello', 'HELLO', 2)", "6"),
    ExpressionCase("@nthIndexOf('abc', 'b', 0)", "!nthIndexOf: the occurrence must not be 0"),
    // chunk, reverse, sort
    ExpressionCase("@chunk('abcdefghijklmnopqrstuvwxyz', 10)", #"["abcdefghij", "klmnopqrst", "uvwxyz"]"#),
    ExpressionCase("@chunk(createArray(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 5)", "[[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12]]"),
    ExpressionCase("@chunk(createArray(), 3)", "[]"),
    ExpressionCase("@chunk('abc', 0)", "!chunk: the chunk length must be at least 1"),
    ExpressionCase("@reverse(createArray(0, 1, 2, 3))", "[3, 2, 1, 0]"),
    ExpressionCase("@reverse(null)", "[]"),
    ExpressionCase("@sort(createArray(2, 1, 0, 3))", "[0, 1, 2, 3]"),
    ExpressionCase("@sort(createArray('b', 'C', 'a'))", #"["a", "b", "C"]"#),
    ExpressionCase("@sort(createArray(json('{\"first\": \"Amalie\", \"last\": \"Jensen\"}'), json('{\"first\": \"Elise\", \"last\": \"Renault\"}')), 'last')",
                   #"[{"first": "Amalie", "last": "Jensen"}, {"first": "Elise", "last": "Renault"}]"#),
    ExpressionCase("@sort(createArray(json('{\"n\": 3}'), json('{\"n\": 1}'), json('{\"n\": 2}')), 'n')", #"[{"n": 1}, {"n": 2}, {"n": 3}]"#),
    ExpressionCase("@reverse(sort(createArray(2, 1, 3)))", "[3, 2, 1]"),
    ExpressionCase("@sort(createArray(1, 'a'))", "!sort: the items mix types"),
    // isInt, isFloat, float with a locale
    ExpressionCase("@isInt('10')", "true"),
    ExpressionCase("@isInt('10.5')", "false"),
    ExpressionCase("@isInt('abc')", "false"),
    ExpressionCase("@isFloat('10,000.00')", "true"),
    ExpressionCase("@isFloat('10.000,00', 'de-DE')", "true"),
    ExpressionCase("@isFloat('10.000,00')", "false"),
    ExpressionCase("@isFloat('abc')", "false"),
    ExpressionCase("@float('10,000.333')", "10000.333"),
    ExpressionCase("@float('10.000,333', 'de-DE')", "10000.333"),
    ExpressionCase("@float('10.333')", "10.333"),
    ExpressionCase("@float('1 234,5', 'fr-FR')", "1234.5"),
    ExpressionCase("@float('1,5', 'xx-XX')", "!float: the locale 'xx-XX' is not supported"),
    // URI functions
    ExpressionCase("@uriComponent('https://contoso.com')", #""https%3A%2F%2Fcontoso.com""#),
    ExpressionCase("@uriComponentToString('https%3A%2F%2Fcontoso.com')", #""https://contoso.com""#),
    ExpressionCase("@uriHost('https://www.localhost.com:8080')", #""www.localhost.com""#),
    ExpressionCase("@uriPath('https://www.contoso.com/catalog/shownew.htm?date=today')", #""/catalog/shownew.htm""#),
    ExpressionCase("@uriPathAndQuery('https://www.contoso.com/catalog/shownew.htm?date=today')", #""/catalog/shownew.htm?date=today""#),
    ExpressionCase("@uriPort('https://www.localhost:8080')", "8080"),
    ExpressionCase("@uriPort('https://www.contoso.com')", "443"),
    ExpressionCase("@uriQuery('https://www.contoso.com/catalog/shownew.htm?date=today')", #""?date=today""#),
    ExpressionCase("@uriScheme('https://www.contoso.com/catalog/shownew.htm?date=today')", #""https""#),
    ExpressionCase("@uriPath('https://contoso.com')", #""/""#),
    ExpressionCase("@uriHost('not a uri')", "!uriHost: 'not a uri' is not an absolute URI"),
    // data URIs and base64
    ExpressionCase("@dataUri('hello')", #""data:text/plain;charset=utf-8;base64,aGVsbG8=""#),
    ExpressionCase("@dataUriToString('data:text/plain;charset=utf-8;base64,aGVsbG8=')", #""hello""#),
    ExpressionCase("@dataUriToBinary('data:text/plain;charset=utf-8;base64,aGVsbG8=')", #"{"$content-type": "text/plain;charset=utf-8", "$content": "aGVsbG8="}"#),
    ExpressionCase("@decodeDataUri('data:text/plain;charset=utf-8;base64,aGVsbG8=')", #"{"$content-type": "text/plain;charset=utf-8", "$content": "aGVsbG8="}"#),
    ExpressionCase("@dataUriToString('data:,a%20b')", #""a b""#),
    ExpressionCase("@dataUriToString('hello')", "!dataUriToString: 'hello' is not a data URI"),
    ExpressionCase("@decodeBase64('aGVsbG8=')", #""hello""#),
    ExpressionCase("@dataUriToString(dataUri('round ✓'))", #""round ✓""#),
    // getFutureTime, getPastTime, dateDifference, parseDateTime
    ExpressionCase("@getFutureTime(5, 'Day')", #""2026-12-01T09:00:00.0000000Z""#),
    ExpressionCase("@getFutureTime(5, 'Day', 'D')", #""Tuesday, December 1, 2026""#),
    ExpressionCase("@getPastTime(5, 'Day')", #""2026-11-21T09:00:00.0000000Z""#),
    ExpressionCase("@getPastTime(1, 'Month', 'yyyy-MM-dd')", #""2026-10-26""#),
    ExpressionCase("@getFutureTime(1, 'Fortnight')", "!getFutureTime: 'Fortnight' is not a time unit"),
    ExpressionCase("@dateDifference('2015-02-08', '2018-07-30')", #""1268.00:00:00""#),
    ExpressionCase("@dateDifference('2018-07-30', '2015-02-08')", #""-1268.00:00:00""#),
    ExpressionCase("@dateDifference('2018-07-30T10:30:00', '2018-07-30T08:00:00.5')", #""-02:29:59.5000000""#),
    ExpressionCase("@parseDateTime('20/10/2014', 'fr-FR')", #""2014-10-20T00:00:00.0000000""#),
    ExpressionCase("@parseDateTime('20141020', 'en-US', 'yyyyMMdd')", #""2014-10-20T00:00:00.0000000""#),
    ExpressionCase("@parseDateTime('10/20/2014 3:04:05 PM')", #""2014-10-20T15:04:05.0000000""#),
    ExpressionCase("@parseDateTime('20 octobre 2014', 'fr-FR')", #""2014-10-20T00:00:00.0000000""#),
    ExpressionCase("@parseDateTime('2014-10-20T10:00:00Z')", #""2014-10-20T10:00:00.0000000Z""#),
    ExpressionCase("@parseDateTime('31/02/2014', 'fr-FR')", "!parseDateTime: '31/02/2014' is not a timestamp in the fr-FR culture"),
    // timestamps in the non-ISO forms the reference accepts
    ExpressionCase("@formatDateTime('03/15/2018 12:00:00', 'yyyy-MM-ddTHH:mm:ss')", #""2018-03-15T12:00:00""#),
    ExpressionCase("@formatDateTime('01/31/2016', 'dddd MMMM d')", #""Sunday January 31""#),
    ExpressionCase("@addDays('03/15/2018', 1, 'yyyy-MM-dd')", #""2018-03-16""#),
    ExpressionCase("@formatDateTime('Thu, 15 Mar 2018 12:00:00 GMT', 's')", #""2018-03-15T12:00:00""#),
    ExpressionCase("@formatDateTime('15.03.2018')", "!formatDateTime: '15.03.2018' is not a timestamp"),
    // number literals and booleans as text
    ExpressionCase("@add(.3, 1)", "1.3"),
    ExpressionCase("@mul(-.5, 2)", "-1.0"),
    ExpressionCase("@string(true)", #""True""#),
    ExpressionCase("@string(false)", #""False""#),
    ExpressionCase("@concat('a', true)", #""aTrue""#),
    ExpressionCase("flag is @{triggerBody()?['flag']}", #""flag is True""#),
    ExpressionCase("@string(createArray(true))", #""[true]""#),
])
func addedFunctionCases(_ row: ExpressionCase) {
    Fixture.check(row)
}
