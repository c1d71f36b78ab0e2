import Foundation
import TextFormats

/// Changes the sample workspace over time: appends customers and orders, and now and then breaks a source and repairs it.
public final class DemoFeed: @unchecked Sendable {
    /// Text marking the broken row the feed inserts, so it can remove it again.
    static let brokenMarker = "demo-broken-row"
    /// Every this many ticks the accounts file gets a broken row; it is repaired three ticks later.
    static let breakEvery = 6

    private let data: URL
    private let interval: Double
    private let lock = NSLock()
    private var random: SeededRandom
    private var tickCount = 0
    private var task: Task<Void, Never>?

    /// A feed for the sample files under `folder/data`, ticking every `intervalSeconds`.
    public init(folder: URL, intervalSeconds: Double = 5, seed: UInt64 = UInt64(Date().timeIntervalSince1970)) {
        self.data = folder.appendingPathComponent("data")
        self.interval = intervalSeconds
        self.random = SeededRandom(seed: seed)
    }

    /// The feed configured in the workspace definition, or nil when it is switched off.
    public static func configured(for workspace: Workspace) -> DemoFeed? {
        guard let settings = workspace.definition.demoFeed, settings.enabled else { return nil }
        return DemoFeed(folder: workspace.folder, intervalSeconds: settings.intervalSeconds ?? 5)
    }

    /// Starts ticking in the background (no effect if running).
    public func start() {
        lock.withLock {
            guard task == nil else { return }
            let interval = interval
            task = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(interval.isFinite ? min(max(1, interval), 86_400) : 5))
                    if Task.isCancelled { return }
                    try? self?.tick()
                }
            }
        }
    }

    /// Stops ticking.
    public func stop() {
        lock.withLock {
            task?.cancel()
            task = nil
        }
    }

    deinit { task?.cancel() }

    /// One change: new customers and orders; every few ticks a broken accounts row, repaired three ticks later.
    public func tick() throws {
        try lock.withLock {
            tickCount += 1
            let accounts = data.appendingPathComponent("webshop_accounts.csv")
            let orders = data.appendingPathComponent("orders.csv")
            if tickCount % Self.breakEvery == 3 { try removeBrokenRows(accounts) }
            let newAccounts = try appendAccounts(accounts)
            try appendOrders(orders, accounts: newAccounts)
            if tickCount % Self.breakEvery == 0 { try insertBrokenRow(accounts) }
        }
    }

    private func lines(_ url: URL) throws -> [String] {
        String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private func save(_ lines: [String], _ url: URL) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url, options: .atomic)
    }

    private func today() -> String { String(TimeText.iso8601Seconds(Date()).prefix(10)) }

    private func appendAccounts(_ url: URL) throws -> [String] {
        var rows = try lines(url)
        let ids = rows.dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }.filter { $0.hasPrefix("w") }
        let first = (ids.compactMap { Int($0.dropFirst()) }.max() ?? 0) + 1
        let added = (first..<(first + Int.random(in: 1...2, using: &random))).map { number in
            let person = SamplePeople.person(Int.random(in: 0..<1000, using: &random))
            rows.append("w\(number),\(person.name),new\(number).\(person.email),0172\(String(format: "%06d", number)),\(today())")
            return "w\(number)"
        }
        try save(rows, url)
        return ids + added
    }

    private func appendOrders(_ url: URL, accounts: [String]) throws {
        guard !accounts.isEmpty else { return }
        var rows = try lines(url)
        var next = (rows.dropFirst().compactMap { $0.split(separator: ",").first.flatMap { Int($0) } }.max() ?? 0) + 1
        for _ in 0..<Int.random(in: 2...4, using: &random) {
            let account = accounts[Int.random(in: 0..<accounts.count, using: &random)]
            let amount = Double(Int.random(in: 1_500...40_000, using: &random)) / 100
            rows.append("\(next),\(account),\(amount),\(today())")
            next += 1
        }
        try save(rows, url)
    }

    private func insertBrokenRow(_ url: URL) throws {
        var rows = try lines(url)
        rows.insert("w0,\(Self.brokenMarker),broken@example.com,0,not-a-date", at: min(2, rows.count))
        try save(rows, url)
    }

    private func removeBrokenRows(_ url: URL) throws {
        try save(try lines(url).filter { !$0.contains(Self.brokenMarker) }, url)
    }
}
