/// Word lists of the Type normalizations (Name, Address, Organization) and letters Unicode-to-ASCII folds.
///
/// Smaller than the reference's (it converts "500+" name variants); common English forms only.
enum MatchWordLists {
    /// Nicknames and titles → one form.
    static let nameVariants: [String: String] = {
        let groups: [String: [String]] = [
            "deborah": ["debby", "debbie", "deb", "debra"], "william": ["bill", "billy", "will", "willy", "liam"],
            "robert": ["bob", "bobby", "rob", "robbie", "bert"], "richard": ["rick", "ricky", "dick", "rich", "richie"],
            "elizabeth": ["liz", "lizzie", "beth", "betty", "eliza", "lisa", "libby", "betsy"],
            "margaret": ["maggie", "meg", "peggy", "marge", "margie", "greta"], "james": ["jim", "jimmy", "jamie"],
            "john": ["jack", "johnny", "jon"], "jonathan": ["jonny", "nathan"], "michael": ["mike", "mikey", "mick", "mickey"],
            "thomas": ["tom", "tommy"], "joseph": ["joe", "joey", "jos"], "charles": ["charlie", "chuck", "chas"],
            "christopher": ["chris", "kit", "topher"], "daniel": ["dan", "danny"], "matthew": ["matt", "matty"],
            "anthony": ["tony", "ant"], "andrew": ["andy", "drew"], "alexander": ["alex", "sandy", "xander"],
            "nicholas": ["nick", "nicky", "nico"], "benjamin": ["ben", "benny", "benji"], "samuel": ["sam", "sammy"],
            "edward": ["ed", "eddie", "ted", "teddy", "ned"], "stephen": ["steve", "stevie", "steven"],
            "timothy": ["tim", "timmy"], "patrick": ["pat", "paddy"], "patricia": ["patty", "trish", "tricia"],
            "jennifer": ["jen", "jenny", "jenn"], "katherine": ["kate", "katie", "kathy", "kath", "kat", "catherine", "cathy", "kathryn"],
            "susan": ["sue", "susie", "suzy"], "rebecca": ["becky", "becca"], "victoria": ["vicky", "tori", "vic"],
            "alexandra": ["alexa", "lexi", "sasha"], "jessica": ["jess", "jessie"], "samantha": ["sammie"],
            "abigail": ["abby", "abbie", "gail"], "christine": ["chrissy", "tina", "christina", "kristine"],
            "joshua": ["josh"], "zachary": ["zach", "zack"], "gregory": ["greg"], "jeffrey": ["jeff", "geoff", "geoffrey"],
            "kenneth": ["ken", "kenny"], "ronald": ["ron", "ronnie"], "donald": ["don", "donnie"], "raymond": ["ray"],
            "lawrence": ["larry", "laurie"], "frederick": ["fred", "freddie", "fritz"], "henry": ["harry", "hank", "hal"],
            "peter": ["pete"], "philip": ["phil", "pip"], "gerald": ["gerry", "jerry"], "leonard": ["len", "lenny", "leo"],
            "douglas": ["doug"], "walter": ["walt", "wally"], "eugene": ["gene"], "albert": ["al", "bertie"],
            "francis": ["frank", "frankie", "fran"], "frances": ["fanny"], "dorothy": ["dot", "dottie", "dolly"],
            "barbara": ["barb", "babs", "barbie"], "judith": ["judy", "jude"], "pamela": ["pam"], "sandra": ["sandi"],
            "cynthia": ["cindy"], "kimberly": ["kim", "kimmy"], "melissa": ["mel", "missy"], "amanda": ["mandy", "amy"],
            "stephanie": ["steph", "stephie"], "nicole": ["nikki", "nicky"], "theodore": ["theo"], "vincent": ["vince", "vinny"],
            "professor": ["prof"], "doctor": ["dr"], "mister": ["mr"], "missus": ["mrs"], "junior": ["jr"], "senior": ["sr"],
        ]
        var table: [String: String] = [:]
        for (canonical, variants) in groups {
            for variant in variants where table[variant] == nil { table[variant] = canonical }
        }
        return table
    }()

    /// Address words → their abbreviation (the reference's "street" → "st", "northwest" → "nw").
    static let addressAbbreviations: [String: String] = [
        "street": "st", "road": "rd", "avenue": "ave", "av": "ave", "boulevard": "blvd", "drive": "dr", "lane": "ln",
        "court": "ct", "place": "pl", "square": "sq", "terrace": "tce", "crescent": "cres", "highway": "hwy",
        "parkway": "pkwy", "circle": "cir", "close": "cl", "parade": "pde", "apartment": "apt", "suite": "ste",
        "building": "bldg", "floor": "fl", "unit": "u", "village": "vlg", "mount": "mt", "saint": "st", "heights": "hts",
        "north": "n", "south": "s", "east": "e", "west": "w", "northwest": "nw", "northeast": "ne",
        "southwest": "sw", "southeast": "se", "number": "no",
    ]

    /// Legal-form and noise words of organization names (about 50, as the reference).
    static let organizationNoise: Set<String> = [
        "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc",
        "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "pty", "pvt", "pte",
        "kk", "sl", "the", "and", "&", "of", "group", "holding", "holdings", "intl", "international", "assoc",
        "association", "enterprises", "enterprise", "industries", "partners", "trust", "services", "solutions",
    ]

    /// Letters that compatibility decomposition leaves non-ASCII.
    static let letterFolds: [Unicode.Scalar: String] = [
        "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d",
        "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
    ]
}
