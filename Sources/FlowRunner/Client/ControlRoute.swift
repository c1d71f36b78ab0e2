/// The control routes of `serve`'s intake, shared by the server (`ControlRoutes`) and the client
/// (`RemoteRunnerClient`). Every route is `POST` with a JSON body and authenticated like `/events`.
public enum ControlRoute: String, Sendable, CaseIterable {
    /// `{"type": ..., "fields": {...}}` → 202 `{"id", "runs": [...]}`.
    case events = "/events"
    /// `{"flow", "body", "dryRun"}` → `{"id"}` at once (the run is queued).
    case testFlow = "/flows/test"
    /// `{}` → `{"reloaded": true}`.
    case reloadFlows = "/flows/reload"
    /// `{"run"}` → `{"id"}` of the new run.
    case resubmitRun = "/runs/resubmit"
    /// `{"run", "seconds"}` → `{"finished": false}` or `{"finished": true, "status", ...}` (a long poll).
    case waitRun = "/runs/wait"
    /// `{"source"}` or `{}` → the refresh report.
    case refresh = "/refresh"
    /// `{}` → `{"schedule"}`; `{"set": {...}}` changes it.
    case schedule = "/workspace/schedule"
    /// `{}` → `{"on"}`; `{"set": true|false}` switches it.
    case demoFeed = "/workspace/demo-feed"
    /// `{}` → the runner's last hour minute by minute (`RunnerActivity`).
    case activity = "/runner/activity"

    /// The route of a request path, if it is one.
    public init?(path: String) { self.init(rawValue: path) }
}
