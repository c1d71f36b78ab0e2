import ArgumentParser
import FlowModel

/// `insightflow flow enable ID`: turn a flow On (refused when the checker finds errors).
struct FlowEnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Turn a flow On (only when it has no errors).")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String

    func run() throws {
        let store = FlowStore(home: home.location)
        let context = Self.checkContext(home.location)
        let updated = try Self.storeCall { () throws(FlowStoreError) in
            try store.setState(id: try store.find(flow).flow.id, .on, context: context, origin: .cli)
        }
        print("\(updated.id) is On")
    }
}

/// `insightflow flow disable ID`: turn a flow Off.
struct FlowDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Turn a flow Off.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String

    func run() throws {
        let store = FlowStore(home: home.location)
        let updated = try Self.storeCall { () throws(FlowStoreError) in try store.setState(id: try store.find(flow).flow.id, .off, origin: .cli) }
        print("\(updated.id) is Off")
    }
}

/// `insightflow flow rename ID NAME`: change a flow's display name.
struct FlowRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Change a flow's display name (its id stays).")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Argument(help: "The new display name.") var name: String

    func run() throws {
        let store = FlowStore(home: home.location)
        let updated = try Self.storeCall { () throws(FlowStoreError) in try store.rename(id: try store.find(flow).flow.id, to: name, origin: .cli) }
        print("\(updated.id) is now named \"\(updated.displayName)\"")
    }
}

/// `insightflow flow duplicate ID NAME`: save a copy under a new name (Off).
struct FlowDuplicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "duplicate", abstract: "Copy a flow under a new name (the copy is Off).")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Argument(help: "The copy's display name.") var name: String

    func run() throws {
        let store = FlowStore(home: home.location)
        let copy = try Self.storeCall { () throws(FlowStoreError) in try store.duplicate(id: try store.find(flow).flow.id, as: name) }
        print(copy.id)
    }
}

/// `insightflow flow delete ID`: remove a flow's file.
struct FlowDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a flow.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String

    func run() throws {
        let store = FlowStore(home: home.location)
        let id = try Self.storeCall { () throws(FlowStoreError) in
            let id = try store.find(flow).flow.id
            try store.delete(id: id)
            return id
        }
        print("deleted \(id)")
    }
}
