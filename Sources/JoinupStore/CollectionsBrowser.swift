import JoinupCache
import JoinupModel

/// Everything the collections browser lists, as one cache read gave it: the directory's
/// collections (synced or not) with its topic vocabulary, or the cached collections when no
/// directory was ever read.
public struct CollectionCatalog: Hashable, Sendable {
    public var listings: [DirectoryListing]
    /// The directory's topic vocabulary (categories and terms); empty without a directory.
    public var topics: [Topic]
    /// Items in the cache per synced collection URI.
    public var itemCounts: [String: Int]
    /// False: the listings are the cached collections (no directory was ever read).
    public var isDirectory: Bool
    /// Unread items per synced collection URI.
    public var unreadCounts: [String: Int]

    public init(listings: [DirectoryListing], topics: [Topic] = [], itemCounts: [String: Int] = [:], isDirectory: Bool,
                unreadCounts: [String: Int] = [:]) {
        self.unreadCounts = unreadCounts
        self.listings = listings
        self.topics = topics
        self.itemCounts = itemCounts
        self.isDirectory = isDirectory
    }

    /// The cached collections as listings (all synced, no topics, with the user's membership of
    /// each as last learnt): the browser before any directory.
    public static func cached(_ collections: [CachedCollection], memberships: [String: MyMembership] = [:]) -> CollectionCatalog {
        CollectionCatalog(
            listings: collections.map {
                DirectoryListing(collection: DirectoryCollection(uri: $0.uri, alias: $0.alias, title: $0.title),
                                 isPublished: true, isSynced: true, membership: memberships[$0.uri])
            },
            itemCounts: Dictionary(collections.map { ($0.uri, $0.itemCount) }) { first, _ in first }, isDirectory: false,
            unreadCounts: Dictionary(collections.map { ($0.uri, $0.unreadCount) }) { first, _ in first })
    }
}

/// The collections browser (`c`): every collection of the directory, narrowed by topics (OR, by
/// URI, with Joinup's facet counts) and by words of the title or abstract; a value with pure
/// transitions, so the reducer only wires it to the app.
public struct CollectionsBrowser: Hashable, Sendable {
    /// Which side has the keys: the topic facet or the list of collections.
    public enum Pane: Hashable, Sendable { case list, topics }

    /// One collection as the browser filters it: the listing, with its folded search text and the
    /// topic URIs it counts under (its own and their categories) worked out once.
    public struct Entry: Hashable, Sendable {
        public var listing: DirectoryListing
        /// Items in the cache; nil when never synced.
        public var itemCount: Int?
        /// Of those, the ones not read.
        public var unreadCount: Int = 0
        let searchKey: String
        let effectiveTopics: Set<String>

        public var collection: DirectoryCollection { listing.collection }
    }

    /// What a key did to the browser, for the app around it.
    public enum Choice: Hashable, Sendable {
        case stay
        case close
        /// Show this synced collection.
        case open(uri: String)
        /// Sync this never-synced collection, then show it.
        case sync(DirectoryCollection)
    }

    /// What the cache listed; nil until it has answered.
    public internal(set) var catalog: CollectionCatalog? {
        didSet { index() }
    }
    /// Selected topic URIs (a collection carrying any of them is listed).
    public internal(set) var selectedTopics: Set<String> = [] {
        didSet { select() }
    }
    /// Words every listed collection's title or abstract holds.
    public internal(set) var search = "" {
        didSet { select() }
    }
    /// The search field has the keys.
    public internal(set) var isSearching = false
    public internal(set) var pane: Pane = .list
    public internal(set) var cursor = ListCursor()
    public internal(set) var topicCursor = ListCursor()
    /// The collection being synced before it opens, if any.
    public internal(set) var syncing: DirectoryCollection?

    /// What follows from the catalog, the topics and the search: kept, so a key press or a frame
    /// does not refold thousands of titles; left out of equality (it is a function of the rest).
    private var derived = Derived()

    private struct Derived: Sendable {
        var entries: [Entry]?
        var vocabulary: [String: Topic] = [:]
        /// Indices into `entries` of the collections shown, by title.
        var shown: [Int] = []
        /// The topic facet over the searched collections (ignoring the topic selection itself).
        var topicCounts: [FacetCount] = []
    }

    public init(catalog: CollectionCatalog? = nil) {
        self.catalog = catalog
        index()  // didSet does not run in an initialiser
    }

    public static func == (a: CollectionsBrowser, b: CollectionsBrowser) -> Bool {
        a.catalog == b.catalog && a.selectedTopics == b.selectedTopics && a.search == b.search
            && a.isSearching == b.isSearching && a.pane == b.pane && a.cursor == b.cursor
            && a.topicCursor == b.topicCursor && a.syncing == b.syncing
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(catalog)
        hasher.combine(selectedTopics)
        hasher.combine(search)
        hasher.combine(isSearching)
        hasher.combine(pane)
        hasher.combine(cursor)
        hasher.combine(topicCursor)
        hasher.combine(syncing)
    }

    /// Every entry of the catalog, in its order; nil until the cache has answered.
    public var entries: [Entry]? { derived.entries }
    public var vocabulary: [String: Topic] { derived.vocabulary }
    /// Indices into `entries` of the collections shown.
    public var shown: [Int] { derived.shown }
    /// The topic facet over the searched collections (ignoring the topic selection itself).
    public var topicCounts: [FacetCount] { derived.topicCounts }
    /// False when the catalog is the cached collections (no directory was ever read).
    public var isDirectory: Bool { catalog?.isDirectory ?? false }

    /// The region with the keys, for the key map.
    public var focus: Focus {
        if isSearching { return .search }
        return pane == .topics ? .pickerTopics : .picker
    }

    /// The collections shown, in order.
    public var shownEntries: [Entry] {
        guard let entries else { return [] }
        return shown.map { entries[$0] }
    }

    /// The collection under the cursor.
    public var selected: Entry? {
        guard let entries, shown.indices.contains(cursor.selection) else { return nil }
        return entries[shown[cursor.selection]]
    }

    /// The facet's rows: the counts in Joinup's order, then any selected topic the search brought
    /// to zero, so a selection can always be seen and undone.
    public var topicRows: [FacetRow] {
        FacetRow.topics(topicCounts, selected: selectedTopics, known: vocabulary)
    }

    /// Takes a fresh read of the catalog, keeping the selection on the same collection when it is
    /// still listed (else on `current`, the collection on screen).
    public mutating func load(_ catalog: CollectionCatalog, current: String?, rows: Int) {
        let keep = selected?.collection.uri ?? current
        self.catalog = catalog
        let known = selectedTopics.filter { vocabulary[$0] != nil }
        if known != selectedTopics { selectedTopics = known }
        refresh(keeping: keep, rows: rows)
    }

    /// Keeps both cursors in view after the screen changed size.
    public mutating func fit(rows: Int) {
        cursor = cursor.moved(to: cursor.selection, count: shown.count, rows: rows)
        topicCursor = topicCursor.moved(to: topicCursor.selection, count: topicRows.count, rows: Self.topicPage(rows))
    }

    /// Handles one command; `rows` is how many collections (and topics) the overlay shows at once.
    public mutating func handle(_ command: Command, rows: Int) -> Choice {
        if isSearching { return handleSearch(command, rows: rows) }
        switch command {
        case .back where pane == .topics, .focusList:
            pane = .list
        case .back, .toggleCollectionPicker:
            return .close
        case .focusFilters:
            guard !topicRows.isEmpty else { return .stay }
            pane = .topics
        case .startSearch:
            isSearching = true
            pane = .list
        case .clearFilters:
            let keep = selected?.collection.uri
            selectedTopics = []
            search = ""
            refresh(keeping: keep, rows: rows)
        case .toggleFilter:
            toggleTopic(at: topicCursor.selection, rows: rows)
        case .open where pane == .topics:
            toggleTopic(at: topicCursor.selection, rows: rows)
        case .open:
            return choose()
        default:
            move(command, rows: rows)
        }
        return .stay
    }

    /// A click on the list's row `index`: selects it, or chooses it when already selected.
    public mutating func point(atCollection index: Int, rows: Int) -> Choice {
        guard shown.indices.contains(index) else { return .stay }
        isSearching = false
        pane = .list
        if index == cursor.selection { return choose() }
        cursor = cursor.moved(to: index, count: shown.count, rows: rows)
        return .stay
    }

    /// A click on the facet's row `index`: toggles that topic.
    public mutating func point(atTopic index: Int, rows: Int) {
        guard topicRows.indices.contains(index) else { return }
        isSearching = false
        pane = .topics
        topicCursor = topicCursor.moved(to: index, count: topicRows.count, rows: Self.topicPage(rows))
        toggleTopic(at: index, rows: rows)
    }

    // MARK: - Transitions

    /// Topic rows in view at once: the facet keeps its last line for "↓ N more" when it overflows.
    static func topicPage(_ rows: Int) -> Int { max(1, rows - 1) }

    private mutating func choose() -> Choice {
        guard let entry = selected, syncing == nil else { return .stay }
        return entry.listing.isSynced ? .open(uri: entry.collection.uri) : .sync(entry.collection)
    }

    private mutating func handleSearch(_ command: Command, rows: Int) -> Choice {
        let keep = selected?.collection.uri
        switch command {
        case .typed(let character):
            search.append(character)
        case .deleteBackward:
            guard !search.isEmpty else { return .stay }
            search.removeLast()
        case .submitSearch:
            isSearching = false
            return .stay
        case .cancelSearch, .back:
            isSearching = false
            search = ""
        default:
            return .stay
        }
        refresh(keeping: keep, rows: rows)
        return .stay
    }

    private mutating func toggleTopic(at index: Int, rows: Int) {
        let topicRows = self.topicRows
        guard topicRows.indices.contains(index), case .topic(let facet, _) = topicRows[index] else { return }
        let keep = selected?.collection.uri
        selectedTopics.formSymmetricDifference([facet.topic.uri])
        refresh(keeping: keep, rows: rows)
    }

    private mutating func move(_ command: Command, rows: Int) {
        let count = pane == .topics ? topicRows.count : shown.count
        let current = pane == .topics ? topicCursor : cursor
        guard let target = target(of: command, from: current.selection, count: count, page: rows) else { return }
        if pane == .topics {
            topicCursor = current.moved(to: target, count: count, rows: Self.topicPage(rows))
        } else {
            cursor = current.moved(to: target, count: count, rows: rows)
        }
    }

    /// Moves the cursors after what is shown changed, keeping the selection on `uri` when still shown.
    private mutating func refresh(keeping uri: String?, rows: Int) {
        let target = uri.flatMap { uri in shown.firstIndex { entries?[$0].collection.uri == uri } } ?? 0
        cursor = cursor.moved(to: target, count: shown.count, rows: rows)
        topicCursor = topicCursor.moved(to: topicCursor.selection, count: topicRows.count, rows: Self.topicPage(rows))
        if topicRows.isEmpty { pane = .list }
    }

    /// Folds every title and abstract and works out each collection's topics, once per catalog.
    private mutating func index() {
        guard let catalog else {
            derived = Derived()
            return
        }
        let vocabulary = Dictionary(catalog.topics.map { ($0.uri, $0) }) { first, _ in first }
        derived.vocabulary = vocabulary
        derived.entries = catalog.listings.map { listing in
            let c = listing.collection
            return Entry(listing: listing, itemCount: listing.isSynced ? catalog.itemCounts[c.uri] ?? 0 : nil,
                         unreadCount: catalog.unreadCounts[c.uri] ?? 0, searchKey: TextFolding.fold(c.title + "\n" + c.abstract),
                         effectiveTopics: FacetRules.effectiveTopics(of: c.topicURIs, in: vocabulary))
        }
        select()
    }

    /// The collections the search and the topics select, and the facet over the searched ones.
    private mutating func select() {
        guard let entries = derived.entries else { return }
        let words = TextFolding.fold(search).split(whereSeparator: \.isWhitespace).map(String.init)
        let searched = entries.indices.filter { index in words.allSatisfy { entries[index].searchKey.contains($0) } }
        derived.topicCounts = FacetRules.counts(items: searched.map { entries[$0].collection.topicURIs },
                                                vocabulary: derived.vocabulary)
        derived.shown = selectedTopics.isEmpty
            ? searched : searched.filter { !entries[$0].effectiveTopics.isDisjoint(with: selectedTopics) }
    }
}
