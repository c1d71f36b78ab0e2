import Foundation

/// A flow as stored: the flow and the file it came from.
public struct StoredFlow: Sendable, Hashable {
    public var flow: Flow
    public var file: URL
}

/// What a folder of flow files holds: the good flows (sorted by name) and the files that could not be read.
public struct FlowListing: Sendable {
    public var flows: [StoredFlow]
    public var broken: [FlowFileError]
}

/// The flows folder: list, load, create, save (atomic, version-checked), rename, duplicate, delete, turn on/off.
/// Every change holds an exclusive lock on `flows/.lock`, so two processes cannot interleave a check and a write.
public struct FlowStore: Sendable {
    /// The folder of `<id>.json` files.
    public let folder: URL
    /// How many past versions each flow keeps; nil reads `settings.json` beside the folder at each save.
    public var retention: HistoryRetention?

    /// A store over `folder` (created on first write).
    public init(folder: URL, retention: HistoryRetention? = nil) {
        self.folder = folder
        self.retention = retention
    }

    /// The past versions of this folder's flows (`flows/.history`).
    public var history: FlowHistory { FlowHistory(flowsFolder: folder) }

    /// A store over the home's `flows/` folder.
    public init(home: InsightFlowHome) { self.init(folder: home.flowsFolder) }

    // MARK: Reading

    /// Every flow in the folder; a broken file is reported, never hides the good ones.
    public func list() -> FlowListing {
        let urls = flowFileNames().map { folder.appendingPathComponent($0) }
        let store = self
        let results = ParallelMap.map(urls) { url -> Result<StoredFlow, FlowFileError> in
            Result { () throws(FlowStoreError) in try store.read(url) }
                .map { StoredFlow(flow: $0, file: url) }
                .mapError { Self.fileError($0, url) }
        }
        var flows: [StoredFlow] = []
        var broken: [FlowFileError] = []
        for result in results {
            switch result {
            case .success(let stored): flows.append(stored)
            case .failure(let error): broken.append(error)
            }
        }
        flows.sort { ($0.flow.displayName.lowercased(), $0.flow.id) < ($1.flow.displayName.lowercased(), $1.flow.id) }
        return FlowListing(flows: flows, broken: broken)
    }

    /// The flow with this id.
    public func load(id: String) throws(FlowStoreError) -> StoredFlow {
        let url = try fileURL(for: id)
        return StoredFlow(flow: try read(url), file: url)
    }

    /// The flow with this id, else the one display name (case-insensitive) that matches.
    public func find(_ idOrName: String) throws(FlowStoreError) -> StoredFlow {
        if let url = try? fileURL(for: idOrName), FileManager.default.fileExists(atPath: url.path) {
            return StoredFlow(flow: try read(url), file: url)
        }
        let matches = list().flows.filter { $0.flow.displayName.caseInsensitiveCompare(idOrName) == .orderedSame }
        guard let first = matches.first else { throw .notFound(idOrName) }
        guard matches.count == 1 else { throw .ambiguous(idOrName, ids: matches.map(\.flow.id)) }
        return first
    }

    /// Reads and decodes one flow file. The file name is the flow's id (a copied file cannot clash with its original).
    public func read(_ url: URL) throws(FlowStoreError) -> Flow {
        try decode(AtomicFile.read(url), from: url)
    }

    /// Decodes the bytes of the flow file `url`.
    func decode(_ bytes: [UInt8], from url: URL) throws(FlowStoreError) -> Flow {
        do {
            var flow = try FlowCodec.decode(bytes, file: url.path)
            flow.id = url.deletingPathExtension().lastPathComponent
            return flow
        } catch {
            throw .badFile(error)
        }
    }

    // MARK: Writing

    /// Writes a new flow (version 1). Fails if its id is taken.
    @discardableResult
    public func create(_ flow: Flow, now: Date = Date(), origin: SaveOrigin = .other) throws(FlowStoreError) -> Flow {
        let lock = try lockFolder()
        defer { withExtendedLifetime(lock) {} }
        return try writeNew(flow, now: now, origin: origin)
    }

    /// Writes a new flow under the first free id made from `name` (`name`, `name-2`, ...), chosen while the folder
    /// is locked — so creators racing for the same name each get their own id instead of "already exists".
    @discardableResult
    public func createWithFreeID(_ flow: Flow, basedOn name: String, now: Date = Date(), origin: SaveOrigin = .other) throws(FlowStoreError) -> Flow {
        let lock = try lockFolder()
        defer { withExtendedLifetime(lock) {} }
        var new = flow
        new.id = uniqueID(for: name)
        return try writeNew(new, now: now, origin: origin)
    }

    /// Writes `flow` as version 1 (the folder lock held by the caller).
    private func writeNew(_ flow: Flow, now: Date, origin: SaveOrigin) throws(FlowStoreError) -> Flow {
        let url = try fileURL(for: flow.id)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw .alreadyExists(flow.id) }
        var saved = flow
        saved.version = 1
        saved.createdAt = saved.createdAt ?? Flow.timestamp(now)
        saved.modifiedAt = Flow.timestamp(now)
        Self.stampEnabled(&saved, wasOn: false, now: now)
        try AtomicFile.write(FlowCodec.encode(saved), to: url)
        try? history.record(FlowVersionRecord(version: 1, savedAt: Flow.timestamp(now), by: FlowVersionRecord.currentUser, via: origin), id: saved.id)
        return saved
    }

    /// Sets `enabledAt` when a flow goes from Off to On, and clears it when it is Off.
    static func stampEnabled(_ flow: inout Flow, wasOn: Bool, now: Date) {
        if flow.state != .on { flow.enabledAt = nil } else if !wasOn || flow.enabledAt == nil { flow.enabledAt = Flow.timestamp(now) }
    }

    /// Saves an edited flow. `expectedVersion` is the version the editor loaded; when the file on disk has
    /// moved on, nothing is written and `.conflict` is thrown. Returns the flow as saved (version + 1).
    @discardableResult
    public func save(_ flow: Flow, expectedVersion: Int, now: Date = Date(), origin: SaveOrigin = .other, note: String? = nil) throws(FlowStoreError) -> Flow {
        let lock = try lockFolder()
        defer { withExtendedLifetime(lock) {} }
        let url = try fileURL(for: flow.id)
        let bytes = try AtomicFile.read(url)
        let onDisk = try decode(bytes, from: url)
        guard onDisk.version == expectedVersion else {
            throw .conflict(id: flow.id, expectedVersion: expectedVersion, foundVersion: onDisk.version)
        }
        var saved = flow
        saved.version = expectedVersion + 1
        saved.createdAt = onDisk.createdAt ?? saved.createdAt
        saved.modifiedAt = Flow.timestamp(now)
        saved.enabledAt = onDisk.enabledAt
        Self.stampEnabled(&saved, wasOn: onDisk.state == .on, now: now)
        try replace(url, holding: onDisk.version, bytes: bytes, with: saved, now: now, origin: origin, note: note)
        return saved
    }

    /// Applies `change` to the current file under the lock and saves it (for rename and on/off).
    @discardableResult
    public func update(id: String, now: Date = Date(), origin: SaveOrigin = .other,
                       _ change: (inout Flow) throws(FlowStoreError) -> Void) throws(FlowStoreError) -> Flow {
        let lock = try lockFolder()
        defer { withExtendedLifetime(lock) {} }
        let url = try fileURL(for: id)
        let bytes = try AtomicFile.read(url)
        var flow = try decode(bytes, from: url)
        let previousVersion = flow.version
        let wasOn = flow.state == .on
        try change(&flow)
        flow.version += 1
        flow.modifiedAt = Flow.timestamp(now)
        Self.stampEnabled(&flow, wasOn: wasOn, now: now)
        try replace(url, holding: previousVersion, bytes: bytes, with: flow, now: now, origin: origin, note: nil)
        return flow
    }

    /// Keeps the file's current version in the history, writes `flow` over it and logs the save (lock held).
    private func replace(_ url: URL, holding version: Int, bytes: [UInt8], with flow: Flow, now: Date, origin: SaveOrigin,
                         note: String?) throws(FlowStoreError) {
        let history = self.history
        let retention = self.retention ?? HistoryRetention.current(homeFolder: folder.deletingLastPathComponent())
        guard retention.enabled else {
            try AtomicFile.write(FlowCodec.encode(flow), to: url)
            return
        }
        try history.archive(current: url, bytes: bytes, id: flow.id, version: version)
        try AtomicFile.write(FlowCodec.encode(flow), to: url)
        let record = FlowVersionRecord(version: flow.version, savedAt: Flow.timestamp(now), by: FlowVersionRecord.currentUser, via: origin, note: note)
        try? history.record(record, id: flow.id)
        history.prune(id: flow.id, newestArchived: version, retention: retention)
    }

    /// Changes a flow's display name (its id and file stay).
    @discardableResult
    public func rename(id: String, to displayName: String, origin: SaveOrigin = .other) throws(FlowStoreError) -> Flow {
        try update(id: id, origin: origin) { (flow: inout Flow) throws(FlowStoreError) in flow.displayName = displayName }
    }

    /// Turns a flow on or off. Turning On runs the checker first: a flow with errors stays Off.
    @discardableResult
    public func setState(id: String, _ state: FlowState, context: CheckContext = CheckContext(), origin: SaveOrigin = .other) throws(FlowStoreError) -> Flow {
        try update(id: id, origin: origin) { (flow: inout Flow) throws(FlowStoreError) in
            if state == .on {
                let issues = FlowChecker.check(flow, context: context)
                if issues.contains(where: { $0.severity == .error }) { throw .hasErrors(id: id, issues: issues) }
            }
            flow.state = state
        }
    }

    /// Copies a flow under a new name and a new id; the copy starts Off.
    @discardableResult
    public func duplicate(id: String, as displayName: String) throws(FlowStoreError) -> Flow {
        var copy = try load(id: id).flow
        copy.displayName = displayName
        copy.state = .off
        copy.createdAt = nil
        return try createWithFreeID(copy, basedOn: displayName)
    }

    /// Deletes a flow's file and its draft. Its past versions stay, set aside under `.history/<id>.deleted-<time>/`, so
    /// a new flow that takes the id starts a history of its own.
    public func delete(id: String, now: Date = Date()) throws(FlowStoreError) {
        let lock = try lockFolder()
        defer { withExtendedLifetime(lock) {} }
        let url = try fileURL(for: id)
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw FileManager.default.fileExists(atPath: url.path) ? .io("cannot delete \(url.path): \(error.localizedDescription)") : .notFound(id)
        }
        AtomicFile.syncFolder(folder)
        discardDraft(id: id)
        history.setAside(id: id, now: now)
    }

    // MARK: Ids and files

    /// A free id derived from a display name: lower-case words joined by dashes, with `-2`, `-3`... when taken.
    public func uniqueID(for displayName: String) -> String {
        let base = Self.slug(displayName)
        var candidate = base
        var counter = 2
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(candidate).json").path) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    /// `Teams: refresh failed!` → `teams-refresh-failed`.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "flow" : String(slug.prefix(60))
    }

    /// The file of an id; ids are restricted so they can never escape the folder.
    func fileURL(for id: String) throws(FlowStoreError) -> URL {
        let allowed = !id.isEmpty && id.count <= 100 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        guard allowed else { throw .notFound(id) }
        return folder.appendingPathComponent("\(id).json")
    }

    private func lockFolder() throws(FlowStoreError) -> FileLock {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(folder.path): \(error.localizedDescription)")
        }
        return try FileLock(folder.appendingPathComponent(".lock"))
    }

    static func fileError(_ error: FlowStoreError, _ url: URL) -> FlowFileError {
        if case .badFile(let fileError) = error { return fileError }
        return FlowFileError(file: url.path, path: "$", message: error.description)
    }
}
