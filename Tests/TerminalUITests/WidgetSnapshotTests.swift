import Testing
import TerminalUI

@Suite struct WidgetSnapshotTests {
    private let size = Size(width: 50, height: 12)

    @Test func menuWithScrollAndDetails() {
        var menu = MenuList(items: (1...15).map { MenuItem("Item \($0)", detail: "detail \($0)") }, titleWidth: 12)
        for _ in 0..<12 { _ = menu.handle(.down, height: 8) }
        var buffer = CellBuffer(size: size)
        menu.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 30, height: 8), theme: .plain)
        expectSnapshot(buffer, "menu-scrolled")
        #expect(menu.selected?.title == "Item 13")
    }

    @Test func filterableListGroupsAndFilters() {
        var list = FilterableList(items: [
            ListItem("Post a message in a Teams channel", group: "Notifications"), ListItem("Send an email", group: "Notifications"),
            ListItem("Condition", group: "Control"), ListItem("Delay", group: "Control"), ListItem("HTTP", group: "HTTP"),
        ], typeToFilter: true)
        for key: Key in [.character("e"), .character("m")] { _ = list.handle(key) }
        #expect(list.matches == [1])
        _ = list.handle(.backspace)
        _ = list.handle(.down)
        var buffer = CellBuffer(size: size)
        list.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 50, height: 10), theme: .plain)
        expectSnapshot(buffer, "filterable-list")
    }

    @Test func tableTilesDialogStatusAndBreadcrumb() {
        var table = Table(columns: [TableColumn("Name"), TableColumn("State", width: 5)])
        let rows = [TableRow(id: "teams", ["Teams alert", "On"]), TableRow(id: "email", ["Email owners", "Off"])]
        table.sortColumn = 0
        _ = table.handle(.down, rows: rows, height: 3)
        var buffer = CellBuffer(size: Size(width: 60, height: 20))
        Breadcrumb.render(["InsightFlow", "Admin", "Export destinations"], into: &buffer, screen: buffer.bounds, theme: .plain)
        table.render(rows, into: &buffer, rect: Rect(x: 0, y: 1, width: 30, height: 3), theme: .plain)
        TileGrid(tiles: [MenuItem("Power Automate", detail: "Configure flows"), MenuItem("Teams", detail: "soon", isEnabled: false)], tileWidth: 18, tileHeight: 4)
            .render(into: &buffer, rect: Rect(x: 0, y: 5, width: 60, height: 4), theme: .plain)
        Checkbox("Turn on", isChecked: true).render(into: &buffer, rect: Rect(x: 40, y: 1, width: 20, height: 1), theme: .plain, focused: false)
        ChoiceList(options: ["Second", "Minute"], selected: 1).render(into: &buffer, rect: Rect(x: 40, y: 2, width: 20, height: 1), theme: .plain, focused: false)
        Dialog(title: "Unsaved changes", message: "Save the changes to Teams alert?", buttons: ["Save", "Discard", "Cancel"])
            .render(into: &buffer, area: Rect(x: 0, y: 9, width: 60, height: 9), theme: .plain)
        StatusBar.render([KeyHint("Enter", "open"), KeyHint("Esc", "back"), KeyHint("?", "help")], note: "80x24", into: &buffer, screen: buffer.bounds, theme: .plain)
        expectSnapshot(buffer, "widgets-assorted")
    }

    @Test func dialogChoosesByLetterAndCancelsOnEscape() {
        var dialog = Dialog(title: "Delete", message: "Delete?", buttons: ["Delete", "Cancel"])
        #expect(dialog.handle(.character("c")) == .chose(1))
        #expect(dialog.handle(.right) == .pending)
        #expect(dialog.handle(.enter) == .chose(1))
        #expect(dialog.handle(.escape) == .cancelled)
    }

    @Test func tileGridMovesByRowsAndColumns() {
        var grid = TileGrid(tiles: (1...5).map { MenuItem("T\($0)") }, tileWidth: 10)
        #expect(grid.columns(width: 33) == 3)
        _ = grid.handle(.down, width: 33)
        #expect(grid.selected == 3)
        _ = grid.handle(.right, width: 33)
        _ = grid.handle(.down, width: 33)
        #expect(grid.selected == 4)
    }
}
