/// What a locale argument (`formatNumber`, `formatDateTime`, `parseDateTime`, `float`, `isFloat`) changes: number
/// separators and currency, and the names and standard patterns of dates. Our own table, as .NET writes these
/// cultures, so results never depend on the machine's ICU data.
struct Culture: Sendable {
    var name: String
    var decimal: String
    var group: String
    var currency: String
    var currencyBefore: Bool
    var percentSpace: Bool
    var months: [String]
    var shortMonths: [String]
    var days: [String]
    var shortDays: [String]
    var am: String
    var pm: String
    /// The separator `/` in a custom pattern stands for.
    var dateSeparator: String
    /// Standard patterns: `d`, `D`, `t`, `T`, `M`, `Y`.
    var shortDate: String
    var longDate: String
    var shortTime: String
    var longTime: String
    var monthDay: String
    var yearMonth: String

    /// The names the locale argument accepts, for error messages.
    static let supportedNames = "en-US, en-GB, de-DE, fr-FR, es-ES, pt-BR, nl-NL or ja-JP"

    /// The culture of a locale name in any letter case (`fr-fr`, `de-DE`); `""` is the invariant culture.
    static func named(_ name: String) -> Culture? {
        let key = name.lowercased().replacing("_", with: "-")
        return key.isEmpty ? invariant : all[key]
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let englishDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static let enUS = Culture(
        name: "en-US", decimal: ".", group: ",", currency: "$", currencyBefore: true, percentSpace: false,
        months: englishMonths, shortMonths: englishMonths.map { String($0.prefix(3)) },
        days: englishDays, shortDays: englishDays.map { String($0.prefix(3)) }, am: "AM", pm: "PM", dateSeparator: "/",
        shortDate: "M/d/yyyy", longDate: "dddd, MMMM d, yyyy", shortTime: "h:mm tt", longTime: "h:mm:ss tt", monthDay: "MMMM d", yearMonth: "MMMM yyyy")

    /// The invariant culture: English names, `MM/dd/yyyy`, what timestamps without a locale are read with.
    static let invariant: Culture = {
        var culture = enUS
        culture.name = ""
        culture.currency = "¤"
        culture.percentSpace = true
        culture.shortDate = "MM/dd/yyyy"
        culture.longDate = "dddd, dd MMMM yyyy"
        culture.shortTime = "HH:mm"
        culture.longTime = "HH:mm:ss"
        culture.yearMonth = "yyyy MMMM"
        return culture
    }()

    static let all: [String: Culture] = {
        let enGB = Culture(
            name: "en-GB", decimal: ".", group: ",", currency: "£", currencyBefore: true, percentSpace: false,
            months: englishMonths, shortMonths: englishMonths.map { String($0.prefix(3)) },
            days: englishDays, shortDays: englishDays.map { String($0.prefix(3)) }, am: "am", pm: "pm", dateSeparator: "/",
            shortDate: "dd/MM/yyyy", longDate: "dd MMMM yyyy", shortTime: "HH:mm", longTime: "HH:mm:ss", monthDay: "d MMMM", yearMonth: "MMMM yyyy")
        let deDE = Culture(
            name: "de-DE", decimal: ",", group: ".", currency: "€", currencyBefore: false, percentSpace: true,
            months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
            shortMonths: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
            days: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
            shortDays: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"], am: "", pm: "", dateSeparator: ".",
            shortDate: "dd.MM.yyyy", longDate: "dddd, d. MMMM yyyy", shortTime: "HH:mm", longTime: "HH:mm:ss", monthDay: "d. MMMM", yearMonth: "MMMM yyyy")
        let frFR = Culture(
            name: "fr-FR", decimal: ",", group: "\u{202F}", currency: "€", currencyBefore: false, percentSpace: true,
            months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
            days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
            shortDays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."], am: "", pm: "", dateSeparator: "/",
            shortDate: "dd/MM/yyyy", longDate: "dddd d MMMM yyyy", shortTime: "HH:mm", longTime: "HH:mm:ss", monthDay: "d MMMM", yearMonth: "MMMM yyyy")
        let esES = Culture(
            name: "es-ES", decimal: ",", group: ".", currency: "€", currencyBefore: false, percentSpace: true,
            months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            shortMonths: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
            days: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
            shortDays: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"], am: "a. m.", pm: "p. m.", dateSeparator: "/",
            shortDate: "dd/MM/yyyy", longDate: "dddd, d 'de' MMMM 'de' yyyy", shortTime: "H:mm", longTime: "H:mm:ss", monthDay: "d 'de' MMMM", yearMonth: "MMMM 'de' yyyy")
        let ptBR = Culture(
            name: "pt-BR", decimal: ",", group: ".", currency: "R$\u{A0}", currencyBefore: true, percentSpace: false,
            months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            shortMonths: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
            days: ["domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"],
            shortDays: ["dom", "seg", "ter", "qua", "qui", "sex", "sáb"], am: "", pm: "", dateSeparator: "/",
            shortDate: "dd/MM/yyyy", longDate: "dddd, d 'de' MMMM 'de' yyyy", shortTime: "HH:mm", longTime: "HH:mm:ss", monthDay: "d 'de' MMMM", yearMonth: "MMMM 'de' yyyy")
        let nlNL = Culture(
            name: "nl-NL", decimal: ",", group: ".", currency: "€ ", currencyBefore: true, percentSpace: true,
            months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            shortMonths: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
            days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
            shortDays: ["zo", "ma", "di", "wo", "do", "vr", "za"], am: "a.m.", pm: "p.m.", dateSeparator: "-",
            shortDate: "d-M-yyyy", longDate: "dddd d MMMM yyyy", shortTime: "HH:mm", longTime: "HH:mm:ss", monthDay: "d MMMM", yearMonth: "MMMM yyyy")
        let jaJP = Culture(
            name: "ja-JP", decimal: ".", group: ",", currency: "￥", currencyBefore: true, percentSpace: false,
            months: (1...12).map { "\($0)月" }, shortMonths: (1...12).map { "\($0)月" },
            days: ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"],
            shortDays: ["日", "月", "火", "水", "木", "金", "土"], am: "午前", pm: "午後", dateSeparator: "/",
            shortDate: "yyyy/MM/dd", longDate: "yyyy'年'M'月'd'日'", shortTime: "H:mm", longTime: "H:mm:ss", monthDay: "M'月'd'日'", yearMonth: "yyyy'年'M'月'")
        var table: [String: Culture] = [:]
        for culture in [enUS, enGB, deDE, frFR, esES, ptBR, nlNL, jaJP] { table[culture.name.lowercased()] = culture }
        return table
    }()
}
