import Foundation
import JoinupModel

/// A small collection directory for the browser's tests: six collections over a two-level
/// vocabulary where the category "ICT" and its term "ICT" share a label.
///
/// Counts over all six, by Joinup's rules: ICT category 5, Digital government category 4,
/// ICT term 2, Open Source Software 2, eGovernment 2, Legal 2.
public enum DirectoryFixture {
    public static let ictCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#ict", label: "ICT")
    public static let govCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#digital-government",
                                          label: "Digital government")
    public static let ict = Topic(uri: "http://joinup.eu/ontology/topic#ict", label: "ICT", parentURI: ictCategory.uri)
    public static let oss = Topic(uri: "http://joinup.eu/ontology/topic#open-source-software", label: "Open Source Software",
                                  parentURI: ictCategory.uri)
    public static let egov = Topic(uri: "http://joinup.eu/ontology/topic#egovernment", label: "eGovernment",
                                   parentURI: govCategory.uri)
    public static let legal = Topic(uri: "http://joinup.eu/ontology/topic#legal", label: "Legal", parentURI: govCategory.uri)
    public static let topics = [ictCategory, govCategory, ict, oss, egov, legal]

    /// The embedded snapshot's collection (EC OSPO), listed by the directory too.
    public static let ospoURI = "http://data.europa.eu/w21/0ea48cb0-4f45-4a6e-9d0b-7b3f2a1c5e21"
    public static let ownerURI = "http://data.europa.eu/w21/owner-digit"
    public static let contactURI = "http://data.europa.eu/w21/contact-ospo"
    public static let belgium = "http://publications.europa.eu/resource/authority/country/BEL"
    public static let europeanUnion = "http://publications.europa.eu/resource/authority/country/EUR"

    static func uri(_ alias: String) -> String { "http://data.europa.eu/w21/\(alias)" }

    public static let collections: [DirectoryCollection] = [
        DirectoryCollection(uri: ospoURI, alias: "ec-open-source-programme-office", title: "EC Open Source Programme Office",
                            abstract: "The Commission's open source programme office.", ownerURI: ownerURI,
                            contactURI: contactURI, topicURIs: [oss.uri, egov.uri], countryURIs: [europeanUnion, belgium]),
        DirectoryCollection(uri: uri("cybersecurity"), alias: "cybersecurity", title: "Cybersecurity Working Group",
                            abstract: "Public-sector security teams share incident playbooks.", isClosed: true,
                            topicURIs: [ict.uri]),
        DirectoryCollection(uri: uri("osor"), alias: "osor", title: "Open Source Observatory (OSOR)",
                            abstract: "News and case studies on open source in public administrations.",
                            topicURIs: [oss.uri, legal.uri]),
        DirectoryCollection(uri: uri("legacy"), alias: "legacy", title: "Legacy interoperability archive",
                            abstract: "Kept for reference; no new content.", state: "archived", topicURIs: [ictCategory.uri]),
        DirectoryCollection(uri: uri("semic"), alias: "semic", title: "Semantic Interoperability Community",
                            abstract: "Core vocabularies for e-government.", topicURIs: [egov.uri]),
        DirectoryCollection(uri: uri("lodz"), alias: "lodz", title: "Łódź smart city pilots",
                            abstract: "Municipal pilots: sensors, open data and legal sandboxes.", topicURIs: [ict.uri, legal.uri]),
    ]

    /// The whole read, with owner, contact point and country names for EC OSPO.
    public static let snapshot = CollectionDirectorySnapshot(
        collections: collections, topics: topics,
        owners: [DirectoryOwner(uri: ownerURI, name: "European Commission, DG DIGIT",
                                typeURI: "http://purl.org/adms/publishertype/SupraNationalAuthority")],
        contacts: [DirectoryContact(uri: contactURI, name: "EC OSPO team", email: "ec-ospo@example.org",
                                    webPage: "https://joinup.ec.europa.eu/collection/ec-open-source-programme-office")],
        countryNames: [belgium: "Belgium", europeanUnion: "European Union"])
}
