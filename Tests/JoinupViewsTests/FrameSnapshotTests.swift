import Testing
@testable import JoinupViews
import JoinupStore

/// Whole frames of each tab, checked by eye once and pinned here.
@Suite struct FrameSnapshotTests {
    init() { TestLocale.ensure() }

    @Test func overviewListAt100x30() {
        let surface = render(Fixtures.state(tab: .overview), width: 100, height: 30)
        expectFrame(surface, """
             EC Open Source Programme Office                                           [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
             [1 Overview]  2 Members   3 About  ────────────────────────────────────────────────────────────────
             Topics                     │ 7 News · 1 Event                                              8 items
             ▸ ICT (8)                  │ Register for the biggest 2023 open-source conference in Brussels!
               Open Source Software (7) │ 21/11/2023 Event  Collaboration · eGovernment +2 topics
             ▸ Digital government (4)   │ Accepting open source contributions from third-party developers
               ICT (3)                  │ 26/06/2023 News   Collaboration · Legal +2 topics
               Collaboration (2)        │ FOSSEPS Critical Open Source Software Study Report
               eGovernment (2)          │ 11/08/2022 News   Open Source Software · ICT security +6 topics
               ICT security (2)         │ Blog post by European Commission Open Source Programme Office
               Legal (2)                │ 05/08/2022 News   ICT · Legal
               Content and knowled… (1) │ …
               Digital innovation (1)   │
                                        │ …
                                        │
                                        │ …
                                        │
                                        │ …
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
             ↑↓ move  Enter open  ← filters  / search  r sync  ? help  q quit                 embedded snapshot
            """, name: "overviewListAt100x30")
    }

    @Test func overviewListAt60x20() {
        let surface = render(Fixtures.state(tab: .overview), width: 60, height: 20)
        expectFrame(surface, """
             EC Open Source Programme Office   [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
             [1 Overview]  2 Members   3 About  ────────────────────────
             Topics           │ 7 News · 1 Event                    2/8
             ▸ ICT (8)        │ Register for the biggest 2023 open-sou…
               Open Sour… (7) │ 21/11/2023 Event  Collaboration +3
             ▸ Digital g… (4) │ Accepting open source contributions fr…
               ICT (3)        │ 26/06/2023 News   Collaboration +3
               Collabora… (2) │ FOSSEPS Critical Open Source Software …
               eGovernme… (2) │ 11/08/2022 News   Open Source Softw… +7
               ICT secur… (2) │ Blog post by European Commission Open …
               Legal (2)      │ 05/08/2022 News   ICT · Legal
               Content a… (1) │ …
               Digital i… (1) │
                              │ …
                              │
                              │ …
                              │
             ↑↓ move  Enter open  ← filters  ? help   embedded snapshot
            """, name: "overviewListAt60x20")
    }

    @Test func openedItemAt100x30() {
        let surface = render(Fixtures.state(tab: .overview, opened: true), width: 100, height: 30)
        expectFrame(surface, """
             EC Open Source Programme Office                                           [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
             [1 Overview]  2 Members   3 About  ────────────────────────────────────────────────────────────────
             Topics                     │ Event
             ▸ ICT (8)                  │ Register for the biggest 2023 open-source conference in Brussels!
               Open Source Software (7) │
             ▸ Digital government (4)   │ Author     EC OSPO
               ICT (3)                  │ Published  02/10/2023 10:30
               Collaboration (2)        │ When       21/11/2023 09:00 – 17:30
               eGovernment (2)          │ Where      Brussels, Belgium
               ICT security (2)         │ Topics     Collaboration · Legal · ▸ Digital government
               Legal (2)                │ Link       https://joinup.ec.europa.eu/collection/ec-ospo/event/eu-o…
               Content and knowled… (1) │
               Digital innovation (1)   │ The EU Open Source Policy Summit brings together public
                                        │ administrations, companies and communities to discuss how open source
                                        │ serves Europe's digital sovereignty.
                                        │
                                        │ Registration is free but places are limited. The programme covers
                                        │ procurement, security of the software supply chain and inner source
                                        │ in public services.
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
                                        │
             ↑↓ move  Esc back  r sync  ? help  q quit                                        embedded snapshot
            """, name: "openedItemAt100x30")
    }

    @Test func openedItemAt60x20() {
        let surface = render(Fixtures.state(tab: .overview, opened: true), width: 60, height: 20)
        expectFrame(surface, """
             EC Open Source Programme Office   [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
             [1 Overview]  2 Members   3 About  ────────────────────────
             Topics           │ Event
             ▸ ICT (8)        │ Register for the biggest 2023
               Open Sour… (7) │ open-source conference in Brussels!
             ▸ Digital g… (4) │
               ICT (3)        │ Author     EC OSPO
               Collabora… (2) │ Published  02/10/2023 10:30
               eGovernme… (2) │ When       21/11/2023 09:00 – 17:30
               ICT secur… (2) │ Where      Brussels, Belgium
               Legal (2)      │ Topics     Collaboration · Legal ·
               Content a… (1) │            ▸ Digital government
               Digital i… (1) │ Link       https://joinup.ec.europa.eu…
                              │
                              │ The EU Open Source Policy Summit brings
                              │ together public administrations,
                              │                          ↓ 9 more · 60%
             ↑↓ move  Esc back  r sync  ? help        embedded snapshot
            """, name: "openedItemAt60x20")
    }

    @Test func membersTabAt100x30() {
        let surface = render(Fixtures.state(tab: .members), width: 100, height: 30)
        expectFrame(surface, """
             EC Open Source Programme Office                                           [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
              1 Overview  [2 Members]  3 About  ────────────────────────────────────────────────────────────────
             59 members                                                                                     1/6
             Name                   Business title           Organisation                  Roles
             Anna Lindqvist         Head of the EC OSPO      European Commission, DIGIT    Owner, Facilitator
             Pieter Van den Broeck  Open source policy offi… European Commission, DIGIT    Facilitator
             Maria João Ferreira    Software engineer        Agência para a Modernização … Author, Member
             Tomasz Wiśniewski      Architect                Ministry of Digital Affairs   Member
             Élodie Martin          Community manager        DINUM                         Member
             Jonas Becker           Researcher               Fraunhofer FOKUS              Member

















             ↑↓ move  / search  f role  r sync  ? help  q quit                                embedded snapshot
            """, name: "membersTabAt100x30")
    }

    @Test func membersTabAt60x20() {
        let surface = render(Fixtures.state(tab: .members), width: 60, height: 20)
        expectFrame(surface, """
             EC Open Source Programme Office   [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
              1 Overview  [2 Members]  3 About  ────────────────────────
             59 members                                             1/6
             Name               Organisation             Roles
             Anna Lindqvist     European Commission, DI… Owner, Facili…
             Pieter Van den Br… European Commission, DI… Facilitator
             Maria João Ferrei… Agência para a Moderniz… Author, Member
             Tomasz Wiśniewski  Ministry of Digital Aff… Member
             Élodie Martin      DINUM                    Member
             Jonas Becker       Fraunhofer FOKUS         Member







             ↑↓ move  / search  f role  ? help        embedded snapshot
            """, name: "membersTabAt60x20")
    }

    @Test func aboutTabAt100x30() {
        let surface = render(Fixtures.state(tab: .about), width: 100, height: 30)
        expectFrame(surface, """
             EC Open Source Programme Office                                           [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
              1 Overview   2 Members  [3 About] ────────────────────────────────────────────────────────────────
             Description
               The European Commission Open Source Programme Office (EC OSPO) was created in 2020 as the first
               concrete action of the latest Open Source Software Strategy for 2020-2023.

               It acts as a facilitator for activities outlined in the strategy and the action plan guided by
               six principles: think open, transform, share, contribute, secure, stay in control.

             Owner                  European Commission
             Contact information    EC OSPO
                                    ec-ospo@ec.europa.eu
                                    https://commission.europa.eu/open-source
             Topics                 ▸ ICT · Open Source Software
             Geographical coverage  European Union
             Access                 Open collection
             Content creation       Only members can create content.
             Moderation             Moderated
             Created                Tue, 02/06/2020 - 12:00
             Last update            Mon, 26/06/2023 - 13:43 (Brussels)
             RSS feed               https://joinup.ec.europa.eu/collection/ec-ospo/feed.xml
             Metadata               https://joinup.ec.europa.eu/collection/ec-ospo?_format=rdfxml





             ↑↓ move  r sync  ? help  q quit                                                  embedded snapshot
            """, name: "aboutTabAt100x30")
    }

    @Test func aboutTabAt60x20() {
        let surface = render(Fixtures.state(tab: .about), width: 60, height: 20)
        expectFrame(surface, """
             EC Open Source Programme Office   [J] Join this collection
             Last update: Mon, 26/06/2023 - 13:43
             59 members · 0 Solutions
              1 Overview   2 Members  [3 About] ────────────────────────
             Description
               The European Commission Open Source Programme Office (EC
               OSPO) was created in 2020 as the first concrete action
               of the latest Open Source Software Strategy for
               2020-2023.
            
               It acts as a facilitator for activities outlined in the
               strategy and the action plan guided by six principles:
               think open, transform, share, contribute, secure, stay
               in control.
            
             Owner                  European Commission
             Contact information    EC OSPO
                                    ec-ospo@ec.europa.eu
                                                        ↓ 10 more · 58%
             ↑↓ move  r sync  ? help  q quit          embedded snapshot
            """, name: "aboutTabAt60x20")
    }

    @Test func helpOverlayAt60x20() {
        let surface = render(Fixtures.state(tab: .overview, help: true), width: 60, height: 20)
        expectFrame(surface, """
             ┌─ Keys — ? or Esc to close ─────────────────────────────┐
             │ Global                      x            Clear filters │
             │ ↑/k          Up                                        │
             │ ↓/j          Down           Search                     │─
             │ PgUp         Page up        Enter        Keep          │
             │ PgDn         Page down      Esc          Drop          │
             │ g/Home       Top            Bksp         Delete        │
             │ G/End        Bottom         ←            Left          │
             │ Tab          Next tab       →            Right         │
             │ Shift-Tab    Previous tab   Home/Ctrl-A  Line start    │
             │ 1            Overview tab   End/Ctrl-E   Line end      │
             │ 2            Members tab    Del          Delete char   │
             │ 3            About tab      Ctrl-U       Kill to start │
             │ r            Sync           Ctrl-K       Kill to end   │
             │ c            Collections    Ctrl-W       Kill word     │
             │ J            Join                                      │
             │ L            Leave          Confirmation               │
             │ T            Next theme     y/Enter      Confirm       │
             │ ?            Toggle help    n/Esc        Cancel        │
             └────────────────────────────────────────── ↓ more: j/k ─┘
            """, name: "helpOverlayAt60x20")
    }
}
