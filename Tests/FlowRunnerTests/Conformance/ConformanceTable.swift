import FlowExpressions
@testable import FlowRunner

/// The conformance table: flow definition → the status of the run and of every action, as the reference runtime
/// documents them (docs/run-semantics.md). Every row also runs with every scope's keys reversed and must give the
/// same statuses (the order of keys in `actions` means nothing).
enum ConformanceTable {
    static let all = basics + skippedTails + parallel + scopes + conditions + switches + loops + untilLoops + terminate + timeouts + data

    static let basics: [ConformanceCase] = [
        ConformanceCase(name: "one action succeeds", actions: ["A": Def.compose(1)], run: .succeeded, steps: ["A": "Succeeded"], rule: "run"),
        ConformanceCase(name: "an unhandled failure fails the run", actions: ["A": Def.fail()], run: .failed, steps: ["A": "Failed"], rule: "run"),
        ConformanceCase(name: "a failure handled by runAfter Failed", actions: ["A": Def.fail(), "H": Def.compose("handled", after: ["A": ["Failed"]])],
                        run: .succeeded, steps: ["A": "Failed", "H": "Succeeded"], rule: "handled"),
        ConformanceCase(name: "a handler that fails too", actions: ["A": Def.fail(), "H": Def.fail(after: ["A": ["Failed"]])],
                        run: .failed, steps: ["A": "Failed", "H": "Failed"], rule: "handled"),
        ConformanceCase(name: "runAfter with no statuses means Succeeded", actions: ["A": Def.compose(1), "B": Def.compose(2, after: ["A": []])],
                        run: .succeeded, steps: ["A": "Succeeded", "B": "Succeeded"], rule: "runAfter"),
        ConformanceCase(name: "runAfter every status runs after a failure", actions: ["A": Def.fail(), "B": Def.compose(2, after: ["A": Def.all])],
                        run: .succeeded, steps: ["A": "Failed", "B": "Succeeded"], rule: "runAfter"),
        ConformanceCase(name: "an action listed before its predecessor", actions: ["B": Def.compose("@outputs('A')", after: ["A": ["Succeeded"]]), "A": Def.compose(1)],
                        run: .succeeded, steps: ["A": "Succeeded", "B": "Succeeded"], rule: "graph"),
        ConformanceCase(name: "variables in runAfter order", actions: [
            "Set": Def.action("SetVariable", inputs: ["name": "n", "value": 5], after: ["Init": ["Succeeded"]]),
            "Init": Def.action("InitializeVariable", inputs: ["variables": [["name": "n", "type": "Integer", "value": 1]]]),
            "Read": Def.compose("@variables('n')", after: ["Set": ["Succeeded"]]),
        ], run: .succeeded, steps: ["Init": "Succeeded", "Set": "Succeeded", "Read": "Succeeded"], rule: "graph"),
        ConformanceCase(name: "setting a variable that was never initialized fails", actions: ["Set": Def.action("SetVariable", inputs: ["name": "ghost", "value": 5])],
                        run: .failed, steps: ["Set": "Failed"], rule: "run"),
        ConformanceCase(name: "two independent roots, one failing", actions: ["A": Def.compose(1), "B": Def.fail()],
                        run: .failed, steps: ["A": "Succeeded", "B": "Failed"], rule: "run"),
    ]

    static let skippedTails: [ConformanceCase] = [
        ConformanceCase(name: "a failure followed by a Skipped action fails the run", actions: ["A": Def.fail(), "B": Def.compose(1, after: ["A": ["Succeeded"]])],
                        run: .failed, steps: ["A": "Failed", "B": "Skipped"], rule: "skipped"),
        ConformanceCase(name: "a long Skipped tail still fails the run", actions: [
            "A": Def.fail(), "B": Def.compose(1, after: ["A": ["Succeeded"]]), "C": Def.compose(2, after: ["B": ["Succeeded"]]), "D": Def.compose(3, after: ["C": ["Succeeded"]]),
        ], run: .failed, steps: ["A": "Failed", "B": "Skipped", "C": "Skipped", "D": "Skipped"], rule: "skipped"),
        ConformanceCase(name: "a Skipped handler after a success leaves the run Succeeded", actions: ["A": Def.compose(1), "H": Def.compose(2, after: ["A": ["Failed"]])],
                        run: .succeeded, steps: ["A": "Succeeded", "H": "Skipped"], rule: "skipped"),
        ConformanceCase(name: "runAfter Skipped runs after a Skipped action", actions: [
            "A": Def.fail(), "B": Def.compose(1, after: ["A": ["Succeeded"]]), "C": Def.compose(2, after: ["B": ["Skipped"]]),
        ], run: .succeeded, steps: ["A": "Failed", "B": "Skipped", "C": "Succeeded"], rule: "skipped"),
        ConformanceCase(name: "a handled failure with a Skipped parallel sibling fails the run", actions: [
            "A": Def.fail(), "H": Def.compose(1, after: ["A": ["Failed"]]), "Next": Def.compose(2, after: ["A": ["Succeeded"]]),
        ], run: .failed, steps: ["A": "Failed", "H": "Succeeded", "Next": "Skipped"], rule: "skipped"),
        ConformanceCase(name: "a chain whose middle failure is handled", actions: [
            "A": Def.fail(), "H": Def.compose(1, after: ["A": ["Failed"]]), "C": Def.compose(2, after: ["H": ["Succeeded"]]),
        ], run: .succeeded, steps: ["A": "Failed", "H": "Succeeded", "C": "Succeeded"], rule: "handled"),
        ConformanceCase(name: "Skipped after a success takes Succeeded, then a later Skipped stays Succeeded", actions: [
            "A": Def.compose(1), "B": Def.compose(2, after: ["A": ["Failed"]]), "C": Def.compose(3, after: ["B": ["Succeeded"]]),
        ], run: .succeeded, steps: ["A": "Succeeded", "B": "Skipped", "C": "Skipped"], rule: "skipped"),
    ]

    static let parallel: [ConformanceCase] = [
        ConformanceCase(name: "fan-out and fan-in, all succeed", actions: [
            "Start": Def.compose(0), "X1": Def.compose(1, after: ["Start": ["Succeeded"]]), "X2": Def.compose(2, after: ["Start": ["Succeeded"]]),
            "Join": Def.compose("@{outputs('X1')}+@{outputs('X2')}", after: ["X1": ["Succeeded"], "X2": ["Succeeded"]]),
        ], run: .succeeded, steps: ["Start": "Succeeded", "X1": "Succeeded", "X2": "Succeeded", "Join": "Succeeded"], rule: "parallel"),
        ConformanceCase(name: "fan-in after a failed branch is Skipped and the run fails", actions: [
            "Start": Def.compose(0), "X1": Def.fail(after: ["Start": ["Succeeded"]]), "X2": Def.compose(2, after: ["Start": ["Succeeded"]]),
            "Join": Def.compose(3, after: ["X1": ["Succeeded"], "X2": ["Succeeded"]]),
        ], run: .failed, steps: ["X1": "Failed", "X2": "Succeeded", "Join": "Skipped"], rule: "parallel"),
        ConformanceCase(name: "fan-in accepting a failed branch handles it", actions: [
            "Start": Def.compose(0), "X1": Def.fail(after: ["Start": ["Succeeded"]]), "X2": Def.compose(2, after: ["Start": ["Succeeded"]]),
            "Join": Def.compose(3, after: ["X1": ["Succeeded", "Failed"], "X2": ["Succeeded"]]),
        ], run: .succeeded, steps: ["X1": "Failed", "X2": "Succeeded", "Join": "Succeeded"], rule: "parallel"),
        ConformanceCase(name: "three branches, one fails unhandled", actions: [
            "Start": Def.compose(0), "X1": Def.compose(1, after: ["Start": ["Succeeded"]]), "X2": Def.compose(2, after: ["Start": ["Succeeded"]]),
            "X3": Def.fail(after: ["Start": ["Succeeded"]]),
        ], run: .failed, steps: ["X1": "Succeeded", "X2": "Succeeded", "X3": "Failed"], rule: "parallel"),
        ConformanceCase(name: "join on mixed statuses: Succeeded from one, Failed from the other", actions: [
            "A": Def.compose(1), "B": Def.fail(), "C": Def.compose(3, after: ["A": ["Succeeded"], "B": ["Failed"]]),
        ], run: .succeeded, steps: ["A": "Succeeded", "B": "Failed", "C": "Succeeded"], rule: "parallel"),
        ConformanceCase(name: "join needing Succeeded from a failed branch is Skipped", actions: [
            "A": Def.compose(1), "B": Def.fail(), "C": Def.compose(3, after: ["A": ["Succeeded"], "B": ["Succeeded"]]),
        ], run: .failed, steps: ["A": "Succeeded", "B": "Failed", "C": "Skipped"], rule: "parallel"),
        ConformanceCase(name: "parallel HTTP branches, one 404 handled", actions: [
            "Get_a": Def.http("http://ok/a"), "Get_b": Def.http("http://status/404"),
            "Log": Def.compose("@outputs('Get_b')?['statusCode']", after: ["Get_b": ["Failed"]]),
        ], run: .succeeded, steps: ["Get_a": "Succeeded", "Get_b": "Failed", "Log": "Succeeded"], rule: "parallel"),
        ConformanceCase(name: "an HTTP 404 fails the run", actions: ["Get": Def.http("http://status/404")],
                        run: .failed, steps: ["Get": "Failed"], rule: "codes"),
    ]

    static let scopes: [ConformanceCase] = [
        ConformanceCase(name: "try/catch: the catch runs and the run succeeds", actions: [
            "Try": Def.scope(["A": Def.fail()]), "Catch": Def.compose("caught", after: ["Try": ["Failed", "TimedOut"]]),
        ], run: .succeeded, steps: ["Try": "Failed", "A": "Failed", "Catch": "Succeeded"], rule: "scope"),
        ConformanceCase(name: "try/catch: a Skipped tail inside Try still fails it", actions: [
            "Try": Def.scope(["A": Def.fail(), "B": Def.compose(1, after: ["A": ["Succeeded"]])]),
            "Catch": Def.compose("caught", after: ["Try": ["Failed", "TimedOut"]]),
        ], run: .succeeded, steps: ["Try": "Failed", "A": "Failed", "B": "Skipped", "Catch": "Succeeded"], rule: "scope"),
        ConformanceCase(name: "try/catch: Try succeeds, Catch is Skipped", actions: [
            "Try": Def.scope(["A": Def.compose(1)]), "Catch": Def.compose("caught", after: ["Try": ["Failed", "TimedOut"]]),
        ], run: .succeeded, steps: ["Try": "Succeeded", "A": "Succeeded", "Catch": "Skipped"], rule: "scope"),
        ConformanceCase(name: "try/catch/finally after a failure", actions: [
            "Try": Def.scope(["A": Def.fail()]), "Catch": Def.scope(["Log": Def.compose("@result('Try')")], after: ["Try": ["Failed", "TimedOut"]]),
            "Finally": Def.scope(["Clean": Def.compose("done")], after: ["Catch": Def.all]),
        ], run: .succeeded, steps: ["Try": "Failed", "Catch": "Succeeded", "Log": "Succeeded", "Finally": "Succeeded", "Clean": "Succeeded"], rule: "scope"),
        ConformanceCase(name: "try/catch/finally without a failure", actions: [
            "Try": Def.scope(["A": Def.compose(1)]), "Catch": Def.scope(["Log": Def.compose("x")], after: ["Try": ["Failed", "TimedOut"]]),
            "Finally": Def.scope(["Clean": Def.compose("done")], after: ["Catch": Def.all]),
        ], run: .succeeded, steps: ["Try": "Succeeded", "Catch": "Skipped", "Log": "-", "Finally": "Succeeded", "Clean": "Succeeded"], rule: "scope"),
        ConformanceCase(name: "a scope without a catch fails the run", actions: ["Try": Def.scope(["A": Def.fail()])],
                        run: .failed, steps: ["Try": "Failed", "A": "Failed"], rule: "scope"),
        ConformanceCase(name: "a failure handled inside the scope", actions: ["Scope": Def.scope(["A": Def.fail(), "H": Def.compose(1, after: ["A": ["Failed"]])])],
                        run: .succeeded, steps: ["Scope": "Succeeded", "A": "Failed", "H": "Succeeded"], rule: "scope"),
        ConformanceCase(name: "nested scopes pass a failure outwards", actions: ["Outer": Def.scope(["Inner": Def.scope(["A": Def.fail()])])],
                        run: .failed, steps: ["Outer": "Failed", "Inner": "Failed", "A": "Failed"], rule: "scope"),
        ConformanceCase(name: "nested scopes: the outer scope handles the inner failure", actions: [
            "Outer": Def.scope(["Inner": Def.scope(["A": Def.fail()]), "H": Def.compose(1, after: ["Inner": ["Failed"]])]),
        ], run: .succeeded, steps: ["Outer": "Succeeded", "Inner": "Failed", "H": "Succeeded"], rule: "scope"),
        ConformanceCase(name: "a catch that fails fails the run", actions: [
            "Try": Def.scope(["A": Def.fail()]), "Catch": Def.scope(["C": Def.fail()], after: ["Try": ["Failed"]]),
        ], run: .failed, steps: ["Try": "Failed", "Catch": "Failed", "C": "Failed"], rule: "scope"),
        ConformanceCase(name: "parallel branches in a scope, one failing", actions: ["Scope": Def.scope(["X": Def.compose(1), "Y": Def.fail()])],
                        run: .failed, steps: ["Scope": "Failed", "X": "Succeeded", "Y": "Failed"], rule: "scope"),
        ConformanceCase(name: "an empty scope succeeds", actions: ["Scope": Def.scope([:])], run: .succeeded, steps: ["Scope": "Succeeded"], rule: "scope"),
        ConformanceCase(name: "a Skipped scope records none of its actions", actions: ["A": Def.fail(), "Scope": Def.scope(["B": Def.compose(1)], after: ["A": ["Succeeded"]])],
                        run: .failed, steps: ["A": "Failed", "Scope": "Skipped", "B": "-"], rule: "skipped"),
        ConformanceCase(name: "try/catch around an HTTP 404", actions: [
            "Try": Def.scope(["Get": Def.http("http://status/404")]), "Catch": Def.compose("@result('Try')[0]['code']", after: ["Try": ["Failed"]]),
        ], run: .succeeded, steps: ["Try": "Failed", "Get": "Failed", "Catch": "Succeeded"], rule: "result"),
    ]

    static let conditions: [ConformanceCase] = [
        ConformanceCase(name: "If runs the true branch only", actions: [
            "Check": Def.condition(["equals": [1, 1]], yes: ["Yes": Def.compose("y")], no: ["No": Def.compose("n")]),
        ], run: .succeeded, steps: ["Check": "Succeeded", "Yes": "Succeeded", "No": "-"], rule: "condition"),
        ConformanceCase(name: "If's false branch failing fails the If and the run", actions: [
            "Check": Def.condition(["equals": [1, 2]], yes: ["Yes": Def.compose("y")], no: ["No": Def.fail()]),
        ], run: .failed, steps: ["Check": "Failed", "Yes": "-", "No": "Failed"], rule: "condition"),
        ConformanceCase(name: "a failed If handled after it", actions: [
            "Check": Def.condition(["equals": [1, 1]], yes: ["Yes": Def.fail()]), "H": Def.compose(1, after: ["Check": ["Failed"]]),
        ], run: .succeeded, steps: ["Check": "Failed", "Yes": "Failed", "H": "Succeeded"], rule: "condition"),
        ConformanceCase(name: "an If whose expression is not a boolean fails", actions: ["Check": Def.condition("@add(1, 1)", yes: ["Yes": Def.compose("y")])],
                        run: .failed, steps: ["Check": "Failed", "Yes": "-"], rule: "condition"),
        ConformanceCase(name: "a Skipped tail inside an If branch fails the If", actions: [
            "Check": Def.condition(["equals": [1, 1]], yes: ["A": Def.fail(), "B": Def.compose(1, after: ["A": ["Succeeded"]])]),
        ], run: .failed, steps: ["Check": "Failed", "A": "Failed", "B": "Skipped"], rule: "condition"),
        ConformanceCase(name: "an empty true branch succeeds", actions: ["Check": Def.condition(["equals": [1, 1]], yes: [:], no: ["No": Def.fail()])],
                        run: .succeeded, steps: ["Check": "Succeeded", "No": "-"], rule: "condition"),
    ]

    static let switches: [ConformanceCase] = [
        ConformanceCase(name: "Switch on an integer runs the matching case", actions: [
            "Route": Def.switchOn("@add(1, 1)", cases: ["One": (1, ["A1": Def.compose(1)]), "Two": (2, ["A2": Def.compose(2)])], otherwise: ["D": Def.compose(0)]),
        ], run: .succeeded, steps: ["Route": "Succeeded", "A1": "-", "A2": "Succeeded", "D": "-"], rule: "switch"),
        ConformanceCase(name: "Switch on a trigger integer", actions: [
            "Route": Def.switchOn("@triggerBody()?['count']", cases: ["One": (1, ["A1": Def.compose(1)]), "Three": (3, ["A3": Def.compose(3)])]),
        ], body: ["count": 3], run: .succeeded, steps: ["Route": "Succeeded", "A1": "-", "A3": "Succeeded"], rule: "switch"),
        ConformanceCase(name: "Switch without a match runs the default", actions: [
            "Route": Def.switchOn("@add(5, 5)", cases: ["One": (1, ["A1": Def.compose(1)])], otherwise: ["D": Def.compose(0)]),
        ], run: .succeeded, steps: ["Route": "Succeeded", "A1": "-", "D": "Succeeded"], rule: "switch"),
        ConformanceCase(name: "a failing case fails the Switch and the run", actions: [
            "Route": Def.switchOn("@add(0, 1)", cases: ["One": (1, ["A1": Def.fail()])]),
        ], run: .failed, steps: ["Route": "Failed", "A1": "Failed"], rule: "switch"),
        ConformanceCase(name: "a failed Switch handled after it", actions: [
            "Route": Def.switchOn("@add(0, 1)", cases: ["One": (1, ["A1": Def.fail()])]), "H": Def.compose(1, after: ["Route": ["Failed"]]),
        ], run: .succeeded, steps: ["Route": "Failed", "A1": "Failed", "H": "Succeeded"], rule: "switch"),
    ]

    static let loops: [ConformanceCase] = [
        ConformanceCase(name: "Foreach with every iteration succeeding", actions: ["Each": Def.foreach("@triggerBody()?['items']", ["A": Def.compose("@items('Each')")])],
                        body: ["items": [1, 2, 3]], run: .succeeded, steps: ["Each": "Succeeded", "A": "Succeeded"], rule: "loops"),
        ConformanceCase(name: "Foreach with one failed iteration fails", actions: ["Each": Def.foreach("@triggerBody()?['items']", ["A": Def.compose("@div(10, items('Each'))")])],
                        body: ["items": [1, 0, 2]], run: .failed, steps: ["Each": "Failed", "A": "Succeeded"], rule: "loops"),
        ConformanceCase(name: "Foreach failure handled after the loop", actions: [
            "Each": Def.foreach("@triggerBody()?['items']", ["A": Def.compose("@div(10, items('Each'))")]), "H": Def.compose(1, after: ["Each": ["Failed"]]),
        ], body: ["items": [0, 1]], run: .succeeded, steps: ["Each": "Failed", "H": "Succeeded"], rule: "loops"),
        ConformanceCase(name: "Foreach with a failure handled inside each iteration", actions: [
            "Each": Def.foreach("@triggerBody()?['items']", ["A": Def.compose("@div(10, items('Each'))"), "H": Def.compose(0, after: ["A": ["Failed"]])]),
        ], body: ["items": [1, 0]], run: .succeeded, steps: ["Each": "Succeeded", "A": "Failed", "H": "Succeeded"], rule: "loops"),
        ConformanceCase(name: "Foreach over an empty array succeeds", actions: ["Each": Def.foreach("@triggerBody()?['items']", ["A": Def.fail()])],
                        body: ["items": []], run: .succeeded, steps: ["Each": "Succeeded", "A": "-"], rule: "loops"),
        ConformanceCase(name: "concurrent Foreach with one failed iteration fails", actions: [
            "Each": Def.foreach("@triggerBody()?['items']", ["A": Def.compose("@div(10, items('Each'))")], concurrency: 3),
        ], body: ["items": [1, 2, 0, 4, 5]], run: .failed, steps: ["Each": "Failed"], rule: "loops"),
        ConformanceCase(name: "Foreach whose iteration ends in a Skipped tail fails", actions: [
            "Each": Def.foreach("@triggerBody()?['items']", ["A": Def.compose("@div(10, items('Each'))"), "B": Def.compose(1, after: ["A": ["Succeeded"]])]),
        ], body: ["items": [0]], run: .failed, steps: ["Each": "Failed", "A": "Failed", "B": "Skipped"], rule: "loops"),
        ConformanceCase(name: "nested Foreach: an inner failure fails both loops", actions: [
            "Outer": Def.foreach("@triggerBody()?['rows']", ["Inner": Def.foreach("@items('Outer')", ["A": Def.compose("@div(1, items('Inner'))")])]),
        ], body: ["rows": [[1, 2], [3, 0]]], run: .failed, steps: ["Outer": "Failed", "Inner": "Failed", "A": "Failed"], rule: "loops"),
        ConformanceCase(name: "Foreach over a non-array fails", actions: ["Each": Def.foreach("@triggerBody()?['items']", ["A": Def.compose(1)])],
                        body: ["items": "text"], run: .failed, steps: ["Each": "Failed", "A": "-"], rule: "loops"),
    ]

    static let counter: JSONValue = Def.action("InitializeVariable", inputs: ["variables": [["name": "i", "type": "Integer", "value": 0]]])
    static let increment: JSONValue = [
        "Next": Def.compose("@add(variables('i'), 1)"),
        "Store": Def.action("SetVariable", inputs: ["name": "i", "value": "@outputs('Next')"], after: ["Next": ["Succeeded"]]),
    ]

    static let untilLoops: [ConformanceCase] = [
        ConformanceCase(name: "Until stops when its condition is true", actions: [
            "Init": counter, "Loop": Def.until("@equals(variables('i'), 3)", increment, count: 10, after: ["Init": ["Succeeded"]]),
            "After": Def.compose("@variables('i')", after: ["Loop": ["Succeeded"]]),
        ], run: .succeeded, steps: ["Loop": "Succeeded", "Store": "Succeeded", "After": "Succeeded"], rule: "until"),
        ConformanceCase(name: "Until reaching its count succeeds by default", actions: [
            "Init": counter, "Loop": Def.until("@equals(variables('i'), 100)", increment, count: 3, after: ["Init": ["Succeeded"]]),
        ], run: .succeeded, steps: ["Loop": "Succeeded"], rule: "until"),
        ConformanceCase(name: "Until reaching its count fails with FailWhenLimitsReached", actions: [
            "Init": counter, "Loop": Def.until("@equals(variables('i'), 100)", increment, count: 3, failWhenLimitsReached: true, after: ["Init": ["Succeeded"]]),
        ], run: .failed, steps: ["Loop": "Failed"], rule: "until"),
        ConformanceCase(name: "Until limit failure handled after the loop", actions: [
            "Init": counter, "Loop": Def.until("@equals(variables('i'), 100)", increment, count: 2, failWhenLimitsReached: true, after: ["Init": ["Succeeded"]]),
            "H": Def.compose(1, after: ["Loop": ["Failed"]]),
        ], run: .succeeded, steps: ["Loop": "Failed", "H": "Succeeded"], rule: "until"),
        ConformanceCase(name: "Until reaching its timeout fails with FailWhenLimitsReached", actions: [
            "Loop": Def.until("@equals(1, 2)", ["Pause": Def.wait(seconds: 0.1)], count: 1000, timeout: "PT0.3S", failWhenLimitsReached: true),
        ], run: .failed, steps: ["Loop": "Failed", "Pause": "Succeeded"], rule: "until"),
        ConformanceCase(name: "Until whose body fails fails", actions: [
            "Loop": Def.until("@equals(1, 1)", ["A": Def.fail()], count: 5),
        ], run: .failed, steps: ["Loop": "Failed", "A": "Failed"], rule: "until"),
    ]

    static let terminate: [ConformanceCase] = [
        ConformanceCase(name: "Terminate Succeeded ends the run; later actions are Skipped", actions: [
            "A": Def.compose(1), "Stop": Def.terminate("Succeeded", after: ["A": ["Succeeded"]]), "B": Def.compose(2, after: ["Stop": ["Succeeded"]]),
        ], run: .succeeded, steps: ["A": "Succeeded", "Stop": "Succeeded", "B": "Skipped"], rule: "terminate"),
        ConformanceCase(name: "Terminate Failed with a code and message", actions: [
            "Stop": Def.terminate("Failed", code: "MyCode", message: "no customers"), "B": Def.compose(2, after: ["Stop": Def.all]),
        ], run: .failed, steps: ["Stop": "Succeeded", "B": "Skipped"], rule: "terminate"),
        ConformanceCase(name: "Terminate Cancelled cancels the run", actions: ["Stop": Def.terminate("Cancelled")],
                        run: .cancelled, steps: ["Stop": "Succeeded"], rule: "terminate"),
        ConformanceCase(name: "Terminate inside a scope ends the run and the scope", actions: [
            "Scope": Def.scope(["Stop": Def.terminate("Failed", code: "MyCode", message: "stop here"), "Later": Def.compose(1, after: ["Stop": ["Succeeded"]])]),
            "After": Def.compose(1, after: ["Scope": Def.all]),
        ], run: .failed, steps: ["Scope": "Failed", "Stop": "Succeeded", "Later": "Skipped", "After": "Skipped"], rule: "terminate"),
        ConformanceCase(name: "Terminate in an If branch skips the rest of the run", actions: [
            "Check": Def.condition(["equals": [1, 1]], yes: ["Stop": Def.terminate("Succeeded")]), "After": Def.compose(1, after: ["Check": ["Succeeded"]]),
        ], run: .succeeded, steps: ["Check": "Succeeded", "Stop": "Succeeded", "After": "Skipped"], rule: "terminate"),
        ConformanceCase(name: "Terminate inside a loop stops further iterations", actions: [
            "Each": Def.foreach("@triggerBody()?['items']", ["Check": Def.condition(["equals": ["@items('Each')", 2]], yes: ["Stop": Def.terminate("Failed", code: "Two")])]),
            "After": Def.compose(1, after: ["Each": Def.all]),
        ], body: ["items": [1, 2, 3]], run: .failed, steps: ["Each": "Failed", "Stop": "Succeeded", "After": "Skipped"], rule: "terminate"),
        ConformanceCase(name: "Terminate cancels a parallel wait", actions: [
            "Long": Def.wait(seconds: 60), "Stop": Def.terminate("Failed", code: "Early"),
        ], run: .failed, steps: ["Long": "Cancelled", "Stop": "Succeeded"], rule: "terminate"),
    ]

    static let timeouts: [ConformanceCase] = [
        ConformanceCase(name: "a Wait over its timeout is TimedOut", actions: ["Pause": Def.wait(seconds: 3, timeout: "PT0.3S")],
                        run: .failed, steps: ["Pause": "TimedOut"], rule: "timeout"),
        ConformanceCase(name: "runAfter TimedOut handles a timeout", actions: [
            "Pause": Def.wait(seconds: 3, timeout: "PT0.3S"), "H": Def.compose(1, after: ["Pause": ["TimedOut"]]),
        ], run: .succeeded, steps: ["Pause": "TimedOut", "H": "Succeeded"], rule: "timeout"),
        ConformanceCase(name: "runAfter Failed does not cover TimedOut", actions: [
            "Pause": Def.wait(seconds: 3, timeout: "PT0.3S"), "H": Def.compose(1, after: ["Pause": ["Failed"]]),
        ], run: .failed, steps: ["Pause": "TimedOut", "H": "Skipped"], rule: "timeout"),
        ConformanceCase(name: "a Scope over its timeout is TimedOut; its running action is Cancelled, the rest Skipped", actions: [
            "Try": Def.scope(["Pause": Def.wait(seconds: 3), "Next": Def.compose(1, after: ["Pause": ["Succeeded"]])], extra: ["limit": ["timeout": "PT0.3S"]]),
            "Catch": Def.compose("caught", after: ["Try": ["Failed", "TimedOut"]]),
        ], run: .succeeded, steps: ["Try": "TimedOut", "Pause": "Cancelled", "Next": "Skipped", "Catch": "Succeeded"], rule: "timeout"),
        ConformanceCase(name: "an HTTP call over its timeout is TimedOut", actions: ["Get": Def.http("http://slow/3", timeout: "PT0.3S")],
                        run: .failed, steps: ["Get": "TimedOut"], rule: "timeout"),
        ConformanceCase(name: "a Foreach over its timeout is TimedOut", actions: [
            "Each": Def.action("Foreach", extra: ["foreach": "@triggerBody()?['items']", "actions": ["Pause": Def.wait(seconds: 2)], "limit": ["timeout": "PT0.3S"]]),
        ], body: ["items": [1, 2, 3]], run: .failed, steps: ["Each": "TimedOut", "Pause": "Cancelled"], rule: "timeout"),
    ]

    static let data: [ConformanceCase] = [
        ConformanceCase(name: "secure inputs and outputs still run", actions: [
            "Secret": Def.compose("s3cr3t", extra: ["runtimeConfiguration": ["secureData": ["properties": ["inputs", "outputs"]]]]),
            "Use": Def.compose("@length(outputs('Secret'))", after: ["Secret": ["Succeeded"]]),
        ], run: .succeeded, steps: ["Secret": "Succeeded", "Use": "Succeeded"], rule: "secure"),
        ConformanceCase(name: "result() lists a scope's actions", actions: [
            "Try": Def.scope(["A": Def.compose(1), "B": Def.fail(after: ["A": ["Succeeded"]])]),
            "Count": Def.compose("@length(result('Try'))", after: ["Try": ["Failed"]]),
        ], run: .succeeded, steps: ["Try": "Failed", "A": "Succeeded", "B": "Failed", "Count": "Succeeded"], rule: "result"),
        ConformanceCase(name: "result() items carry status, code and tracking ids", actions: [
            "Try": Def.scope(["A": Def.compose(1), "B": Def.fail(after: ["A": ["Succeeded"]])]),
            "Codes": Def.compose("@{result('Try')[1]['status']}/@{result('Try')[1]['code']}/@{empty(result('Try')[0]['trackingId'])}", after: ["Try": ["Failed"]]),
        ], run: .succeeded, steps: ["Try": "Failed", "Codes": "Succeeded"], rule: "result"),
        ConformanceCase(name: "actions() sees a failed action's status", actions: [
            "A": Def.fail(), "Status": Def.compose("@actions('A')['status']", after: ["A": ["Failed"]]),
        ], run: .succeeded, steps: ["A": "Failed", "Status": "Succeeded"], rule: "result"),
    ]
}
