import Foundation
import TextFormats
import GRDB

/// Generates the sample's people (overlapping across the three customer sources) and their orders.
struct SamplePeople {
    static let firstNames = ["Anna", "Ben", "Cara", "Dan", "Eva", "Finn", "Greta", "Hugo", "Ida", "Jonas", "Klara", "Lukas",
                             "Mia", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Uwe"]
    static let lastNames = ["Schmidt", "Müller", "Diaz", "Evans", "Novak", "Berg", "Okafor", "Rossi", "Lind", "Weber"]
    static let cities = ["Berlin", "Hamburg", "Munich", "Cologne", "Leipzig", "Dresden"]

    let now: Date
    let count = 60

    /// The person with index `index`: name, email, phone digits, city.
    static func person(_ index: Int) -> (name: String, email: String, phone: String, city: String) {
        let first = firstNames[index % firstNames.count]
        let last = lastNames[(index / firstNames.count + index) % lastNames.count]
        let email = "\(first).\(last)\(index)@example.com".lowercased().replacingOccurrences(of: "ü", with: "ue")
        return ("\(first) \(last)", email, "0170\(String(format: "%06d", 100_000 + index * 37))", cities[index % cities.count])
    }

    /// The calendar date `days` before `now`, "yyyy-MM-dd".
    func day(_ days: Int) -> String {
        TimeText.iso8601Seconds(now.addingTimeInterval(Double(-days) * 86_400)).prefix(10).description
    }

    func writeFiles(to data: URL) throws {
        var random = SeededRandom(seed: 42)
        var crm = "contact_id,full_name,email,phone,city,modified_on\n"
        var web = "account_id,display_name,email,mobile,signup_date\n"
        for index in 0..<count {
            let person = Self.person(index)
            if index % 3 != 2 {
                let phone = String(person.phone.prefix(4)) + "-" + String(person.phone.dropFirst(4))
                crm += "\(index + 1),\(person.name),\(person.email),\(phone),\(person.city),\(day(400 - index))T09:00:00Z\n"
            }
            if index % 2 == 0 {
                let email = index % 4 == 0 ? person.email.uppercased() : person.email
                web += "w\(index + 1),\(person.name.lowercased()),\(email),\(person.phone),\(day(Int.random(in: 0...300, using: &random)))\n"
            }
        }
        try Data(crm.utf8).write(to: data.appendingPathComponent("crm_contacts.csv"))
        try Data(web.utf8).write(to: data.appendingPathComponent("webshop_accounts.csv"))
        try writeOrders(to: data, random: &random)
        try writeLoyalty(to: data.appendingPathComponent("loyalty.sqlite"))
    }

    private func writeOrders(to data: URL, random: inout SeededRandom) throws {
        var orders = "order_id,account_id,amount,order_date\n"
        let accounts = stride(from: 0, to: count, by: 2).map { "w\($0 + 1)" }
        for id in 1...150 {
            let account = accounts[Int.random(in: 0..<accounts.count, using: &random)]
            let amount = Double(Int.random(in: 800...25_000, using: &random)) / 100
            orders += "\(id),\(account),\(amount),\(day(Int.random(in: 0...240, using: &random)))\n"
        }
        try Data(orders.utf8).write(to: data.appendingPathComponent("orders.csv"))
    }

    private func writeLoyalty(to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE members (member_no TEXT PRIMARY KEY, name TEXT, phone TEXT, city TEXT, tier TEXT)")
            for index in stride(from: 1, to: count, by: 3) {
                let person = Self.person(index)
                let phone = String(person.phone.prefix(4)) + " " + String(person.phone.dropFirst(4))
                try db.execute(
                    sql: "INSERT INTO members VALUES (?, ?, ?, ?, ?)",
                    arguments: ["L\(1000 + index)", person.name, phone, person.city, ["Gold", "Silver", "Bronze"][(index / 3) % 3]])
            }
            try db.execute(sql: "INSERT INTO members VALUES ('L9001', 'Vera Kowalski', '0171 555000', 'Berlin', 'Gold')")
        }
    }
}
