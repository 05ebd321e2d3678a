import Foundation
import JoinupCache
import JoinupModel
import JoinupRemote
import JoinupSync
import JoinupTestSupport
import Testing

@Suite struct RemoteServerTests {
    let ospoFeed = "/collection/ec-open-source-programme-office/feed.xml"

    @Test func everyDocumentHasAStrongETagAndAnswers304WhenItMatches() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        for target in [ospoFeed, "/collections.xml", "/ontology/topic?_format=rdfxml",
                       "/collection/open-source-observatory?_format=rdfxml",
                       "/collection/open-source-observatory/members?_format=json"] {
            let first = await server.get(target)
            #expect(first.status == 200, "\(target)")
            let etag = try #require(first["ETag"])
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            #expect(first["Last-Modified"] != nil)
            let again = await server.get(target, headers: ["If-None-Match": etag])
            #expect(again.status == 304, "\(target)")
            #expect(again.body.isEmpty)
            #expect(again["ETag"] == etag)
            let other = await server.get(target, headers: ["If-None-Match": "\"something-else\""])
            #expect(other.status == 200)
            #expect(other.body == first.body)
        }
    }

    @Test func ifModifiedSinceAnswers304UnlessTheFileIsNewerAndIfNoneMatchWins() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        let first = await server.get(ospoFeed)
        let modified = try #require(first["Last-Modified"])
        #expect(await server.get(ospoFeed, headers: ["If-Modified-Since": modified]).status == 304)
        #expect(await server.get(ospoFeed, headers: ["If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"]).status == 200)
        // If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.2.2).
        #expect(await server.get(ospoFeed, headers: ["If-Modified-Since": modified, "If-None-Match": "\"stale\""]).status == 200)
    }

    @Test func gzipIsSentOnlyWhenAcceptedAndHasItsOwnETag() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        let plain = await server.get(ospoFeed)
        #expect(plain["Content-Encoding"] == nil)
        let zipped = await server.get(ospoFeed, headers: ["Accept-Encoding": "br, gzip;q=0.8"])
        #expect(zipped["Content-Encoding"] == "gzip")
        #expect(zipped.body.count < plain.body.count)
        #expect(try Gzip.decompress(zipped.body) == plain.body)
        let tag = try #require(zipped["ETag"])
        #expect(tag != plain["ETag"])
        #expect(await server.get(ospoFeed, headers: ["Accept-Encoding": "gzip", "If-None-Match": tag]).status == 304)
        #expect(await server.get(ospoFeed, headers: ["Accept-Encoding": "gzip;q=0"])["Content-Encoding"] == nil)
    }

    @Test func feedsArePagedWithNextLinksAndEveryPageSaysComplete() async throws {
        let server = RemoteServer(folder: fixtureFolder, pageSize: 3)
        var target: String? = ospoFeed
        var pages: [FeedPage] = []
        while let current = target {
            let response = await server.get(current)
            #expect(response.status == 200)
            let page = try RSSFeedParser.parse(response.body, collectionURI: EmbeddedSnapshot.collectionURI)
            #expect(page.isComplete)
            pages.append(page)
            target = page.nextPageURL.map { String($0.dropFirst("http://127.0.0.1".count)) }
        }
        #expect(pages.map(\.items.count) == [3, 3, 2])
        #expect(pages[0].nextPageURL?.contains("page=2&v=") == true)
        let snapshot = try EmbeddedSnapshot.load()
        let assembled = SnapshotAssembler.assemble(collection: snapshot.collection, vocabulary: snapshot.topics,
                                                   feedPages: pages, members: nil)
        #expect(assembled.items == snapshot.items)
        #expect(assembled.isCompleteListing)
    }

    @Test func aPageOfAnOlderListingIs412AndAPagePastTheEndIs404() async throws {
        let server = RemoteServer(folder: fixtureFolder, pageSize: 3)
        let first = try RSSFeedParser.parse(await server.get(ospoFeed).body, collectionURI: "urn:x")
        let next = try #require(first.nextPageURL)
        let version = try #require(next.components(separatedBy: "v=").last)
        #expect(await server.get(ospoFeed + "?page=2&v=\(version)").status == 200)
        #expect(await server.get(ospoFeed + "?page=2&v=older").status == 412)
        #expect(await server.get(ospoFeed + "?page=4&v=\(version)").status == 404)
        #expect(await server.get(ospoFeed + "?page=0").status == 404)
    }

    @Test func unknownCollectionsAndPathsAre404() async {
        let server = RemoteServer(folder: fixtureFolder)
        #expect(await server.get("/collection/no-such-collection/feed.xml").status == 404)
        #expect(await server.get("/collection/no-such-collection?_format=rdfxml").status == 404)
        #expect(await server.get("/collection/../topics.rdf").status == 404)
        #expect(await server.get("/ontology/topic").status == 404)
        #expect(await server.get("/nothing").status == 404)
    }

    @Test func theDirectoryListsEveryCollectionWithAliasAndClosedFlag() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        let entries = try CollectionDirectoryParser.parse(await server.get("/collections.xml").body)
        #expect(entries.map(\.alias) == ["cybersecurity-working-group", "ec-open-source-programme-office", "open-source-observatory"])
        #expect(entries.map(\.isClosed) == [true, false, false])
        #expect(entries[1].title == "EC Open Source Programme Office")
        #expect(entries[1].uri == EmbeddedSnapshot.collectionURI)
    }

    @Test func documentsAreServedAsStored() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        let dir = fixtureFolder.appendingPathComponent("open-source-observatory")
        #expect(await server.get("/collection/open-source-observatory?_format=rdfxml").body
                == (try Data(contentsOf: dir.appendingPathComponent("collection.rdf"))))
        #expect(await server.get("/collection/open-source-observatory/members?_format=json").body
                == (try Data(contentsOf: dir.appendingPathComponent("members.json"))))
    }

    @Test func anEditedFileIsServedAnewWithANewETag() async throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        let server = RemoteServer(folder: data)
        let before = await server.get(ospoFeed)
        let file = data.appendingPathComponent("ec-open-source-programme-office/feed.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Accepting open source contributions", with: "Welcoming open source contributions")
            .write(to: file, atomically: true, encoding: .utf8)
        let after = await server.get(ospoFeed)
        #expect(after["ETag"] != before["ETag"])
        #expect(after.body.text.contains("Welcoming open source contributions"))
        #expect(await server.get(ospoFeed, headers: ["If-None-Match": before["ETag"]!]).status == 200)
    }

    @Test func anUnreadableFeedIsServedByteForByte() async throws {
        let folder = try TemporaryFolder()
        let data = try folder.copyOfFixtures()
        let garbage = Data("<html><body>Maintenance".utf8)
        try garbage.write(to: data.appendingPathComponent("open-source-observatory/feed.xml"))
        let server = RemoteServer(folder: data)
        let response = await server.get("/collection/open-source-observatory/feed.xml")
        #expect(response.status == 200)
        #expect(response.body == garbage)
    }

    @Test func aGeneratedSetIsServedFromMemory() async throws {
        let set = CollectionGenerator.generate(itemsPerCollection: 25, collections: 2, seed: 3)
        let server = RemoteServer(generated: set, pageSize: 10)
        let entries = try CollectionDirectoryParser.parse(await server.get("/collections.xml").body)
        #expect(entries.map(\.alias) == set.collections.map(\.collection.alias))
        let first = try RSSFeedParser.parse(await server.get("/collection/generated-1/feed.xml").body, collectionURI: set.collections[0].collection.uri)
        #expect(first.items == Array(set.collections[0].items.prefix(10)))
        #expect(try SKOSTopicParser.parse(await server.get("/ontology/topic?_format=rdfxml").body) == set.vocabulary)
    }

    @Test func aPortInUseFailsTheStartWithTheSocketsErrorNotATimeout() async throws {
        let first = RemoteServer(folder: fixtureFolder)
        let base = try await first.start()
        defer { Task { await first.stop() } }
        let port = try #require(URLComponents(string: base)?.port.flatMap { UInt16(exactly: $0) })
        do {
            _ = try await RemoteServer(folder: fixtureFolder).start(port: port)
            Issue.record("a second server bound a port already in use")
        } catch {
            // The socket's own words, at once, not the listener wait running out.
            let inUse = String(cString: strerror(EADDRINUSE))
            #expect("\(error)".contains(inUse), "expected \(inUse), got \(error)")
        }
    }

    @Test func theHTTPClientNamesARefusedConnection() async throws {
        let server = RemoteServer(folder: fixtureFolder)
        let base = try await server.start()
        await server.stop()
        let url = try #require(URL(string: base + ospoFeed))
        do {
            _ = try await HTTPClient(limits: HTTPClientLimits(requestTimeout: 2)).get(url)
            Issue.record("expected an error")
        } catch {
            guard case .cannotConnect = error else {
                Issue.record("expected cannotConnect, got \(error)")
                return
            }
            #expect(error.message.contains(url.absoluteString))
        }
    }
}
