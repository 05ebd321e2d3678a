import Foundation
import JoinupModel
import Testing

extension HostileCorpus {
    /// RSS collection feeds: broken XML, encodings, entities, sizes, dates, ids, links, escapes.
    static let feedDocuments: [HostileDocument] = [
        .init(name: "feed: truncated half way", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(String(feed.prefix(feed.count / 2)))
        },
        .init(name: "feed: mismatched end tag", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(feed.replacingOccurrences(of: "</channel>", with: "</chanel>"))
        },
        .init(name: "feed: empty body", resource: .feed, outcome: .rejected(.unexpectedDocument)) { _ in Data() },
        .init(name: "feed: an HTML page with &nbsp;", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data("<!DOCTYPE html><html><body><p>Hello&nbsp;world</p></body></html>")
        },
        .init(name: "feed: well-formed but not RSS", resource: .feed, outcome: .rejected(.unexpectedDocument)) { _ in
            data("<?xml version=\"1.0\"?><html><body><p>Not a feed</p></body></html>")
        },
        .init(name: "feed: invalid UTF-8 in a title", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            var bytes = Data(feed(with: item(title: "News: broken BYTES here")).utf8)
            let marker = Data("BYTES".utf8)
            if let range = bytes.range(of: marker) { bytes.replaceSubrange(range, with: [0xC3, 0x28, 0xFF, 0xFE]) }
            return bytes
        },
        .init(name: "feed: NUL byte in a title", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(feed(with: item(title: "News: nul\u{0}here")))
        },
        .init(name: "feed: declared UTF-16, sent UTF-8", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(feed.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\""))
        },
        .init(name: "feed: declared ISO-8859-1, sent UTF-8 (C1 bytes appear)", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            // “ is E2 80 9C in UTF-8: read as Latin-1 it carries U+0080 and U+009C, which must not survive.
            let title = try hostileItem(stored).item.title
            #expect(title.hasPrefix("Zo") && title.contains("quotes"))
        }) { _ in
            data(feed(with: item(title: "News: Zoë “quotes” ‘single’")).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\""))
        },
        // XMLParser never loads external entities: the reference expands to nothing and the item is kept.
        .init(name: "feed: external entity file:///etc/passwd", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try !hostileItem(stored).item.title.contains("root"))
        }) { _ in
            data(withDoctype(feed(with: item(title: "News: &xxe;")), "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"))
        },
        .init(name: "feed: external entity over http", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(!stored.requests.contains { $0.contains("xxe-probe") }, "the entity was fetched: \(stored.requests)")
        }) { probe in
            data(withDoctype(feed(with: item(title: "News: &xxe;")), "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(probe)\">]>"))
        },
        // Not fetched, so the parameter entity is undeclared: libxml2 error 26.
        .init(name: "feed: external parameter entity over http", resource: .feed, outcome: .rejected(.malformedXML)) { probe in
            data(withDoctype(feed, "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"\(probe)\"> %remote;]>"))
        },
        .init(name: "feed: billion laughs", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(withDoctype(feed(with: item(title: "News: &lol9;")), billionLaughs))
        },
        // XMLParser on Linux does not expand internal DTD entities into text: nothing grows, the item is kept.
        .init(name: "feed: quadratic blowup", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.title.utf8.count < 1_000)
        }) { _ in
            let big = String(repeating: "A", count: 50_000)
            let refs = String(repeating: "&big;", count: 2_000)
            return data(withDoctype(feed(with: item(title: "News: \(refs)")), "<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>"))
        },
        .init(name: "feed: a 50 MB title", resource: .feed, outcome: .rejected(.overLimit)) { _ in
            data(feed(with: item(title: "News: " + String(repeating: "x", count: 50 << 20))))
        },
        .init(name: "feed: an item with 100,000 categories", resource: .feed, outcome: .rejected(.overLimit)) { _ in
            var categories = ""
            categories.reserveCapacity(100_000 * 70)
            for n in 0..<100_000 { categories += "<category domain=\"http://example.org/t#\(n)\">T\(n)</category>" }
            return data(feed(with: item(extra: categories)))
        },
        .init(name: "feed: 10,000 levels of nesting", resource: .feed, outcome: .rejected(.overLimit)) { _ in
            data(feed(with: item(extra: nested("x", 10_000))))
        },
        .init(name: "feed: 30 February", resource: .feed, outcome: .skipped(.invalidValue("pubDate"))) { _ in
            data(feed(with: item(pubDate: "Thu, 30 Feb 2023 10:00:00 +0100")))
        },
        .init(name: "feed: a date in words", resource: .feed, outcome: .skipped(.invalidValue("pubDate"))) { _ in
            data(feed(with: item(pubDate: "yesterday at noon")))
        },
        .init(name: "feed: month 13, hour 99", resource: .feed, outcome: .skipped(.invalidValue("pubDate"))) { _ in
            data(feed(with: item(pubDate: "2023-13-45T99:99:99Z")))
        },
        .init(name: "feed: a year past any calendar (overflowed the day count)", resource: .feed,
              outcome: .skipped(.invalidValue("pubDate"))) { _ in
            data(feed(with: item(pubDate: "Mon, 26 Jun 9223372036854775807 13:43:00 +0200")))
        },
        .init(name: "feed: duplicate guids, the first wins", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.title == "First of two")
        }) { _ in
            data(feed(with: item(title: "News: First of two"), item(title: "News: Second of two")))
        },
        .init(name: "feed: an item without a link", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            let item = try hostileItem(stored).item
            #expect(item.link == "" && item.title == "A hostile item")
        }) { _ in
            data(feed(with: item(link: nil)))
        },
        .init(name: "feed: an item with neither guid nor link", resource: .feed,
              outcome: .skipped(.missingField("guid or link"))) { _ in
            data(feed(with: item(link: nil, guid: nil)))
        },
        .init(name: "feed: an item without a date", resource: .feed, outcome: .skipped(.missingField("pubDate"))) { _ in
            data(feed(with: item(pubDate: nil)))
        },
        .init(name: "feed: javascript: link", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.link == "")
        }) { _ in
            data(feed(with: item(link: "javascript:alert(document.cookie)")))
        },
        .init(name: "feed: file: link", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.link == "")
        }) { _ in
            data(feed(with: item(link: "file:///etc/passwd")))
        },
        .init(name: "feed: data: link", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.link == "")
        }) { _ in
            data(feed(with: item(link: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")))
        },
        .init(name: "feed: C1 CSI and DCS in a title", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.title == "Red 31m2J and q#0;2;0;0;0 done")
        }) { _ in
            data(feed(with: item(title: "News: Red \(c1CSI) and \(c1DCS) done")))
        },
        .init(name: "feed: C1 OSC 52 clipboard write in a title", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.title == "Copy 52;c;ZXZpbA== me")
        }) { _ in
            data(feed(with: item(title: "News: Copy \(c1OSC52) me")))
        },
        .init(name: "feed: raw 8-bit C1 bytes (0x9B CSI, 0x9D OSC) in a UTF-8 title", resource: .feed,
              outcome: .rejected(.malformedXML)) { _ in
            var bytes = Data(feed(with: item(title: "News: BYTES31m")).utf8)
            if let range = bytes.range(of: Data("BYTES".utf8)) { bytes.replaceSubrange(range, with: [0x9B, 0x9D]) }
            return bytes
        },
        .init(name: "feed: raw 8-bit C1 bytes in a declared ISO-8859-1 title", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            // Latin-1 makes 0x9B U+009B (CSI) and 0x9D U+009D (OSC): legal XML, dropped on the way in.
            #expect(try hostileItem(stored).item.title == "Eight-bit 31m 52;c;ZXZpbA== done")
        }) { _ in
            var bytes = Data(feed(with: item(title: "News: Eight-bit @CSI@31m @OSC@52;c;ZXZpbA==@ST@ done"))
                .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"").utf8)
            for (marker, byte) in [("@CSI@", UInt8(0x9B)), ("@OSC@", 0x9D), ("@ST@", 0x9C)] {
                if let range = bytes.range(of: Data(marker.utf8)) { bytes.replaceSubrange(range, with: [byte]) }
            }
            return bytes
        },
        .init(name: "feed: raw ESC in a title", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(feed(with: item(title: "News: \u{1B}[31mred")))
        },
        .init(name: "feed: ESC as a character reference", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(feed(with: item(title: "News: &#27;[31mred")))
        },
        .init(name: "feed: raw BEL and backspaces", resource: .feed, outcome: .rejected(.malformedXML)) { _ in
            data(feed(with: item(title: "News: ding\u{7}\u{8}\u{8}")))
        },
        .init(name: "feed: CSI through HTML entities in a CDATA body", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.body.contains("[2J[H[6n[21t"))
        }) { _ in
            data(feed(with: item(body: "<![CDATA[<p>Clear \(entityCSI) screen</p>]]>")))
        },
        .init(name: "feed: OSC 52 and OSC 8 through entities in a CDATA body", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            let body = try hostileItem(stored).item.body
            #expect(body.contains("]52;c;ZXZpbA==") && body.contains("click me"))
        }) { _ in
            data(feed(with: item(body: "<![CDATA[<p>\(entityOSC52) and \(entityOSC8)</p>]]>")))
        },
        .init(name: "feed: BEL, backspaces and DEL through entities", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.body.contains("SafeEVIL"))
        }) { _ in
            data(feed(with: item(body: "<![CDATA[\(entityBellBackspace)]]>")))
        },
        .init(name: "feed: bidi overrides and isolates in a title", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.title == "gpj.exe isolated rtl first")
        }) { _ in
            data(feed(with: item(title: "News: \(bidi)")))
        },
        .init(name: "feed: zero-width characters in a title", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            #expect(try hostileItem(stored).item.title == "zerowidthnobreakjoiner")
        }) { _ in
            data(feed(with: item(title: "News: \(zeroWidth)")))
        },
        .init(name: "feed: escapes in a topic label, its URI and the author", resource: .feed, outcome: .stored { (stored: StoredCollection) throws in
            let detail = try hostileItem(stored)
            #expect(detail.item.author == "Mal52;c;ZXZpbA==lory")
            #expect(detail.topics.contains { $0.label == "Evil gpj.exe" && $0.uri == "http://example.org/t#31mevil" })
        }) { _ in
            data(feed(with: item(creator: "Mal\(c1OSC52)lory",
                                 extra: "<category domain=\"http://example.org/t#\(c1CSI.prefix(4))evil\">Evil \u{202E}gpj.exe</category>")))
        },
        .init(name: "feed: next page on a file: URL", resource: .feed, outcome: .rejected(.offRemote)) { _ in
            data(feed.replacingOccurrences(of: "<fh:complete/>", with: "<atom:link rel=\"next\" href=\"file:///etc/passwd\"/>"))
        },
        .init(name: "feed: next page on another host", resource: .feed, outcome: .rejected(.offRemote)) { _ in
            data(feed.replacingOccurrences(of: "<fh:complete/>", with: "<atom:link rel=\"next\" href=\"http://example.invalid/feed.xml?page=2\"/>"))
        },
    ]
}
