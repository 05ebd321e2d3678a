import JoinupModel
import JoinupStore

/// The collections browser (`c`): a box over the screen with the topic facet on the left (as the
/// Overview's filter pane draws it), the search field and the collections with their markers on
/// the right, and the selected collection's abstract below.
enum CollectionsBrowserOverlay {
    /// Where the parts go on a screen of a given size; hit-testing and the viewport use it too.
    struct Geometry {
        static let detailHeight = 3
        let box: Rect
        let inner: Rect
        let topicsWidth: Int

        init(width: Int, height: Int) {
            // The header's first line and the status line stay visible around the box.
            box = Rect(x: 1, y: 1, width: max(0, width - 2), height: max(0, height - 2))
            inner = box.inset(left: 1, top: 1, right: 1, bottom: 1)
            topicsWidth = inner.width >= 90 ? 30 : inner.width >= 60 ? 24 : 0
        }

        /// The abstract shows when there is room for it under a useful list.
        var hasDetail: Bool { inner.height >= 14 }
        /// Collections (and topics) shown at once.
        var rows: Int { max(1, inner.height - 1 - (hasDetail ? Self.detailHeight : 0)) }
        var heading: Rect { inner.row(0) }
        var topics: Rect { Rect(x: inner.x, y: inner.y + 1, width: topicsWidth, height: rows) }
        var list: Rect {
            let left = topicsWidth > 0 ? topicsWidth + 1 : 0
            return Rect(x: inner.x + left, y: inner.y + 1, width: max(0, inner.width - left), height: rows)
        }
        var detail: Rect { Rect(x: list.x, y: list.maxY, width: list.width, height: hasDetail ? Self.detailHeight : 0) }
    }

    static func render(_ browser: CollectionsBrowser, openURI: String?, account: AccountState = AccountState(),
                       on surface: inout some Surface) {
        let geometry = Geometry(width: surface.width, height: surface.height)
        guard geometry.inner.width >= 20, geometry.inner.height >= 3 else { return }
        BoxFrame.draw(geometry.box, title: browser.isDirectory || browser.entries == nil
                      ? " Collections " : " Cached collections ", on: &surface)
        renderHeading(browser, geometry: geometry, on: &surface)
        if geometry.topicsWidth > 0 {
            let topics = geometry.topics
            FacetList.render(browser.topicRows, cursor: browser.topicCursor, focused: browser.focus == .pickerTopics,
                             in: topics, on: &surface)
            for y in geometry.inner.y..<geometry.inner.maxY {
                surface.put("│", x: topics.maxX, y: y, style: .border)
            }
        }
        renderList(browser, current: openURI, account: account, in: geometry.list, on: &surface)
        if geometry.hasDetail, let entry = browser.selected {
            renderDetail(entry, in: geometry.detail, on: &surface)
        }
    }

    /// What a click means while the browser is open: a row of the list or of the topic facet.
    static func pointerTargets(_ browser: CollectionsBrowser, width: Int, height: Int) -> [PointerTargets.Target] {
        let geometry = Geometry(width: width, height: height)
        let top = listTop(browser, rows: geometry.rows)
        var targets = (0..<geometry.rows).filter { browser.shown.indices.contains(top + $0) }.map { line in
            PointerTargets.Target(rect: Rect(x: geometry.list.x, y: geometry.list.y + line, width: geometry.list.width, height: 1),
                                  command: .pointAtCollection(top + line))
        }
        if geometry.topicsWidth > 0 {
            let rows = browser.topicRows
            let shown = FacetList.window(count: rows.count, cursor: browser.topicCursor, height: geometry.rows)
            targets += (0..<shown.visible).map { offset in
                PointerTargets.Target(rect: Rect(x: geometry.topics.x, y: geometry.topics.y + shown.firstLine + offset,
                                                 width: geometry.topics.width, height: 1),
                                      command: .pointAtCollectionTopic(shown.top + offset))
            }
        }
        return targets
    }

    /// "archived · member · 12 items": what a row says about a collection besides its title
    /// (a request waiting in the outbox too: "pending · leave queued").
    static func markers(_ entry: CollectionsBrowser.Entry, syncing: Bool, queued: MembershipActionKind? = nil) -> String {
        let collection = entry.collection
        var parts = [collection.isArchived ? "archived" : collection.isClosed ? "closed" : "open"]
        if !entry.listing.isPublished { parts.append("unlisted") }
        switch entry.listing.membership {
        case .active?, .owner?: parts.append("member")
        case .pending?: parts.append("pending")
        case .blocked?: parts.append("blocked")
        case .none?, nil: break
        }
        if let queued { parts.append(MembershipWording.queued(queued, short: true).lowercased()) }
        if syncing {
            parts.append("syncing…")
        } else if let count = entry.itemCount {
            parts.append("\(count) \(count == 1 ? "item" : "items")")
            if entry.unreadCount > 0 { parts.append("\(entry.unreadCount) unread") }
        } else {
            parts.append("not synced")
        }
        return parts.joined(separator: " · ")
    }

    // MARK: - Parts

    /// "Topics" over the facet; the search field and "3 of 12 collections" over the list.
    private static func renderHeading(_ browser: CollectionsBrowser, geometry: Geometry, on surface: inout some Surface) {
        let heading = geometry.heading
        if geometry.topicsWidth > 0 {
            surface.put("Topics", x: heading.x + 1, y: heading.y, maxWidth: geometry.topicsWidth - 1, style: .detailLabel)
        }
        let area = Rect(x: geometry.list.x + 1, y: heading.y, width: max(0, geometry.list.width - 2), height: 1)
        guard let entries = browser.entries else { return }
        let count = browser.shown.count == entries.count
            ? "\(entries.count) \(entries.count == 1 ? "collection" : "collections")"
            : "\(browser.shown.count) of \(entries.count) collections"
        let countWidth = min(TextWidth.width(count), area.width / 2)
        surface.put(count, x: area.maxX - countWidth, y: area.y, maxWidth: countWidth, style: .dim)
        let room = max(0, area.width - countWidth - 2)
        let prompt = "/ "
        if browser.isSearching || !browser.search.isEmpty {
            // The end of a long search stays visible: that is where the typing happens.
            var text = TerminalText.line(browser.search)
            while TextWidth.width(text) > max(0, room - 3), !text.isEmpty { text.removeFirst() }
            let x = surface.put(prompt, x: area.x, y: area.y, style: .statusBusy)
            let end = surface.put(text, x: x, y: area.y, maxWidth: max(0, area.maxX - x), style: .detailTitle)
            if browser.isSearching { surface.put("▏", x: end, y: area.y, style: .statusBusy) }
        } else {
            surface.put("/ search titles and abstracts", x: area.x, y: area.y, maxWidth: room, style: .dim)
        }
    }

    private static func renderList(_ browser: CollectionsBrowser, current: String?, account: AccountState, in rect: Rect,
                                   on surface: inout some Surface) {
        let content = rect.inset(left: 1, right: 1)
        guard let entries = browser.entries else {
            surface.put("Loading…", x: content.x, in: content, row: 0, style: .dim)
            return
        }
        guard !browser.shown.isEmpty else {
            let message = entries.isEmpty ? "No collections yet: run joinup sync --remote URL." : "No collection matches."
            surface.put(message, x: content.x, in: content, row: 0, style: .dim)
            return
        }
        let shown = browser.shownEntries
        let top = listTop(browser, rows: rect.height)
        let focused = browser.focus == .picker
        for line in 0..<rect.height {
            let index = top + line
            guard index < shown.count else { break }
            let entry = shown[index]
            let selected = index == browser.cursor.selection
            let row = Rect(x: rect.x, y: rect.y + line, width: rect.width, height: 1)
            let highlighted = selected && focused
            if highlighted { surface.fill(row, style: .selectedRow) }
            let style: Style = highlighted ? .selectedRow : selected ? .detailTitle : .listRow
            let markers = self.markers(entry, syncing: browser.syncing?.uri == entry.collection.uri,
                                       queued: account.queued(for: entry.collection.uri))
            let markerWidth = min(TextWidth.width(markers), content.width / 2)
            surface.put(entry.collection.uri == current ? "•" : " ", x: content.x, y: row.y, style: style)
            let titleRoom = max(0, content.width - 2 - markerWidth - 1)
            surface.put(TextWidth.truncate(TerminalText.line(entry.collection.title), to: titleRoom), x: content.x + 2,
                        y: row.y, maxWidth: titleRoom, style: style)
            surface.put(markers, x: content.maxX - markerWidth, y: row.y, maxWidth: markerWidth,
                        style: highlighted ? .selectedRow : .dim)
        }
    }

    /// A rule, then the selected collection's abstract on two lines.
    private static func renderDetail(_ entry: CollectionsBrowser.Entry, in rect: Rect, on surface: inout some Surface) {
        surface.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: .border)
        let content = rect.inset(left: 1, top: 1, right: 1)
        let abstract = TerminalText.line(entry.collection.abstract)
        guard !abstract.isEmpty else {
            surface.put("No abstract.", x: content.x, in: content, row: 0, style: .dim)
            return
        }
        var lines = TextWidth.wrap(abstract, width: content.width)
        if lines.count > content.height {
            lines = Array(lines.prefix(content.height))
            lines[lines.count - 1] = TextWidth.truncate(lines[lines.count - 1] + " …", to: content.width)
        }
        for (row, line) in lines.enumerated() {
            surface.put(line, x: content.x, in: content, row: row, style: .listRow)
        }
    }

    /// The list's first row on screen, as the cursor scrolled it.
    private static func listTop(_ browser: CollectionsBrowser, rows: Int) -> Int {
        min(browser.cursor.scrollTop, max(0, browser.shown.count - rows))
    }
}
