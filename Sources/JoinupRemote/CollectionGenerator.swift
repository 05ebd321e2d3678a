import Foundation
import JoinupModel

/// SplitMix64: a tiny, fast, seedable generator, so a seed gives the same data on every machine
/// (`SystemRandomNumberGenerator` cannot be seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}

/// One generated collection with its content and members.
public struct GeneratedCollection: Hashable, Sendable {
    public var collection: Collection
    public var items: [Item]
    public var members: [Member]
}

/// A generated remote: a shared topic vocabulary and some collections.
public struct GeneratedDataSet: Hashable, Sendable {
    public var seed: UInt64
    public var vocabulary: [Topic]
    public var collections: [GeneratedCollection]

    /// Writes the data set as a data folder (docs/REMOTE.md's layout) under `folder`.
    public func write(to folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try VocabularyWriter.write(vocabulary).write(to: folder.appendingPathComponent("topics.rdf"))
        let labels = Dictionary(vocabulary.map { ($0.uri, $0.label) }, uniquingKeysWith: { first, _ in first })
        for generated in collections {
            let collection = generated.collection
            let dir = folder.appendingPathComponent(collection.alias)
            try manager.createDirectory(at: dir, withIntermediateDirectories: true)
            try CollectionRDFWriter.write(collection).write(to: dir.appendingPathComponent("collection.rdf"))
            try MembersJSONWriter.write(generated.members, collectionURI: collection.uri)
                .write(to: dir.appendingPathComponent("members.json"))
            let channel = FeedChannel(title: collection.title, link: collection.pageURL,
                                      description: "Latest content of the \(collection.title) collection.",
                                      selfURL: collection.feedURL, isComplete: true)
            try FeedWriter.write(channel: channel, items: generated.items, topicLabels: labels)
                .write(to: dir.appendingPathComponent("feed.xml"))
        }
    }
}

/// Makes realistic, deterministic collections for tests, demos and benchmarks: Joinup's two-level
/// topic vocabulary (categories sharing labels with some of their terms), all five content types,
/// events with dates and places, non-ASCII titles and names, members in every role and state.
public enum CollectionGenerator {
    /// `collections` collections of `itemsPerCollection` items each, the same for the same seed.
    public static func generate(itemsPerCollection: Int, collections: Int = 1, seed: UInt64 = 1) -> GeneratedDataSet {
        let vocabulary = Self.vocabulary
        var result: [GeneratedCollection] = []
        for index in 0..<max(0, collections) {
            var stream = itemStream(itemsPerCollection: itemsPerCollection, collection: index, seed: seed)
            var items: [Item] = []
            items.reserveCapacity(itemsPerCollection)
            while let item = stream.next() { items.append(item) }
            let members = makeMembers(collection: stream.collection, index: index, rng: &stream.rng)
            result.append(GeneratedCollection(collection: stream.collection, items: items, members: members))
        }
        return GeneratedDataSet(seed: seed, vocabulary: vocabulary, collections: result)
    }

    /// The items `generate` makes for collection number `collection`, one at a time: a check over
    /// a million items needs no million-item array.
    public static func itemStream(itemsPerCollection: Int, collection index: Int = 0, seed: UInt64 = 1) -> ItemStream {
        var rng = SplitMix64(seed: seed &+ UInt64(index + 1) &* 0xD1B5_4A32_D192_ED03)
        let vocabulary = Self.vocabulary
        let terms = vocabulary.filter { !$0.isCategory }.map(\.uri)
        let categories = vocabulary.filter(\.isCategory).map(\.uri)
        let collection = makeCollection(index: index, rng: &rng, categories: categories, terms: terms)
        return ItemStream(collection: collection, count: max(0, itemsPerCollection), rng: rng, terms: terms, categories: categories)
    }

    /// One generated collection's items, newest first, made as they are asked for.
    public struct ItemStream: IteratorProtocol, Sequence {
        public let collection: Collection
        let count: Int
        /// Where the random draws are; the members are drawn from it after the last item.
        var rng: SplitMix64
        let terms: [String], categories: [String]
        var number = 0
        var published = CollectionGenerator.newestPublication

        public mutating func next() -> Item? {
            guard number < count else { return nil }
            published -= publicationGap(minutes: rng.int(10...1_440), itemsPerCollection: count)
            defer { number += 1 }
            return makeItem(number: number, collection: collection, published: published, rng: &rng,
                            terms: terms, categories: categories)
        }
    }

    /// The newest item's date: 2024-06-28 12:00 UTC.
    public static let newestPublication = Date(timeIntervalSince1970: 1_719_576_000)
    /// No item is older than this (2010-01-01 00:00 UTC): Joinup's content starts around then, and
    /// every generated date keeps a four-digit year and a modern time-zone offset.
    public static let oldestPublication = Date(timeIntervalSince1970: 1_262_304_000)

    /// The time between two neighbouring items, drawn as 10 minutes to a day; squeezed for large
    /// collections so the whole collection fits between `oldestPublication` and
    /// `newestPublication` (a million items at a day apiece would reach the year 999). Collections
    /// small enough to fit keep exactly the gaps they always had, so their data does not change.
    static func publicationGap(minutes: Int, itemsPerCollection: Int) -> TimeInterval {
        let span = newestPublication.timeIntervalSince(oldestPublication)
        let widestGap = 1_440.0 * 60
        let scale = min(1, span / (widestGap * Double(max(1, itemsPerCollection))))
        return max(1, (Double(minutes * 60) * scale).rounded(.down))
    }

    // MARK: Vocabulary

    /// 12 categories, 43 terms; URIs and labels of the embedded snapshot's topics are kept as they are.
    public static let vocabulary: [Topic] = {
        let table: [(String, String, [(String, String)])] = [
            ("ict", "ICT", [("open-source-software", "Open Source Software"), ("ict", "ICT"), ("ict-security", "ICT security"),
                            ("digital-innovation", "Digital innovation"), ("innovation", "Innovation"),
                            ("science-and-technology", "Science and technology"), ("open-data", "Open data")]),
            ("digital-government", "Digital government", [("egovernment", "eGovernment"), ("legal", "Legal"),
                            ("collaboration", "Collaboration"), ("standardisation", "Standardisation"),
                            ("content-and-knowledge-management", "Content and knowledge management"), ("education", "Education")]),
            ("health", "Health", [("ehealth", "eHealth"), ("health", "Health"), ("public-health", "Public health")]),
            ("environment", "Environment", [("environment", "Environment"), ("climate", "Climate action"), ("biodiversity", "Biodiversity")]),
            ("transport", "Transport", [("transport", "Transport"), ("smart-mobility", "Smart mobility"), ("logistics", "Logistics")]),
            ("economy-and-finance", "Economy and finance", [("public-procurement", "Public procurement"), ("taxation", "Taxation"),
                            ("business-and-industry", "Business and industry")]),
            ("justice", "Justice", [("justice", "Justice"), ("data-protection", "Data protection"), ("ejustice", "eJustice")]),
            ("agriculture", "Agriculture", [("agriculture", "Agriculture"), ("food-safety", "Food safety"), ("fisheries", "Fisheries")]),
            ("energy", "Energy", [("energy", "Energy"), ("renewable-energy", "Renewable energy"), ("smart-grids", "Smart grids")]),
            ("culture", "Culture", [("culture", "Culture"), ("cultural-heritage", "Cultural heritage"), ("multilingualism", "Multilingualism")]),
            ("employment-and-social-affairs", "Employment and social affairs", [("employment", "Employment"),
                            ("social-inclusion", "Social inclusion"), ("accessibility", "Accessibility")]),
            ("regions-and-cities", "Regions and cities", [("smart-cities", "Smart cities"), ("rural-development", "Rural development"),
                            ("cross-border-cooperation", "Cross-border cooperation")]),
        ]
        var topics: [Topic] = []
        for (slug, label, children) in table {
            let parent = "http://joinup.eu/ontology/topic/category#" + slug
            topics.append(Topic(uri: parent, label: label, level: .category))
            for (childSlug, childLabel) in children {
                topics.append(Topic(uri: "http://joinup.eu/ontology/topic#" + childSlug, label: childLabel,
                                    parentURI: parent, level: .term))
            }
        }
        return topics
    }()

    // MARK: Words

    private static let subjects = [
        "Interoperabilität", "open source", "données ouvertes", "ciberseguridad", "eGovernment services",
        "cloud souverain", "współpraca transgraniczna", "δημόσιες υπηρεσίες", "digitale Identität", "inner source",
        "software libre", "Öffentliche Verwaltung", "interoperabilità semantica", "otevřená data", "åbne standarder",
        "EUPL licensing", "public procurement of software", "digital sovereignty", "accessibilité numérique", "e-invoicing",
    ]
    private static let places = [
        "Bruxelles", "Kraków", "Göteborg", "Αθήνα", "Zürich", "Málaga", "Tallinn", "Łódź", "København",
        "Cluj-Napoca", "Ljubljana", "Dublin", "Luxembourg", "Brno", "Porto", "Île-de-France",
    ]
    private static let firstNames = [
        "Zoë", "Łukasz", "Ørjan", "Margarethe", "Siobhán", "Jiří", "Ana", "Matteo", "Eleni", "Sébastien",
        "Kristiina", "Dragoș", "Åsa", "Nuno", "Inès", "Tomáš", "Ádám", "Gráinne", "Jürgen", "Maëlle",
    ]
    private static let lastNames = [
        "Novák", "Ribeiro", "Håland", "Köhler", "Ó Briain", "Papadopoulou", "Müller", "Rossi", "Wiśniewski",
        "Dubois", "Tamm", "Ionescu", "Lindqvist", "García", "Horvat", "Murphy", "Þórsdóttir", "Šimić",
    ]
    private static let organisations = [
        "European Commission, DG DIGIT", "Agence du numérique de l'État", "Bundesministerium des Innern",
        "Ministerio de Asuntos Económicos", "Kancelaria Prezesa Rady Ministrów", "Digitaliseringsstyrelsen",
        "City of Ljubljana", "Open source foundation", "Région Île-de-France", "Univerzita Karlova",
    ]
    private static let businessTitles = [
        "Policy officer", "Software developer", "Enterprise architect", "Legal adviser", "Project manager",
        "Open source advocate", "Head of unit", "Data steward", "Procurement specialist", "Researcher",
    ]
    private static let collectionTitles = [
        "Interoperable Europe Academy", "Open Source Observatory", "Semantic Interoperability Community",
        "Digital Public Services Lab", "Smart Cities Marketplace", "Cloud souverain européen",
        "Données ouvertes des régions", "Współpraca transgraniczna", "GovTech Connect", "eHealth Network Europa",
    ]
    private static let sentences = [
        "The working group met to compare how administrations approach %@.",
        "Participants from %@ shared what worked and what did not.",
        "A draft report is open for comments until the end of the month.",
        "The results will feed into the next edition of the guidelines.",
        "Reuse across borders remains the main goal of the initiative.",
        "Slides and recordings are published on the collection page.",
        "Several cities already run pilots based on the shared components.",
        "Feedback from members helped to shape the final recommendations.",
    ]

    /// The sentences split at their `%@`, once (string searching per item is slow).
    private static let sentenceParts: [[String]] = sentences.map { $0.components(separatedBy: "%@") }

    // MARK: Makers

    private static func makeCollection(index: Int, rng: inout SplitMix64, categories: [String], terms: [String]) -> Collection {
        let alias = "generated-\(index + 1)"
        let base = collectionTitles[index % collectionTitles.count]
        let title = index < collectionTitles.count ? base : "\(base) \(index / collectionTitles.count + 1)"
        let uuid = String(format: "%08x-%04x-4%03x-8%03x-%012llx", UInt32(truncatingIfNeeded: rng.next()),
                          UInt16(truncatingIfNeeded: rng.next()), rng.int(0...0xFFF), rng.int(0...0xFFF),
                          rng.next() & 0xFFFF_FFFF_FFFF)
        let page = "https://generated.joinup.invalid/collection/" + alias
        let created = Date(timeIntervalSince1970: TimeInterval(1_500_000_000 + rng.int(0...100_000_000)))
        let topicURIs = [rng.pick(categories), rng.pick(terms)]
        return Collection(
            uri: "http://data.europa.eu/w21/" + uuid, alias: alias, title: title,
            abstract: "\(title) brings together people working on \(rng.pick(subjects)) across Europe.",
            description: "\(title) brings together people working on \(rng.pick(subjects)) across Europe.\n\nMembers share news, events, studies and reusable solutions.",
            owner: rng.pick(organisations),
            contacts: [Collection.Contact(name: "\(title) team", email: "\(alias)@example.org", url: page)],
            topicURIs: Array(Set(topicURIs)).sorted(), spatial: ["European Union"],
            keywords: [rng.pick(subjects), "interoperability"], isClosed: index % 3 == 1,
            contentCreation: index % 3 == 1 ? .facilitatorsAndAuthors : .onlyMembers, isModerated: index % 2 == 1,
            workflowState: "validated", created: created,
            modified: created.addingTimeInterval(TimeInterval(rng.int(0...50_000_000))),
            pageURL: page, feedURL: page + "/feed.xml", metadataURL: page + "?_format=rdfxml")
    }

    /// The first items take each kind once, so even a small collection has them all.
    private static func makeItem(number: Int, collection: Collection, published: Date, rng: inout SplitMix64,
                                 terms: [String], categories: [String]) -> Item {
        let roll = rng.int(0...99)
        let kind: ItemKind = number < ItemKind.allCases.count ? ItemKind.allCases[number]
            : roll < 40 ? .news : roll < 55 ? .event : roll < 75 ? .document : roll < 88 ? .discussion : roll < 97 ? .solution : .customPage
        let subject = rng.pick(subjects), place = rng.pick(places)
        let title: String
        switch kind {
        case .news: title = rng.chance(50) ? "\(place) publishes guidelines on \(subject)" : "New report: \(subject) in \(place)"
        case .event: title = rng.chance(50) ? "Workshop on \(subject) in \(place)" : "Webinar: \(subject) for public administrations"
        case .document: title = rng.chance(50) ? "Study on \(subject) (\(2015 + rng.int(0...9)))" : "Guidelines for \(subject)"
        case .discussion: title = rng.chance(50) ? "How does your administration handle \(subject)?" : "Question about \(subject) in \(place)"
        case .solution: title = "\(place) \(subject) toolkit"
        case .customPage: title = "About \(subject)"
        }
        var paragraphs: [String] = []
        for _ in 0..<rng.int(1...3) {
            var sentences: [String] = []
            for _ in 0..<rng.int(2...3) {
                let parts = rng.pick(Self.sentenceParts)
                sentences.append(parts.count == 2 ? parts[0] + (rng.chance(50) ? subject : place) + parts[1] : parts[0])
            }
            paragraphs.append(sentences.joined(separator: " "))
        }
        var topics: [String] = []
        let topicCount = rng.int(1...5)
        while topics.count < topicCount {
            // Now and then an item carries a category directly, as Joinup allows.
            let uri = rng.chance(5) ? rng.pick(categories) : rng.pick(terms)
            if !topics.contains(uri) { topics.append(uri) }
        }
        var start: Date?, end: Date?, location: String?
        if kind == .event {
            let begins = published.addingTimeInterval(TimeInterval(rng.int(3...60) * 86_400))
            start = begins
            end = begins.addingTimeInterval(TimeInterval(rng.int(2...8) * 3600))
            location = rng.chance(20) ? "Online" : place
        }
        let path = "\(kind.rawValue)/\(number + 1)"
        return Item(
            id: "\(collection.alias)-\(number + 1) at generated.joinup.invalid", collectionURI: collection.uri,
            kind: kind, title: title, link: collection.pageURL + "/" + path,
            body: paragraphs.joined(separator: "\n\n"),
            author: "\(rng.pick(firstNames)) \(rng.pick(lastNames))", published: published,
            eventStart: start, eventEnd: end, eventLocation: location, topicURIs: topics)
    }

    private static func makeMembers(collection: Collection, index: Int, rng: inout SplitMix64) -> [Member] {
        let count = rng.int(8...60)
        return (0..<count).map { n in
            let roles: [Role] = n == 0 ? [.owner, .facilitator] : n < 3 ? [.facilitator] : rng.chance(15) ? [.author] : [.member]
            let roll = rng.int(0...99)
            let state: MembershipState = n < 3 ? .active : roll < 85 ? .active : roll < 95 ? .pending : .blocked
            return Member(
                id: "u-\(index + 1)-\(n + 1)", name: "\(rng.pick(firstNames)) \(rng.pick(lastNames))",
                businessTitle: rng.pick(businessTitles), organisation: rng.pick(organisations), roles: roles,
                state: state, memberSince: collection.created.addingTimeInterval(TimeInterval(rng.int(0...40_000_000))))
        }
    }
}

/// Serves a generated data set from memory.
struct GeneratedSource: RemoteSource {
    private let served: [ServedCollection]
    private let topics: StoredDocument

    init(_ set: GeneratedDataSet) {
        let stamp = Date(timeIntervalSince1970: 1_719_792_000)  // 2024-07-01: fixed, so validators survive restarts
        let labels = Dictionary(set.vocabulary.map { ($0.uri, $0.label) }, uniquingKeysWith: { first, _ in first })
        topics = StoredDocument(data: VocabularyWriter.write(set.vocabulary), lastModified: stamp, contentType: ContentType.rdf)
        served = set.collections.map { generated in
            let c = generated.collection
            return ServedCollection(
                alias: c.alias,
                listing: DirectoryListing(alias: c.alias, title: c.title, uri: c.uri, abstract: c.abstract,
                                          isClosed: c.isClosed, modified: c.modified),
                metadata: StoredDocument(data: CollectionRDFWriter.write(c), lastModified: stamp, contentType: ContentType.rdf),
                members: StoredDocument(data: MembersJSONWriter.write(generated.members, collectionURI: c.uri),
                                        lastModified: stamp, contentType: ContentType.json),
                feed: .listing(FeedListing(title: c.title, link: c.pageURL, description: "", items: generated.items,
                                           topicLabels: labels, isComplete: true,
                                           version: "g\(set.seed)-\(generated.items.count)", lastModified: stamp)))
        }
    }

    func collections() async -> [ServedCollection] { served }
    func collection(_ alias: String) async -> ServedCollection? { served.first { $0.alias == alias } }
    func vocabulary() async -> StoredDocument? { topics }
}
