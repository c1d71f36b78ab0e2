import FlowExpressions
import Testing

/// formatDateTime, parseDateTime, formatNumber and float in the eight supported locales. The names and patterns
/// come from InsightFlow's own table, never the machine's ICU data, so these hold on any machine.
@Test(arguments: [
    // The reference's formatDateTime examples with a locale.
    ExpressionCase("@formatDateTime('01/31/2016', 'dddd MMMM d', 'fr-fr')", #""dimanche janvier 31""#),
    ExpressionCase("@formatDateTime('01/31/2016', 'dddd MMMM d', 'es-es')", #""domingo enero 31""#),
    // Standard formats per culture (the instant is Thursday 15 March 2018, 13:45:30).
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'en-US')", #""Thursday, March 15, 2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'g', 'en-US')", #""3/15/2018 1:45 PM""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'd', 'en-GB')", #""15/03/2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'en-GB')", #""15 March 2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'de-DE')", #""Donnerstag, 15. März 2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'g', 'de-DE')", #""15.03.2018 13:45""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'fr-FR')", #""jeudi 15 mars 2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'es-ES')", #""jueves, 15 de marzo de 2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'pt-BR')", #""quinta-feira, 15 de março de 2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'd', 'nl-NL')", #""15-3-2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'nl-NL')", #""donderdag 15 maart 2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'ja-JP')", #""2018年3月15日""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'tt h:mm', 'ja-JP')", #""午後 1:45""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'dd/MM/yyyy', 'de-DE')", #""15.03.2018""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'o', 'de-DE')", #""2018-03-15T13:45:30.0000000""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'ddd d MMM', 'fr-FR')", #""jeu. 15 mars""#),
    ExpressionCase("@formatDateTime('2018-03-15T13:45:30', 'D', 'xx-XX')", "!formatDateTime: the locale 'xx-XX' is not supported"),
    // parseDateTime reads what each culture writes.
    ExpressionCase("@parseDateTime('15.03.2018 13:45:30', 'de-DE')", #""2018-03-15T13:45:30.0000000""#),
    ExpressionCase("@parseDateTime('Donnerstag, 15. März 2018', 'de-DE')", #""2018-03-15T00:00:00.0000000""#),
    ExpressionCase("@parseDateTime('15/03/2018', 'en-GB')", #""2018-03-15T00:00:00.0000000""#),
    ExpressionCase("@parseDateTime('15-3-2018', 'nl-NL')", #""2018-03-15T00:00:00.0000000""#),
    ExpressionCase("@parseDateTime('2018/03/15 13:45', 'ja-JP')", #""2018-03-15T13:45:00.0000000""#),
    ExpressionCase("@parseDateTime('15 de marzo de 2018', 'es-ES', 'd ''de'' MMMM ''de'' yyyy')", #""2018-03-15T00:00:00.0000000""#),
    // formatNumber: the reference's examples and the added pt-BR.
    ExpressionCase("@formatNumber(1234567890, '#,##0.00', 'en-US')", #""1,234,567,890.00""#),
    ExpressionCase("@formatNumber(1234567890, '#,##0.00', 'de-DE')", #""1.234.567.890,00""#),
    ExpressionCase("@formatNumber(17.35, 'C2')", #""$17.35""#),
    ExpressionCase("@formatNumber(17.35, 'C2', 'pt-BR')", "\"R$\u{A0}17,35\""),
    ExpressionCase("@formatNumber(1234.5, 'N1', 'pt-BR')", #""1.234,5""#),
    ExpressionCase("@formatNumber(1234.5, 'N1', 'ja-JP')", #""1,234.5""#),
    ExpressionCase("@float('1.234,5', 'pt-BR')", "1234.5"),
    ExpressionCase("@float('1,234.5', 'en-GB')", "1234.5"),
])
func localeCases(_ row: ExpressionCase) {
    Fixture.check(row)
}

/// Every supported culture formats and reads back every month and weekday with its long and short date patterns:
/// the table is complete (12 months, 7 days) and the reader agrees with the writer.
@Test(arguments: ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "nl-NL", "ja-JP"])
func everyLocaleRoundTripsItsOwnDates(_ locale: String) throws {
    for month in 1...12 {
        for day in [1, 9, 28] {
            let iso = "2021-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T00:00:00.0000000"
            for format in ["D", "d"] {
                let written = Fixture.run("@formatDateTime('\(iso)', '\(format)', '\(locale)')")
                #expect(!written.hasPrefix("!"), "\(locale) \(format) \(iso): \(written)")
                let text = (try? JSONValue.parse(written))?.stringValue ?? ""
                let read = Fixture.run("@parseDateTime('\(text.replacing("'", with: "''"))', '\(locale)')")
                #expect(read == "\"\(iso)\"", "\(locale) \(format): \(text) read back as \(read)")
            }
        }
    }
}
