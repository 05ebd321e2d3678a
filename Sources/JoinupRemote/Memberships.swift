import FlyingFox
import Foundation
import JoinupModel
import JoinupSync

/// One account the server knows (`users.json` in the state folder).
struct RemoteUser: Codable, Sendable {
    var token: String
    var id: String
    var name: String
    var blocked: Bool?
    var businessTitle: String?
    var organisation: String?

    enum CodingKeys: String, CodingKey {
        case token, id, name, blocked
        case businessTitle = "business_title"
        case organisation
    }
}

/// What the server has recorded on top of the data folder: memberships and answered idempotency keys.
/// One file, replaced atomically, so both always agree after a crash or a restart.
struct MembershipLedger: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var collection: String
        var userID: String
        var name: String
        /// "active", "pending", or "left" (a member of the data folder's list who left).
        var state: String
        var roles: [String]
        var since: Date
    }

    /// A stored answer, replayed for a request carrying the same key.
    struct Answer: Codable, Sendable {
        var userID: String
        var collection: String
        var kind: String
        var status: Int
        var body: String
    }

    var memberships: [Entry] = []
    var answers: [String: Answer] = [:]
    /// How many requests changed a membership (a replayed one does not): what tests count.
    var changes = 0
    var modified = Date(timeIntervalSince1970: 0)
}

/// The join/leave side of `joinup-remote` (DESIGN.md's remote table): bearer tokens from
/// `users.json`, open/closed from the collection metadata, the owner from the members list,
/// memberships and `Idempotency-Key` answers persisted in the state folder (`ledger.json`).
actor MembershipService {
    let stateDirectory: URL
    private var ledger: MembershipLedger

    init(stateDirectory: URL) {
        self.stateDirectory = stateDirectory
        let file = stateDirectory.appendingPathComponent("ledger.json")
        ledger = (try? Data(contentsOf: file)).flatMap { try? Self.decoder.decode(MembershipLedger.self, from: $0) }
            ?? MembershipLedger()
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()

    /// Answers `POST /collection/<alias>/join|leave` and `GET /user`; nil for every other request.
    func respond(to request: HTTPRequest, source: any RemoteSource) async -> HTTPResponse? {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments == ["user"], request.method == .GET {
            guard let user = user(for: request) else { return unauthorized() }
            return json(.ok, ["id": user.id, "name": user.name])
        }
        guard segments.count == 3, segments[0] == "collection" || segments[0] == "rdf_entity",
              let kind = MembershipActionKind(rawValue: segments[2]) else { return nil }
        guard request.method == .POST else { return json(.methodNotAllowed, ["error": "method", "message": "Use POST."]) }
        guard let user = user(for: request) else { return unauthorized() }
        // Both path forms name one collection: the ledger keeps it by alias.
        let alias = segments[0] == "collection" ? segments[1]
            : await source.collection(uri: JoinupURIEncoding.decode(segments[1]))?.alias ?? segments[1]
        let key = request.headers[HTTPHeader("Idempotency-Key")]
        if let key, let answer = ledger.answers[key] {
            guard answer.userID == user.id, answer.collection == alias, answer.kind == kind.rawValue else {
                return json(.unprocessableContent, ["error": "idempotency-key",
                                                    "message": "This Idempotency-Key was used for another request."])
            }
            var response = HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: ""),
                                        headers: [.contentType: ContentType.json], body: Data(answer.body.utf8))
            response.headers[HTTPHeader("Idempotent-Replayed")] = "true"
            return response
        }
        guard let collection = await source.collection(alias) else {
            return json(.notFound, ["error": "not-found", "message": "No collection \"\(alias)\"."])
        }
        let base = baseMembers(collection)
        let (status, body, changed) = decide(kind, user: user, alias: alias, isClosed: collection.listing.isClosed, base: base)
        if changed { ledger.changes += 1 }
        if let key {
            ledger.answers[key] = .init(userID: user.id, collection: alias, kind: kind.rawValue, status: status.code,
                                        body: String(decoding: body, as: UTF8.self))
        }
        if changed || key != nil {
            ledger.modified = Date()
            do {
                try save()
            } catch {
                return json(.internalServerError, ["error": "state", "message": "Cannot save the state: \(error)"])
            }
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: ContentType.json], body: body)
    }

    /// The rules: blocked accounts are refused, the owner cannot leave, a closed collection makes
    /// a join pending. Returns the answer and whether a membership changed.
    private func decide(_ kind: MembershipActionKind, user: RemoteUser, alias: String, isClosed: Bool,
                        base: [Member]) -> (HTTPStatusCode, Data, Bool) {
        let listed = base.first { $0.id == user.id || $0.name == user.name }
        let recorded = ledger.memberships.firstIndex { $0.collection == alias && $0.userID == user.id }
        let isOwner = listed?.roles.contains(.owner) == true
        func answer(_ state: String, _ roles: [String]) -> Data {
            encode(["collection": alias, "user": user.name, "state": state, "roles": roles] as [String: Any])
        }
        if user.blocked == true {
            return (.forbidden, encode(["error": "blocked", "message": "Your account has been blocked."]), false)
        }
        let current: (state: String, roles: [String])? = {
            if let recorded {
                let entry = ledger.memberships[recorded]
                return entry.state == "left" ? nil : (entry.state, entry.roles)
            }
            return listed.map { ($0.state.rawValue, $0.roles.map(\.rawValue)) }
        }()
        switch kind {
        case .join:
            if let current, current.state == "active" || current.state == "pending" {
                return (.ok, answer(current.state, current.roles), false)
            }
            let state = isClosed ? "pending" : "active"
            let entry = MembershipLedger.Entry(collection: alias, userID: user.id, name: user.name, state: state,
                                               roles: ["member"], since: Date())
            if let recorded { ledger.memberships[recorded] = entry } else { ledger.memberships.append(entry) }
            return (.ok, answer(state, ["member"]), true)
        case .leave:
            if isOwner {
                return (.conflict, encode(["error": "owner",
                                           "message": "The owner cannot leave the collection; transfer the ownership first."]), false)
            }
            guard current != nil else { return (.ok, answer("none", []), false) }
            let entry = MembershipLedger.Entry(collection: alias, userID: user.id, name: user.name, state: "left",
                                               roles: [], since: Date())
            if let recorded { ledger.memberships[recorded] = entry } else { ledger.memberships.append(entry) }
            return (.ok, answer("none", []), true)
        }
    }

    /// The members document with the recorded memberships applied (its ETag follows the body).
    func members(of collection: ServedCollection, document: StoredDocument) -> StoredDocument {
        let changes = ledger.memberships.filter { $0.collection == collection.alias }
        guard !changes.isEmpty else { return document }
        var members = baseMembers(collection)
        let users = (try? loadUsers()) ?? []
        for change in changes {
            members.removeAll { $0.id == change.userID || $0.name == change.name }
            guard change.state != "left", let state = MembershipState(rawValue: change.state) else { continue }
            let user = users.first { $0.id == change.userID }
            members.append(Member(id: change.userID, name: change.name, businessTitle: user?.businessTitle ?? "",
                                  organisation: user?.organisation ?? "", roles: change.roles.compactMap(Role.init(rawValue:)),
                                  state: state, memberSince: change.since))
        }
        let uri = (try? JSONSerialization.jsonObject(with: document.data) as? [String: Any])?["collection"] as? String
            ?? collection.listing.uri ?? ""
        return StoredDocument(data: MembersJSONWriter.write(members, collectionURI: uri),
                              lastModified: max(document.lastModified, ledger.modified), contentType: document.contentType)
    }

    private func baseMembers(_ collection: ServedCollection) -> [Member] {
        guard let document = collection.members else { return [] }
        return (try? MembersJSONParser.parse(document.data)) ?? []
    }

    private func user(for request: HTTPRequest) -> RemoteUser? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { return nil }
        return (try? loadUsers())?.first { $0.token == token }
    }

    /// `users.json`, read on every request so a test (or an admin) can edit it while serving.
    private func loadUsers() throws -> [RemoteUser] {
        struct Users: Decodable { var users: [RemoteUser] }
        let data = try Data(contentsOf: stateDirectory.appendingPathComponent("users.json"))
        return try JSONDecoder().decode(Users.self, from: data).users
    }

    private func save() throws {
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        try Self.encoder.encode(ledger).write(to: stateDirectory.appendingPathComponent("ledger.json"), options: .atomic)
    }

    private func unauthorized() -> HTTPResponse {
        var response = json(.unauthorized, ["error": "unauthorized", "message": "Sign in: send Authorization: Bearer <token>."])
        response.headers[HTTPHeader("WWW-Authenticate")] = "Bearer"
        return response
    }

    private func json(_ status: HTTPStatusCode, _ object: [String: Any]) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: ContentType.json], body: encode(object))
    }

    private func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
