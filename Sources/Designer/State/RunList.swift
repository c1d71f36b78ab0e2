import FlowRunner

/// The run history screen's listing: the pages of one query read so far, and where the next page starts. Pages
/// come from the database (keyset paging), so the screen never holds more runs than it has been scrolled through.
public struct RunList: Sendable, Hashable {
    /// The query of the loaded pages (its `after` is the first page's: nil).
    public var query: RunQuery?
    public var runs: [RunRecord] = []
    /// Where the next page starts; nil after the last.
    public var next: RunCursor?
    /// A page was asked for and has not arrived (no second request for the same page).
    public var loading = false
    /// Whose listing the loaded pages are (the screen's flow and filters), and whose was last asked for.
    public var key: String?
    public var requestedKey: String?

    public init() {}

    /// Takes a page: a first page replaces the list (or another query's), a next page of the same query is appended
    /// (a run already listed is not listed twice: a search can meet a run again on a later page).
    mutating func apply(_ pageQuery: RunQuery, _ page: RunPage, append: Bool) {
        let base = pageQuery.firstPage
        loading = false
        if append, query == base {
            let listed = Set(runs.map(\.id))
            runs += page.runs.filter { !listed.contains($0.id) }
        } else {
            key = requestedKey
            query = base
            runs = page.runs
        }
        next = page.next
    }
}
