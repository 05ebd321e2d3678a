import JoinupModel

/// One row of the Overview's filter pane: content types, event timing, then topics.
public enum FacetRow: Hashable, Sendable {
    case heading(String)
    case kind(ItemKind, count: Int, selected: Bool)
    /// Upcoming or Past under a selected Event; `count` nil until counted.
    case eventTiming(EventTiming, count: Int?, selected: Bool)
    case topic(FacetCount, selected: Bool)
    /// Only unread items, with how many there are under the other filters.
    case unread(count: Int, selected: Bool)

    /// Headings are drawn but never hold the cursor.
    public var isSelectable: Bool {
        if case .heading = self { return false }
        return true
    }
}

extension OverviewState {
    /// The filter pane's rows for the current counts and selection.
    ///
    /// Types show when they have items (or are selected); Upcoming/Past only while Event is
    /// selected; "Unread" closes the Type section while some item is unread (or it is selected); topics by Joinup's facet order, plus any selected topic the other filters
    /// brought to zero, so a selection can always be seen and undone.
    public var facetRows: [FacetRow] {
        var rows: [FacetRow] = []
        let kinds = ItemKind.allCases.filter { (kindCounts[$0] ?? 0) > 0 || filter.kinds.contains($0) }
        let showsUnread = unreadCount > 0 || filter.readState == .unread
        if !kinds.isEmpty || showsUnread {
            rows.append(.heading("Type"))
            for kind in kinds {
                rows.append(.kind(kind, count: kindCounts[kind] ?? 0, selected: filter.kinds.contains(kind)))
                if kind == .event && filter.kinds.contains(.event) {
                    for timing in EventTiming.allCases {
                        rows.append(.eventTiming(timing, count: eventTimingCounts[timing], selected: filter.eventTiming == timing))
                    }
                }
            }
            if showsUnread { rows.append(.unread(count: unreadCount, selected: filter.readState == .unread)) }
        }
        let topics = FacetRow.topics(facets, selected: filter.topicURIs, known: knownTopics)
        if !topics.isEmpty {
            rows.append(.heading("Topics"))
            rows += topics
        }
        return rows
    }
}

extension FacetRow {
    /// Topic rows in the facets' order, then each selected topic the other filters brought to
    /// zero (named from `known`), so a selection can always be seen and undone.
    public static func topics(_ facets: [FacetCount], selected: Set<String>, known: [String: Topic]) -> [FacetRow] {
        var topics = facets
        let shown = Set(facets.map(\.topic.uri))
        for uri in selected.sorted() where !shown.contains(uri) {
            if let topic = known[uri] { topics.append(FacetCount(topic: topic, count: 0)) }
        }
        return topics.map { .topic($0, selected: selected.contains($0.topic.uri)) }
    }
}
