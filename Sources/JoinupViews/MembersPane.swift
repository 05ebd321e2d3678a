import JoinupModel
import JoinupStore

/// The Members tab: the member count, column headings, then one row per member.
enum MembersPane {
    /// Column widths: name, business title (only on wide screens), organisation, roles.
    struct Columns: Equatable {
        var name: Int
        var title: Int
        var organisation: Int
        var roles: Int

        init(width: Int) {
            roles = min(20, max(0, width / 4))
            let showsTitle = width >= 70
            let rest = width - roles - (showsTitle ? 3 : 2)
            if showsTitle {
                name = rest * 30 / 100
                title = rest * 33 / 100
                organisation = rest - name - title
            } else {
                name = rest * 45 / 100
                title = 0
                organisation = rest - name
            }
        }

        /// Each column's text in display order, with the gaps between them.
        func cells(_ name: String, _ title: String, _ organisation: String, _ roles: String) -> [(String, Int)] {
            var cells = [(name, self.name)]
            if self.title > 0 { cells.append((title, self.title)) }
            cells.append((organisation, self.organisation))
            cells.append((roles, self.roles))
            return cells
        }
    }

    /// Columns kept free at the right of the count line for the position ("12/59").
    static let positionRoom = 8

    /// "All  Owners 1  Facilitators 2  Members 56" after the member count: the roles someone
    /// holds, each with the columns it takes (drawing and clicks both use them); those that
    /// don't fit are left out.
    static func roleChips(_ state: AppState, in rect: Rect) -> [(text: String, role: Role?, columns: Range<Int>)] {
        let members = state.members
        guard !members.roleCounts.isEmpty || members.role != nil else { return [] }
        let countLabel = state.header?.memberCountLabel ?? "\(members.members.count) members"
        let chips: [(String, Role?)] = [("All", nil)] + members.rolesWithMembers.map { role in
            ("\(role.label) \(members.roleCounts[role] ?? 0)", role)
        }
        var result: [(text: String, role: Role?, columns: Range<Int>)] = []
        var x = rect.x + TextWidth.width(countLabel) + 3
        for (text, role) in chips {
            let width = TextWidth.width(text)
            guard x + width <= rect.maxX - positionRoom else { break }
            result.append((text, role, x..<(x + width)))
            x += width + 2
        }
        return result
    }

    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        guard !rect.isEmpty else { return }
        let members = state.members
        let countLabel = state.header?.memberCountLabel ?? "\(members.members.count) members"
        var countEnd = surface.put(countLabel, x: rect.x, in: rect, row: 0, style: .detailLabel)
        // The role filter (f cycles it, a click chooses) with counts, the chosen one highlighted,
        // then the name search.
        let chips = roleChips(state, in: rect)
        for chip in chips {
            surface.put(chip.text, x: chip.columns.lowerBound, in: rect, row: 0, style: chip.role == members.role ? .tabActive : .dim)
        }
        if let last = chips.last { countEnd = last.columns.upperBound }
        if !members.nameQuery.isEmpty {
            let query = "names with “\(TerminalText.line(members.nameQuery))”"
            if countEnd + 3 + TextWidth.width(query) <= rect.maxX - positionRoom {
                countEnd = surface.put(query, x: countEnd + 3, in: rect, row: 0, style: .statusBusy)
            }
        }
        if members.members.isEmpty && (members.role != nil || !members.nameQuery.isEmpty) {
            surface.put("No member matches. Press x to clear the filters.", x: rect.x, in: rect, row: 2, style: .dim)
            return
        }
        if let header = state.header, !header.membersPublished, members.members.isEmpty {
            surface.put("The remote this collection was synced from does not publish its members.",
                        x: rect.x, in: rect, row: 2, style: .dim)
            return
        }
        if !members.members.isEmpty {
            // Where the cursor is, so a long list never leaves the reader guessing.
            let position = "\(members.cursor.selection + 1)/\(members.members.count)"
            let width = TextWidth.width(position)
            if countEnd + 2 + width <= rect.maxX {
                surface.put(position, x: rect.maxX - width, in: rect, row: 0, style: .dim)
            }
        }
        let columns = Columns(width: rect.width)
        drawRow(columns.cells("Name", "Business title", "Organisation", "Roles"), style: .dim, in: rect.row(1), on: &surface)
        for row in 0..<max(0, rect.height - 2) {
            let index = members.cursor.scrollTop + row
            guard index < members.members.count else { break }
            let member = members.members[index]
            let line = rect.row(row + 2)
            let selected = index == members.cursor.selection
            if selected {
                surface.fill(Rect(x: line.x - 1, y: line.y, width: line.width + 2, height: 1), style: .selectedRow)
            }
            let roles = member.roles.sorted().map(\.label).joined(separator: ", ")
            drawRow(columns.cells(member.name, member.businessTitle, member.organisation, roles),
                    style: selected ? .selectedRow : .listRow, in: line, on: &surface)
        }
    }

    private static func drawRow(_ cells: [(String, Int)], style: Style, in line: Rect, on surface: inout some Surface) {
        var x = line.x
        for (text, width) in cells {
            if width > 0 {
                surface.put(TextWidth.truncate(TerminalText.line(text), to: width), x: x, in: line, row: 0, style: style)
            }
            x += width + 1
        }
    }
}
