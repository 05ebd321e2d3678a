import JoinupStore

/// What a click means on each part of one frame: the tabs, the filter pane's rows, the list's
/// tiles, the member rows. The layout pass measures them with the frame (`ScreenLayout`,
/// `TabBar.spans`, the list's tiles), so the mouse never works the layout out again.
public struct PointerTargets: Hashable, Sendable {
    /// A part of the screen and the command a click there issues.
    public struct Target: Hashable, Sendable {
        public var rect: Rect
        public var command: Command
    }

    public var targets: [Target] = []
    /// The screen shows only "too small": nothing answers the mouse.
    public var isTooSmall = false

    public init(targets: [Target] = [], isTooSmall: Bool = false) {
        self.targets = targets
        self.isTooSmall = isTooSmall
    }

    /// The command a click at (x, y) issues, nil where nothing answers.
    public func command(atX x: Int, y: Int) -> Command? {
        targets.first { $0.rect.contains(x: x, y: y) }?.command
    }
}

extension ScreenLayout {
    /// The click targets of the frame `state` draws on this screen. Overlays and the search line
    /// take the keys, so a click on what they cover answers nothing.
    public func pointerTargets(for state: AppState) -> PointerTargets {
        guard !isTooSmall else { return PointerTargets(isTooSmall: true) }
        // The collections browser on top takes the clicks on its rows.
        if case .picker(let browser) = state.modal {
            return PointerTargets(targets: CollectionsBrowserOverlay.pointerTargets(browser, width: width, height: height))
        }
        guard ![.help, .picker, .search, .linkChooser, .outbox].contains(state.focus) else { return PointerTargets() }
        var targets = TabBar.spans(state, in: tabBar).map { tab, columns in
            PointerTargets.Target(rect: Rect(x: columns.lowerBound, y: tabBar.y, width: columns.count, height: 1), command: .showTab(tab))
        }
        switch state.tab {
        case .overview:
            targets += facetTargets(state)
            if state.overview.openedItem == nil { targets += itemTargets(state) }
        case .members:
            targets += roleChipTargets(state)
            targets += memberTargets(state)
        case .about:
            break
        }
        return PointerTargets(targets: targets)
    }

    /// The filter pane's visible rows, scrolled as FacetList draws them (between its "↑ more"
    /// and "↓ more" lines).
    private func facetTargets(_ state: AppState) -> [PointerTargets.Target] {
        guard facetWidth > 0 else { return [] }
        let shown = FacetList.window(count: state.overview.facetRows.count, cursor: state.overview.facetCursor,
                                     height: facets.height)
        return (0..<shown.visible).map { offset in
            PointerTargets.Target(rect: Rect(x: facets.x, y: facets.y + shown.firstLine + offset, width: facets.width, height: 1),
                                  command: .pointAtFacet(shown.top + offset))
        }
    }

    /// The content list's two-line tiles, below its line of counts.
    private func itemTargets(_ state: AppState) -> [PointerTargets.Target] {
        let first = state.overview.cursor.scrollTop
        return (0..<ItemList.visibleItems(height: listContent.height)).filter { first + $0 < state.overview.itemCount }.map { slot in
            let y = listContent.y + 1 + slot * ItemList.linesPerItem
            return PointerTargets.Target(rect: Rect(x: list.x, y: y, width: list.width, height: min(ItemList.linesPerItem, body.maxY - y)),
                                         command: .pointAtItem(first + slot))
        }
    }

    /// The role chips on the Members count line, where MembersPane draws them.
    private func roleChipTargets(_ state: AppState) -> [PointerTargets.Target] {
        MembersPane.roleChips(state, in: membersContent).map { chip in
            PointerTargets.Target(rect: Rect(x: chip.columns.lowerBound, y: membersContent.y, width: chip.columns.count, height: 1),
                                  command: .pointAtRole(chip.role))
        }
    }

    /// The member rows, below the count line and the column headings.
    private func memberTargets(_ state: AppState) -> [PointerTargets.Target] {
        let top = membersContent.y + 2
        let first = state.members.cursor.scrollTop
        return (0..<max(0, body.maxY - top)).filter { state.members.members.indices.contains(first + $0) }.map { row in
            PointerTargets.Target(rect: Rect(x: body.x, y: top + row, width: body.width, height: 1), command: .pointAtMember(first + row))
        }
    }
}

extension Rect {
    /// Whether the cell at (x, y) is inside.
    func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < maxX && y >= self.y && y < maxY
    }
}
