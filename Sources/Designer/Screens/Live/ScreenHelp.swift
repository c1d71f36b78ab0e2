/// Screens with their own `?` help (every key, where the status bar has room for a few).
protocol ScreenHelp: Screen {
    var helpLines: [(String, String)] { get }
}

extension MonitorScreen: ScreenHelp {
    var helpLines: [(String, String)] {
        [("↑ ↓  PgUp PgDn", "move through the feed (newest on top)"), ("Enter", "open the selected run"), ("Space  p", "pause / resume the live feed"),
         ("f", "filter by flow (cycles; runs of that flow and their events)"), ("t", "filter by event type (cycles)"), ("s", "filter by run status (cycles)"),
         ("c", "clear the filters"), ("h", "run history (of the filtered flow)"), ("Esc", "back")]
    }
}

extension RunHistoryScreen: ScreenHelp {
    var helpLines: [(String, String)] {
        [("↑ ↓  PgUp PgDn", "move"), ("Enter", "run detail"), ("r", "resubmit the run (same trigger event)"), ("Esc", "back")]
    }
}

extension RunDetailScreen: ScreenHelp {
    var helpLines: [(String, String)] {
        [("↑ ↓", "select a step (the trigger shows its event)"), ("Enter", "expand / collapse inputs and outputs JSON"),
         ("PgUp PgDn", "scroll the expanded JSON"), ("r", "resubmit the run"), ("o", "open the flow at the failing (or selected) step"), ("Esc", "back")]
    }
}

extension SystemScreen: ScreenHelp {
    var helpLines: [(String, String)] {
        [("Enter  r", "Refresh now: the selected source (else everything)"), ("a", "Refresh now: everything (full refresh)"),
         ("d", "demo feed on / off"), ("i", "refresh interval in seconds (0: off)"), ("l", "reload the status"), ("Esc", "back")]
    }
}

extension ConnectionsScreen: ScreenHelp {
    var helpLines: [(String, String)] {
        [("a", "add a connection (Teams, SMTP, HTTP, outbox)"), ("Enter  e", "edit (secrets: leave empty to keep)"), ("d", "delete"),
         ("t", "test: Teams card, SMTP message, HTTP request"), ("Esc", "back")]
    }
}
