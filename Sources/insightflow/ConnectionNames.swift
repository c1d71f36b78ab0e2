import FlowModel
import FlowRunner

/// The checker context of a home's connections, for the flow commands.
enum ConnectionNames {
    /// Connection name → kind from `connections.json`; a file that cannot be read is reported on stderr and the
    /// connection checks are skipped (rather than every step flagged).
    static func context(_ home: InsightFlowHome) -> CheckContext {
        do {
            return try ConnectionStore(home: home).checkContext()
        } catch {
            CLIOutput.error("warning: connections are not checked: \(error)")
            return CheckContext(connections: nil)
        }
    }
}
