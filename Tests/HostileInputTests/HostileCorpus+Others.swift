import Foundation
import JoinupModel
import Testing

extension HostileCorpus {
    /// A directory listing the served collection under `title` and `link` (raw XML).
    static func directory(title: String, link: String, alias: String? = HostileCorpus.alias) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Collections</title><link>https://example.org/</link>
        <item><title>\(title)</title><link>\(link)</link>\(alias.map { "<category domain=\"alias\">\($0)</category>" } ?? "")
        <guid isPermaLink="false">http://data.europa.eu/w21/0ea48cb0-4f45-4a6e-9d0b-7b3f2a1c5e21</guid></item>
        </channel></rss>
        """
    }

    /// Collection directories (`/collections.xml`; the sync reads it when no collection is named).
    static let directoryDocuments: [HostileDocument] = [
        .init(name: "directory: truncated", resource: .directory, outcome: .rejected(.malformedXML)) { _ in
            data(String(directory(title: "Ok", link: "https://example.org/c").prefix(150)))
        },
        .init(name: "directory: JSON instead of RSS", resource: .directory, outcome: .rejected(.malformedXML)) { _ in
            data("{\"collections\": []}")
        },
        .init(name: "directory: only a javascript: link, no alias", resource: .directory,
              outcome: .rejected(.missingField("alias category or link"))) { _ in
            data(directory(title: "Click", link: "javascript:alert(1)", alias: nil))
        },
        .init(name: "directory: escapes in a title and a file: link", resource: .directory, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try stored.cache.collection(named: HostileCorpus.alias) != nil)
        }) { _ in
            data(directory(title: "Evil \(c1OSC52) \(bidi)", link: "file:///etc/passwd"))
        },
        .init(name: "directory: 10,000 levels of nesting", resource: .directory, outcome: .rejected(.overLimit)) { _ in
            data("<rss version=\"2.0\"><channel>" + nested("item", 10_000) + "</channel></rss>")
        },
    ]

    /// Collection metadata (RDF/XML, the About tab).
    static let metadataDocuments: [HostileDocument] = [
        .init(name: "metadata: truncated", resource: .metadata, outcome: .rejected(.malformedXML)) { _ in
            data(String(metadata.prefix(metadata.count / 3)))
        },
        .init(name: "metadata: an unknown content-creation value", resource: .metadata, outcome: .rejected(.invalidValue("content_creation"))) { _ in
            data(metadata.replacingOccurrences(of: "<ns1:content_creation>only_members</ns1:content_creation>",
                                               with: "<ns1:content_creation>everyone \(c1CSI)</ns1:content_creation>"))
        },
        .init(name: "metadata: escapes in title, description, owner and contact", resource: .metadata, outcome: .stored { (stored: StoredCollection) throws in
            let about = try stored.cache.about(collectionURI: stored.uri)
            #expect(about.title == "EC 31m2J OSPO gpj.exe isolated rtl first")
            #expect(about.description.contains("[2J[H[6n[21t"))
            #expect(about.owner == "European Commission, 52;c;ZXZpbA== DG DIGIT")
            #expect(about.contacts.allSatisfy { $0.url == nil }, "the javascript: contact URL was dropped")
        }) { _ in
            data(metadata
                .replacingOccurrences(of: "<dc:title xml:lang=\"en\">EC Open Source Programme Office</dc:title>",
                                      with: "<dc:title xml:lang=\"en\">EC \(c1CSI) OSPO \(bidi)</dc:title>")
                .replacingOccurrences(of: "<dc:description xml:lang=\"en\">&lt;p&gt;", with: "<dc:description xml:lang=\"en\"><![CDATA[<p>\(entityCSI) \(entityOSC52) ]]>")
                .replacingOccurrences(of: "<foaf:name>European Commission, DG DIGIT</foaf:name>",
                                      with: "<foaf:name>European Commission, \(c1OSC52) DG DIGIT</foaf:name>")
                .replacingOccurrences(of: "<vcard:hasURL rdf:resource=\"https://joinup.ec.europa.eu/collection/ec-open-source-programme-office\"/>",
                                      with: "<vcard:hasURL rdf:resource=\"javascript:alert(1)\"/>"))
        },
        .init(name: "metadata: no title", resource: .metadata, outcome: .rejected(.unexpectedDocument)) { _ in
            data(metadata.replacingOccurrences(of: #"<dc:title xml:lang="en">EC Open Source Programme Office</dc:title>"#, with: ""))
        },
        .init(name: "metadata: issued on 30 February", resource: .metadata, outcome: .rejected(.invalidValue("dct:issued"))) { _ in
            data(metadata.replacingOccurrences(of: "2020-10-21T10:00:00+02:00</dc:issued>", with: "2023-02-30T10:00:00+02:00</dc:issued>"))
        },
        .init(name: "metadata: billion laughs", resource: .metadata, outcome: .rejected(.malformedXML)) { _ in
            data(withDoctype(metadata.replacingOccurrences(of: "EC Open Source Programme Office</dc:title>", with: "&lol9;</dc:title>"),
                             billionLaughs.replacingOccurrences(of: "DOCTYPE rss", with: "DOCTYPE rdf:RDF")))
        },
        .init(name: "metadata: 10,000 levels of nesting", resource: .metadata, outcome: .rejected(.overLimit)) { _ in
            data(metadata.replacingOccurrences(of: "<dc:alternative>", with: nested("rdf:Description", 10_000) + "<dc:alternative>"))
        },
    ]

    /// The SKOS topic vocabulary.
    static let topicDocuments: [HostileDocument] = [
        .init(name: "topics: mismatched tags", resource: .topics, outcome: .rejected(.malformedXML)) { _ in
            data(topics.replacingOccurrences(of: "</skos:Concept>", with: "</skos:Concpt>"))
        },
        .init(name: "topics: escapes in labels", resource: .topics, outcome: .stored { (stored: StoredCollection) throws in
            let labels = try stored.cache.allTopics().map(\.label)
            #expect(labels.contains("ICT 52;c;ZXZpbA== gpj.exe isolated rtl first"))
        }) { _ in
            data(topics.replacingOccurrences(of: "<skos:prefLabel xml:lang=\"en\">ICT</skos:prefLabel>",
                                             with: "<skos:prefLabel xml:lang=\"en\">ICT \(c1OSC52) \(bidi)</skos:prefLabel>"))
        },
        .init(name: "topics: a concept without a label", resource: .topics, outcome: .rejected(.missingField("skos:prefLabel"))) { _ in
            data(topics.replacingOccurrences(of: "<skos:prefLabel xml:lang=\"en\">Open Source Software</skos:prefLabel>", with: ""))
        },
        .init(name: "topics: external entity file:///etc/passwd", resource: .topics, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try stored.cache.allTopics().count > 10)
        }) { _ in
            data(withDoctype(topics.replacingOccurrences(of: ">Open Source Software<", with: ">&xxe;<"),
                             "<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"))
        },
    ]

    /// The fixture members file with the first member's name replaced by `name` (a JSON string body).
    static func members(firstName name: String) -> String {
        members.replacingOccurrences(of: "\"name\": \"Zoë Ñúñez\"", with: "\"name\": \"\(name)\"")
    }

    /// Members lists (JSON).
    static let memberDocuments: [HostileDocument] = [
        .init(name: "members: not JSON", resource: .members, outcome: .rejected(.malformedJSON)) { _ in
            data("members: [oops")
        },
        .init(name: "members: truncated", resource: .members, outcome: .rejected(.malformedJSON)) { _ in
            data(String(members.prefix(members.count / 2)))
        },
        .init(name: "members: invalid UTF-8", resource: .members, outcome: .rejected(.malformedJSON)) { _ in
            var bytes = Data(members(firstName: "BYTES").utf8)
            if let range = bytes.range(of: Data("BYTES".utf8)) { bytes.replaceSubrange(range, with: [0xC3, 0x28, 0xFF]) }
            return bytes
        },
        .init(name: "members: a raw 8-bit CSI byte in a name", resource: .members, outcome: .rejected(.malformedJSON)) { _ in
            var bytes = Data(members(firstName: "BYTES31m").utf8)
            if let range = bytes.range(of: Data("BYTES".utf8)) { bytes.replaceSubrange(range, with: [0x9B]) }
            return bytes
        },
        .init(name: "members: roles as a string", resource: .members, outcome: .rejected(.malformedJSON)) { _ in
            data(members.replacingOccurrences(of: "\"roles\": [\n    \"owner\",\n    \"facilitator\"\n   ]", with: "\"roles\": \"owner\""))
        },
        .init(name: "members: a name that is a number", resource: .members, outcome: .rejected(.malformedJSON)) { _ in
            data(members.replacingOccurrences(of: "\"name\": \"Zoë Ñúñez\"", with: "\"name\": 42"))
        },
        .init(name: "members: an unknown state", resource: .members, outcome: .rejected(.invalidMember("state"))) { _ in
            data(members.replacingOccurrences(of: "\"state\": \"active\"", with: "\"state\": \"\\u001b[31msuperuser\""))
        },
        .init(name: "members: CSI, OSC 52, OSC 8, BEL, backspace, C1, bidi, zero-width and NUL in names", resource: .members,
              outcome: .stored { (stored: StoredCollection) throws in
                  let names = try stored.cache.members(collectionURI: stored.uri).map(\.name)
                  #expect(names.contains("Zo[31më]52;c;ZXZpbA==]8;;http://evil/\\linkÑ[6nú31mñgpj.exeez"), "\(names.prefix(3))")
              }) { _ in
            data(members(firstName: #"Zo\u001b[31më\u001b]52;c;ZXZpbA==\u0007\u001b]8;;http://evil/\u001b\\link\b\bÑ\u001b[6nú\u009b31mñ\u202egpj.exe\u200be\ufeffz\u0000"#))
        },
        .init(name: "members: 10,000 levels of nesting", resource: .members, outcome: .rejected(.malformedJSON)) { _ in
            data("{\"members\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}")
        },
        .init(name: "members: 100,000 roles on one member", resource: .members, outcome: .stored { (stored: StoredCollection) throws in
            let first = try stored.cache.members(collectionURI: stored.uri).first { $0.id == "u-1001" }
            #expect(first?.roles == [.member])
        }) { _ in
            let roles = Array(repeating: "\"member\"", count: 100_000).joined(separator: ",")
            return data(members.replacingOccurrences(of: "\"roles\": [\n    \"owner\",\n    \"facilitator\"\n   ]", with: "\"roles\": [\(roles)]"))
        },
        .init(name: "members: the same id twice, the first wins", resource: .members, outcome: .stored { (stored: StoredCollection) throws in
            let matching = try stored.cache.members(collectionURI: stored.uri).filter { $0.id == "u-1001" }
            #expect(matching.map(\.name) == ["Zoë Ñúñez"])
            #expect(try stored.cache.header(collectionURI: stored.uri).memberCount == 59)
        }) { _ in
            var text = members
            if let last = text.range(of: "]", options: .backwards) {
                text.replaceSubrange(last, with: #", {"id":"u-1001","name":"Impostor","roles":["owner"],"state":"active","member_since":"2021-01-01T00:00:00Z"}]"#)
            }
            return data(text)
        },
        .init(name: "members: 50,000 members", resource: .members, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try stored.cache.header(collectionURI: stored.uri).memberCount == 50_000)
        }) { _ in
            var entries: [String] = []
            entries.reserveCapacity(50_000)
            for n in 0..<50_000 {
                entries.append(#"{"id":"m\#(n)","name":"Member \#(n)","roles":["member"],"state":"active","member_since":"2021-01-01T00:00:00Z"}"#)
            }
            return data("{\"members\": [" + entries.joined(separator: ",") + "]}")
        },
    ]
}
