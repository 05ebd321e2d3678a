import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel

/// `joinup topics`: the topic facet for a filter, with the browser's counts.
struct Topics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List the topic facet: label, count, level, URI (the browser's counts for the same filters).",
        discussion: """
            Counts follow Joinup's rules: over the items the filters select, ignoring the --topic \
            selection itself; a category counts the items of any of its terms; by count, then label; \
            topics with no item are left out.
            """)

    @OptionGroup var options: PathOptions
    @OptionGroup var selection: CollectionOption
    @OptionGroup var filtering: ItemFilterOptions

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        try reportingFailures {
            let opened = try OpenedCache.open(options, collection: selection.collection)
            let filter = try filtering.filter(cache: opened.cache)
            let facets = try opened.cache.facetCounts(collectionURI: opened.collection.uri, filter: filter)
            var out = OutputBuffer()
            for facet in facets {
                let topic = facet.topic
                if json {
                    try out.line(try JSONLines.line(FacetRecord(uri: topic.uri, label: topic.label, count: facet.count,
                                                                level: topic.level.rawValue, parent: topic.parentURI)))
                } else {
                    try out.line([cell(topic.label), String(facet.count), topic.level.rawValue, cell(topic.uri)].joined(separator: "\t"))
                }
            }
            try out.flush()
        }
    }
}

struct FacetRecord: Encodable {
    var uri: String
    var label: String
    var count: Int
    var level: String
    var parent: String?
}
