import FlowExpressions

/// Reads the flow index with the project's own JSON reader instead of `JSONDecoder` (which a profile of a warm
/// `flow list` at 10,000 flows showed at 44 % of the run). Anything unexpected gives nil: the index is then rebuilt.
enum FlowIndexDecoding {
    /// The index in `bytes`, or nil when it is not an index of this layout.
    static func decode(_ bytes: [UInt8]) -> FlowIndexFile? {
        guard let document = try? JSONValue.parse(bytes: bytes), let format = document["format"]?.intValue,
              let checker = document["checker"]?.stringValue, let items = document["entries"]?.objectValue else { return nil }
        var entries: [String: FlowIndexFile.Entry] = [:]
        entries.reserveCapacity(items.count)
        for (name, value) in items {
            guard let entry = entry(value) else { return nil }
            entries[name] = entry
        }
        return FlowIndexFile(format: format, checker: checker, entries: entries)
    }

    private static func entry(_ value: JSONValue) -> FlowIndexFile.Entry? {
        guard let stampValue = value["stamp"], let size = stampValue["size"]?.intValue, let inode = stampValue["inode"]?.intValue,
              let mtime = stampValue["mtime"]?.intValue, let ctime = stampValue["ctime"]?.intValue,
              let racy = value["racy"]?.boolValue, inode >= 0 else { return nil }
        let stamp = FileStamp(size: Int64(size), inode: UInt64(inode), mtime: Int64(mtime), ctime: Int64(ctime))
        var summary: FlowSummary?
        if let item = present(value["summary"]) {
            guard let decoded = self.summary(item) else { return nil }
            summary = decoded
        }
        var broken: FlowIndexFile.BrokenFile?
        if let item = present(value["broken"]) {
            guard let path = item["path"]?.stringValue, let message = item["message"]?.stringValue else { return nil }
            broken = FlowIndexFile.BrokenFile(path: path, line: present(item["line"])?.intValue, column: present(item["column"])?.intValue, message: message)
        }
        return FlowIndexFile.Entry(stamp: stamp, racy: racy, summary: summary, broken: broken)
    }

    private static func summary(_ item: JSONValue) -> FlowSummary? {
        guard let id = item["id"]?.stringValue, let displayName = item["displayName"]?.stringValue,
              let state = item["state"]?.stringValue.flatMap(FlowState.init(rawValue:)), let version = item["version"]?.intValue,
              let steps = item["steps"]?.intValue, let errors = item["errors"]?.intValue, let warnings = item["warnings"]?.intValue,
              let connectionValues = item["connections"]?.arrayValue else { return nil }
        let connections = connectionValues.compactMap(\.stringValue)
        guard connections.count == connectionValues.count else { return nil }
        var kind: TriggerKind?
        if let text = present(item["triggerKind"]) {
            guard let known = text.stringValue.flatMap(TriggerKind.init(rawValue:)) else { return nil }
            kind = known
        }
        var watch: ThresholdWatch?
        if let value = present(item["watch"]) {
            guard let subject = value["subject"]?.stringValue, let threshold = value["threshold"]?.doubleValue else { return nil }
            watch = ThresholdWatch(subject: subject, threshold: threshold)
        }
        return FlowSummary(id: id, displayName: displayName, state: state, triggerType: present(item["triggerType"])?.stringValue,
                           version: version, steps: steps, modifiedAt: present(item["modifiedAt"])?.stringValue,
                           errors: errors, warnings: warnings, triggerKind: kind, triggerLine: present(item["triggerLine"])?.stringValue,
                           connections: connections, watch: watch)
    }

    /// The value unless it is missing or null.
    private static func present(_ value: JSONValue?) -> JSONValue? {
        guard let value, !value.isNull else { return nil }
        return value
    }
}
