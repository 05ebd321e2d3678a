import Foundation
import JoinupModel
import JoinupStore
import JoinupTestSupport

/// A hand-built state resembling the EC OSPO collection page.
enum Fixtures {
    static func date(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    static func category(_ slug: String, _ label: String) -> Topic {
        Topic(uri: "http://joinup.eu/ontology/topic/category#\(slug)", label: label)
    }

    static func term(_ slug: String, _ label: String, in parent: String) -> Topic {
        Topic(uri: "http://joinup.eu/ontology/topic#\(slug)", label: label,
              parentURI: "http://joinup.eu/ontology/topic/category#\(parent)")
    }

    static let ictCategory = category("ict", "ICT")
    static let digitalGovernment = category("digital-government", "Digital government")
    static let ict = term("ict", "ICT", in: "ict")
    static let openSource = term("open-source-software", "Open Source Software", in: "ict")
    static let ictSecurity = term("ict-security", "ICT security", in: "ict")
    static let collaboration = term("collaboration", "Collaboration", in: "digital-government")
    static let legal = term("legal", "Legal", in: "digital-government")

    static let facets: [FacetCount] = [
        FacetCount(topic: ictCategory, count: 8),
        FacetCount(topic: openSource, count: 7),
        FacetCount(topic: digitalGovernment, count: 4),
        FacetCount(topic: ict, count: 3),
        FacetCount(topic: collaboration, count: 2),
        FacetCount(topic: term("egovernment", "eGovernment", in: "digital-government"), count: 2),
        FacetCount(topic: ictSecurity, count: 2),
        FacetCount(topic: legal, count: 2),
        FacetCount(topic: term("content-management", "Content and knowledge management", in: "ict"), count: 1),
        FacetCount(topic: term("digital-innovation", "Digital innovation", in: "ict"), count: 1),
    ]

    static let header = CollectionHeader(
        uri: "http://data.europa.eu/w21/e2b1a5d2-ospo", alias: "ec-ospo",
        title: "EC Open Source Programme Office", lastUpdate: date("2023-06-26T11:43:00Z"),
        memberCount: 59, kindCounts: [.news: 7, .event: 1], membership: nil, origin: .embeddedSnapshot)

    static let rows: [ItemSummary] = [
        ItemSummary(id: "event-1", kind: .event,
                    title: "Register for the biggest 2023 open-source conference in Brussels!",
                    listDate: date("2023-11-21T08:00:00Z"), leadingTopics: ["Collaboration", "eGovernment"],
                    moreTopicCount: 2),
        ItemSummary(id: "news-1", kind: .news,
                    title: "Accepting open source contributions from third-party developers",
                    listDate: date("2023-06-26T11:43:00Z"), leadingTopics: ["Collaboration", "Legal"],
                    moreTopicCount: 2),
        ItemSummary(id: "news-2", kind: .news, title: "FOSSEPS Critical Open Source Software Study Report",
                    listDate: date("2022-08-11T09:00:00Z"), leadingTopics: ["Open Source Software", "ICT security"],
                    moreTopicCount: 6),
        ItemSummary(id: "news-3", kind: .news, title: "Blog post by European Commission Open Source Programme Office",
                    listDate: date("2022-08-05T09:00:00Z"), leadingTopics: ["ICT", "Legal"], moreTopicCount: 0),
    ]

    static let openedItem = ItemDetail(
        item: Item(id: "event-1", collectionURI: header.uri, kind: .event,
                   title: "Register for the biggest 2023 open-source conference in Brussels!",
                   link: "https://joinup.ec.europa.eu/collection/ec-ospo/event/eu-open-source-conference",
                   body: """
                   The EU Open Source Policy Summit brings together public administrations, companies and \
                   communities to discuss how open source serves Europe's digital sovereignty.

                   Registration is free but places are limited. The programme covers procurement, \
                   security of the software supply chain and inner source in public services.
                   """,
                   author: "EC OSPO", published: date("2023-10-02T08:30:00Z"),
                   eventStart: date("2023-11-21T08:00:00Z"), eventEnd: date("2023-11-21T16:30:00Z"),
                   eventLocation: "Brussels, Belgium",
                   topicURIs: [collaboration.uri, legal.uri, digitalGovernment.uri]),
        topics: [collaboration, legal, digitalGovernment])

    static let members: [Member] = [
        Member(id: "m1", name: "Anna Lindqvist", businessTitle: "Head of the EC OSPO", organisation: "European Commission, DIGIT",
               roles: [.facilitator, .owner], state: .active, memberSince: date("2020-06-02T10:00:00Z")),
        Member(id: "m2", name: "Pieter Van den Broeck", businessTitle: "Open source policy officer", organisation: "European Commission, DIGIT",
               roles: [.facilitator], state: .active, memberSince: date("2020-07-01T10:00:00Z")),
        Member(id: "m3", name: "Maria João Ferreira", businessTitle: "Software engineer", organisation: "Agência para a Modernização Administrativa",
               roles: [.author, .member], state: .active, memberSince: date("2021-02-11T10:00:00Z")),
        Member(id: "m4", name: "Tomasz Wiśniewski", businessTitle: "Architect", organisation: "Ministry of Digital Affairs",
               roles: [.member], state: .active, memberSince: date("2021-05-20T10:00:00Z")),
        Member(id: "m5", name: "Élodie Martin", businessTitle: "Community manager", organisation: "DINUM",
               roles: [.member], state: .active, memberSince: date("2022-01-15T10:00:00Z")),
        Member(id: "m6", name: "Jonas Becker", businessTitle: "Researcher", organisation: "Fraunhofer FOKUS",
               roles: [.member], state: .active, memberSince: date("2022-09-30T10:00:00Z")),
    ]

    static let about = Collection.fixture(
        uri: header.uri, alias: "ec-ospo", title: header.title,
        abstract: "The European Commission Open Source Programme Office (EC OSPO) was created in 2020.",
        description: """
        The European Commission Open Source Programme Office (EC OSPO) was created in 2020 as the first \
        concrete action of the latest Open Source Software Strategy for 2020-2023.

        It acts as a facilitator for activities outlined in the strategy and the action plan guided by six \
        principles: think open, transform, share, contribute, secure, stay in control.
        """,
        owner: "European Commission",
        contacts: [Collection.Contact(name: "EC OSPO", email: "ec-ospo@ec.europa.eu",
                                      url: "https://commission.europa.eu/open-source")],
        topicURIs: [ictCategory.uri, openSource.uri], spatial: ["European Union"], isModerated: true,
        created: date("2020-06-02T10:00:00Z"), modified: date("2023-06-26T11:43:00Z"),
        site: "https://joinup.ec.europa.eu")

    /// Header, About and members loaded; the Overview shows 8 items of which the first 4 are loaded.
    static var state: AppState {
        var state = AppState()
        // A user in Brussels: the frames do not depend on this machine's zone.
        state.timeZone = JoinupDate.brussels
        state.header = header
        state.about.collection = about
        state.about.topics = [ictCategory, openSource]
        state.overview.facets = facets
        state.overview.itemCount = 8
        state.overview.window = ItemWindow(offset: 0, rows: rows)
        state.overview.cursor = ListCursor(selection: 1, scrollTop: 0)
        state.members.members = members
        state.members.cursor = ListCursor(selection: 0, scrollTop: 0)
        return state
    }

    static func state(tab: Tab, opened: Bool = false, help: Bool = false) -> AppState {
        var state = state
        state.tab = tab
        if opened { state.overview.openedItem = openedItem }
        state.modal = help ? .help(HelpState(), over: .none) : .none
        return state
    }
}
