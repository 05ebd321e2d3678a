import Foundation
import JoinupModel
import JoinupSync

/// Serves a data folder: `topics.rdf`, and per collection `<alias>/collection.rdf`, `feed.xml`,
/// `members.json` (see docs/REMOTE.md). A collection is re-read when one of its files changes
/// (modification time, size or inode), so tests can edit files between syncs.
actor FolderSource: RemoteSource {
    let root: URL
    private var loaded: [String: (stamp: [FileStamp?], collection: ServedCollection)] = [:]
    private var topics: (stamp: FileStamp?, document: StoredDocument?)?
    private let warn: @Sendable (String) -> Void

    init(root: URL, warn: @escaping @Sendable (String) -> Void) {
        self.root = root
        self.warn = warn
    }

    func collections() -> [ServedCollection] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            guard !name.hasPrefix("."),
                  FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            return collection(name)
        }
    }

    func collection(_ alias: String) -> ServedCollection? {
        guard !alias.isEmpty, !alias.hasPrefix("."), !alias.contains("/") else { return nil }
        let folder = root.appendingPathComponent(alias)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            loaded[alias] = nil
            return nil
        }
        let files = ["collection.rdf", "feed.xml", "members.json"].map { folder.appendingPathComponent($0) }
        let stamp = files.map { FileStamp(path: $0.path) }
        if let cached = loaded[alias], cached.stamp == stamp { return cached.collection }
        let collection = load(alias: alias, files: files, stamps: stamp)
        loaded[alias] = (stamp, collection)
        return collection
    }

    func vocabulary() -> StoredDocument? {
        let file = root.appendingPathComponent("topics.rdf")
        let stamp = FileStamp(path: file.path)
        if let topics, topics.stamp == stamp { return topics.document }
        let document = read(file, stamp: stamp, type: ContentType.rdf)
        topics = (stamp, document)
        return document
    }

    private func read(_ file: URL, stamp: FileStamp?, type: String) -> StoredDocument? {
        guard let stamp, let data = try? Data(contentsOf: file) else { return nil }
        return StoredDocument(data: data, lastModified: stamp.modifiedDate, contentType: type)
    }

    /// The folder's documents as stored. The metadata is read only to route and list the
    /// collection: its URI and title (`CatalogIdentity`, by full IRI), and for the directory
    /// extension what the client's parser finds (closed flag, abstract, modified) when it reads it.
    private func load(alias: String, files: [URL], stamps: [FileStamp?]) -> ServedCollection {
        let metadata = read(files[0], stamp: stamps[0], type: ContentType.rdf)
        let members = read(files[2], stamp: stamps[2], type: ContentType.json)
        var identity: CatalogIdentity?
        var about: Collection?
        if let metadata {
            do {
                identity = try CatalogIdentity.read(metadata.data, resource: files[0].path)
                if identity == nil { warn("\(files[0].path): no dcat:Catalog with an rdf:about (served as is; no /rdf_entity path)") }
            } catch {
                warn("\(error.message) (served as is; no /rdf_entity path)")
            }
            about = try? CollectionRDFParser.parse(metadata.data, resource: files[0].path)
        }
        let feed = read(files[1], stamp: stamps[1], type: ContentType.rss).map { ServedFeed.stored(StoredFeed($0)) }
        let newest = stamps.compactMap { $0?.modifiedDate }.max() ?? Date(timeIntervalSince1970: 0)
        let listing = DirectoryListing(alias: alias, title: identity?.title ?? alias, uri: identity?.uri,
                                       abstract: about?.abstract ?? "", isClosed: about?.isClosed ?? false,
                                       modified: about?.modified ?? newest)
        return ServedCollection(alias: alias, listing: listing, metadata: metadata, members: members, feed: feed)
    }
}

