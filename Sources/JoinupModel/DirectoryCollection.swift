import Foundation

/// A collection as a remote's directory lists it (Joinup's SPARQL endpoint, or `/collections.xml`),
/// whether or not it was ever synced.
public struct DirectoryCollection: Hashable, Sendable, Codable {
    public var uri: String
    /// The short id (`dct:alternative`), Joinup's URL alias; nil when the directory gives none.
    public var alias: String?
    public var title: String
    public var abstract: String
    public var modified: Date?
    /// Joining needs a facilitator's approval.
    public var isClosed: Bool
    /// Joinup's workflow state: `validated`, `archival_request`, `archived`…
    public var state: String
    public var ownerURI: String?
    public var contactURI: String?
    /// Topic URIs, categories and terms alike.
    public var topicURIs: [String]
    public var countryURIs: [String]

    public init(uri: String, alias: String?, title: String, abstract: String = "", modified: Date? = nil,
                isClosed: Bool = false, state: String = "validated", ownerURI: String? = nil, contactURI: String? = nil,
                topicURIs: [String] = [], countryURIs: [String] = []) {
        self.uri = uri
        self.alias = alias
        self.title = title
        self.abstract = abstract
        self.modified = modified
        self.isClosed = isClosed
        self.state = state
        self.ownerURI = ownerURI
        self.contactURI = contactURI
        self.topicURIs = topicURIs
        self.countryURIs = countryURIs
    }

    /// Archived collections stay listed on Joinup, marked, and receive no new content.
    public var isArchived: Bool { state == "archived" }
}

/// A collection owner (`foaf:Agent`): name and ADMS publisher type URI.
public struct DirectoryOwner: Hashable, Sendable, Codable {
    public var uri: String
    public var name: String
    public var typeURI: String?

    public init(uri: String, name: String, typeURI: String?) {
        self.uri = uri
        self.name = name
        self.typeURI = typeURI
    }

    /// The type's last path segment in words ("SupraNationalAuthority" → "Supra national authority").
    public var typeLabel: String? {
        guard let typeURI, let last = typeURI.split(separator: "/").last, !last.isEmpty else { return nil }
        var words = ""
        for character in last {
            if character.isUppercase, !words.isEmpty { words += " " }
            words.append(words.isEmpty ? Character(character.uppercased()) : Character(character.lowercased()))
        }
        return words
    }
}

/// A contact point (`vcard:Kind`): name, e-mail address (without `mailto:`) and web page.
public struct DirectoryContact: Hashable, Sendable, Codable {
    public var uri: String
    public var name: String
    public var email: String?
    public var webPage: String?

    public init(uri: String, name: String, email: String?, webPage: String?) {
        self.uri = uri
        self.name = name
        self.email = email
        self.webPage = webPage
    }
}

/// Everything one directory read brings: what `CacheDatabase.storeDirectory` stores in one go.
public struct CollectionDirectorySnapshot: Hashable, Sendable {
    public var collections: [DirectoryCollection]
    /// The topic vocabulary (categories and terms); empty when the source has none.
    public var topics: [Topic]
    public var owners: [DirectoryOwner]
    public var contacts: [DirectoryContact]
    /// Country URI → English name.
    public var countryNames: [String: String]

    public init(collections: [DirectoryCollection], topics: [Topic] = [], owners: [DirectoryOwner] = [],
                contacts: [DirectoryContact] = [], countryNames: [String: String] = [:]) {
        self.collections = collections
        self.topics = topics
        self.owners = owners
        self.contacts = contacts
        self.countryNames = countryNames
    }
}
