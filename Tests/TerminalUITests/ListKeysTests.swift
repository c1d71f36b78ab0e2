import Testing
import TerminalUI

/// The list keys, the find line, anchored selections and the status bar's fitting by priority.
@Suite struct ListKeysTests {
    private let rows = (1...30).map { TableRow(id: "row-\($0)", ["Row \($0)"]) }

    @Test func everyListKeyMovesATable() {
        var table = Table(columns: [TableColumn("Name")])
        let moves: [(Key, String)] = [(.end, "row-30"), (.home, "row-1"), (.character("G"), "row-30"), (.character("g"), "row-1"), (.character("j"), "row-2"),
                                      (.down, "row-3"), (.character("k"), "row-2"), (.up, "row-1"), (.pageDown, "row-10"), (.pageUp, "row-1"),
                                      (.mouse(MouseEvent(x: 0, y: 0, button: .wheelDown)), "row-4")]
        for (key, expected) in moves {
            let handled = table.handle(key, rows: rows, height: 11)
            #expect(handled)
            #expect(table.selected(in: rows)?.id == expected, "after \(key)")
        }
    }

    @Test func selectionStaysOnItsRowWhenRowsArriveAbove() {
        var table = Table(columns: [TableColumn("Name")])
        _ = table.handle(.down, rows: rows, height: 10)
        let more = [TableRow(id: "new", ["New"])] + rows
        #expect(table.selected(in: more)?.id == "row-2")
        _ = table.handle(.down, rows: more, height: 10)
        #expect(table.selected(in: more)?.id == "row-3")
    }

    @Test func viewHoldsStillWhileRowsArriveAboveTheSelection() {
        var table = Table(columns: [TableColumn("Name")])
        for _ in 0..<3 { _ = table.handle(.down, rows: rows, height: 6) }
        var before = CellBuffer(size: Size(width: 20, height: 6))
        table.render(rows, into: &before, rect: before.bounds, theme: .plain)
        let more = (1...2).map { TableRow(id: "new-\($0)", ["New \($0)"]) } + rows
        var after = CellBuffer(size: Size(width: 20, height: 6))
        table.render(more, into: &after, rect: after.bounds, theme: .plain)
        #expect(before.text == after.text)
        _ = table.handle(.down, rows: more, height: 6)
        #expect(table.selected(in: more)?.id == "row-5")
    }

    @Test func renderingKeepsTheScrollThatKeysSet() {
        var table = Table(columns: [TableColumn("Name")])
        for _ in 0..<15 { _ = table.handle(.down, rows: rows, height: 6) }
        var first = CellBuffer(size: Size(width: 20, height: 6))
        table.render(rows, into: &first, rect: first.bounds, theme: .plain)
        _ = table.handle(.up, rows: rows, height: 6)
        var second = CellBuffer(size: Size(width: 20, height: 6))
        table.render(rows, into: &second, rect: second.bounds, theme: .plain)
        #expect(first.line(1) == second.line(1))
        #expect(second.text.contains("›Row 15"))
    }

    @Test func findNarrowsAndLettersNeverMove() {
        var table = Table(columns: [TableColumn("Name")])
        table.startFind()
        for key: Key in [.character("2"), .character("j")] {
            let handled = table.handle(key, rows: rows, height: 10)
            #expect(handled)
        }
        #expect(table.find.text == "2j")
        #expect(table.shown(rows).isEmpty)
        _ = table.handle(.backspace, rows: rows, height: 10)
        #expect(table.shown(rows).map(\.id) == ["row-2", "row-12", "row-20", "row-21", "row-22", "row-23", "row-24", "row-25", "row-26", "row-27", "row-28", "row-29"])
        _ = table.handle(.enter, rows: rows, height: 10)
        _ = table.handle(.character("j"), rows: rows, height: 10)
        #expect(table.selected(in: rows)?.id == "row-12")
        _ = table.handle(.escape, rows: rows, height: 10)
        #expect(table.find.text.isEmpty)
        #expect(table.shown(rows).count == 30)
    }

    @Test func menuFindSelectsByTitleOrDetail() {
        var menu = MenuList(items: [MenuItem("Data"), MenuItem("Admin", detail: "Connections"), MenuItem("Flows")])
        menu.find.start()
        for key: Key in [.character("c"), .character("o"), .character("n")] { _ = menu.handle(key) }
        #expect(menu.selectedIndex == 1)
        #expect(menu.visible == [1])
    }

    @Test func filterableListNeverMatchesGroupHeadings() {
        var list = FilterableList(items: [ListItem("Segment name", group: "When a segment crosses a threshold"),
                                          ListItem("Threshold", group: "When a segment crosses a threshold")], typeToFilter: true)
        for character in "threshold" { _ = list.handle(.character(character)) }
        #expect(list.matches == [1])
    }

    @Test func statusBarFitsByPriorityAndDropsTheOptionalNoteFirst() {
        let hints = [KeyHint("Enter", "open", priority: 2), KeyHint("x", "export", priority: 9), KeyHint("Esc", "back", priority: 1),
                     KeyHint("S", "reverse", priority: nil)]
        #expect(StatusBar.fit(hints, width: 22).map(\.key) == ["Enter", "Esc"])
        #expect(StatusBar.fit(hints, width: 200).map(\.key) == ["Enter", "x", "Esc"])
        var narrow = CellBuffer(size: Size(width: 42, height: 1))
        StatusBar.render(hints, note: "? help", optional: "embedded runner", into: &narrow, screen: narrow.bounds, theme: .plain)
        #expect(narrow.line(0).contains(" x export"))
        #expect(!narrow.line(0).contains("embedded runner"))
        var wide = CellBuffer(size: Size(width: 80, height: 1))
        StatusBar.render(hints, note: "? help", optional: "embedded runner", into: &wide, screen: wide.bounds, theme: .plain)
        #expect(wide.line(0).contains("embedded runner"))
    }

    @Test func dialogIsWideEnoughForItsButtons() {
        var buffer = CellBuffer(size: Size(width: 80, height: 12))
        Dialog(title: "Add a connection", message: "Which kind?", buttons: ["teams", "smtp", "http", "outbox", "Cancel"])
            .render(into: &buffer, area: buffer.bounds, theme: .plain)
        #expect(buffer.text.contains("[ outbox ] [ Cancel ]"))
    }

    @Test func findHighlightsTheMatch() {
        var table = Table(columns: [TableColumn("Name")])
        table.startFind()
        for character in "ow 1" { _ = table.handle(.character(character), rows: rows, height: 10) }
        var buffer = CellBuffer(size: Size(width: 20, height: 10))
        table.render(rows, into: &buffer, rect: buffer.bounds, theme: .plain)
        #expect(buffer.line(2).hasPrefix("›Row 1"))
        #expect(buffer[2, 2].style.attributes.contains(.underline))
        #expect(!buffer[1, 2].style.attributes.contains(.underline))
    }
}


/// The filter ranks name-prefix matches, then name-contains matches, then description matches.
@Suite struct FilterRankingTests {
    @Test func namePrefixThenNameThenDescription() {
        var list = FilterableList(items: [
            ListItem("Get items from an entity", detail: "Read rows of an entity, with filter, select, order, top and skip.", group: "Customer Insights"),
            ListItem("Compose", detail: "Build a value", group: "Data"),
            ListItem("Deselect all", detail: "", group: "Data"),
            ListItem("Select", detail: "Map each item of an array", group: "Data"),
        ], typeToFilter: true)
        for character in "select" { _ = list.handle(.character(character)) }
        #expect(list.matches == [3, 2, 0])
        #expect(list.selectedItemIndex == 3)
    }
}
