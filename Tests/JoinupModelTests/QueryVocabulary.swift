@testable import JoinupModel

/// A small two-level vocabulary with the seed's shared "ICT" label.
enum QueryVocabulary {
    static let ictCategory = Topic(uri: "http://joinup.eu/ontology/topic/category#ict", label: "ICT")
    static let ictTerm = Topic(uri: "http://joinup.eu/ontology/topic#ict", label: "ICT", parentURI: ictCategory.uri)
    static let ictSecurity = Topic(uri: "http://joinup.eu/ontology/topic#ict-security", label: "ICT security",
                                   parentURI: ictCategory.uri)
    static let openSource = Topic(uri: "http://joinup.eu/ontology/topic#open-source-software",
                                  label: "Open Source Software", parentURI: ictCategory.uri)
    static let government = Topic(uri: "http://joinup.eu/ontology/topic/category#digital-government",
                                  label: "Digital government")
    static let legal = Topic(uri: "http://joinup.eu/ontology/topic#legal", label: "Legal", parentURI: government.uri)
    static let openData = Topic(uri: "http://joinup.eu/ontology/topic#open-data", label: "Données ouvertes",
                                parentURI: government.uri)
    static let eGovernment = Topic(uri: "http://joinup.eu/ontology/topic#egovernment", label: "eGovernment",
                                   parentURI: government.uri)

    // The child term comes before its category, so ordering by level is the resolver's doing.
    static let all = [ictTerm, ictSecurity, openSource, ictCategory, legal, openData, government, eGovernment]
}
