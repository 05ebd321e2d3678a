import Foundation
import JoinupSync
import JoinupTestSupport
import Testing

/// sparql_entity_storage's `UriEncoder` and the paths built from it.
@Suite struct JoinupURIEncodingTests {
    /// Pairs as they appear in Joinup's own code and pages (joinup-dev: a menu link to the EIF
    /// recommendations and the "About Joinup" link's system path), plus every escaped character.
    static let examples: [(uri: String, encoded: String)] = [
        ("http://data.europa.eu/w21/405d8980-3f06-4494-b34a-46c388a38651",
         "http_e_f_fdata_ceuropa_ceu_fw21_f405d8980_b3f06_b4494_bb34a_b46c388a38651"),
        ("http://data.europa.eu/w21/df34e3a2-207b-4910-a804-344931654e20",
         "http_e_f_fdata_ceuropa_ceu_fw21_fdf34e3a2_b207b_b4910_ba804_b344931654e20"),
        ("http://example.org/a_b-c", "http_e_f_fexample_corg_fa_ab_bc"),
        ("_-.~:/?#[]@!$&'()*+,;=`%", "_a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x"),
        ("__", "_a_a"),
        ("", ""),
    ]

    @Test(arguments: examples.indices)
    func encodesAndDecodesJoinupsExamples(_ index: Int) {
        let (uri, encoded) = Self.examples[index]
        #expect(JoinupURIEncoding.encode(uri) == encoded)
        #expect(JoinupURIEncoding.decode(encoded) == uri)
    }

    /// Characters that exercise every rule: each escaped character, the code letters themselves,
    /// `_` next to them, digits, non-ASCII letters and a combining accent (PHP works on bytes, so a
    /// `_` before a combining mark is still escaped).
    static let alphabet: [Unicode.Scalar] = Array("_-.~:/?#[]@!$&'()*+,;=`%abcdefghijklmnopqrstuvwxyzA09éł€".unicodeScalars)
        + ["\u{301}", "\u{1F600}"]

    static let delimiters = Set("-.~:/?#[]@!$&'()*+,;=`%".unicodeScalars)

    static func randomString(_ rng: inout SplitMix64, from alphabet: [Unicode.Scalar]) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int(rng.next() % 24) { text.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        return String(text)
    }

    @Test func decodingUndoesEncodingForRandomStrings() {
        var rng = SplitMix64(seed: 13)
        for _ in 0..<3_000 {
            let text = Self.randomString(&rng, from: Self.alphabet)
            let encoded = JoinupURIEncoding.encode(text)
            #expect(JoinupURIEncoding.decode(encoded) == text, "\(text.debugDescription) → \(encoded)")
            #expect(!encoded.unicodeScalars.contains { Self.delimiters.contains($0) }, "\(encoded) still holds a URI delimiter")
        }
    }

    @Test func agreesWithPHPsSequenceOfReplacementsOnAnyInput() {
        // Decoding is also asked of text that no encoder wrote (a hand-typed URL): `_z`, a lone `_`.
        let noisy = Array("_abcxz-/é".unicodeScalars)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            let text = Self.randomString(&rng, from: rng.next() % 2 == 0 ? noisy : Self.alphabet)
            #expect(JoinupURIEncoding.encode(text) == PHPUriEncoder.encodeUrl(text), "\(text.debugDescription)")
            #expect(JoinupURIEncoding.decode(text) == PHPUriEncoder.decodeUrl(text), "\(text.debugDescription)")
        }
    }
}

/// `UriEncoder.php` transcribed literally: PHP's `str_replace` with arrays applies each pair in
/// turn to the whole string, byte by byte. The reference the one-pass implementation must match.
private enum PHPUriEncoder {
    static let pairs: [(String, String)] = [
        ("-", "_b"), (".", "_c"), ("~", "_d"), (":", "_e"), ("/", "_f"), ("?", "_g"), ("#", "_h"), ("[", "_i"),
        ("]", "_j"), ("@", "_k"), ("!", "_l"), ("$", "_m"), ("&", "_n"), ("'", "_o"), ("(", "_p"), (")", "_q"),
        ("*", "_r"), ("+", "_s"), (",", "_t"), (";", "_u"), ("=", "_v"), ("`", "_w"), ("%", "_x"),
    ]

    static func encodeUrl(_ uri: String) -> String {
        var bytes = strReplace(Array("_".utf8), Array("_a".utf8), in: Array(uri.utf8))
        for (key, value) in pairs { bytes = strReplace(Array(key.utf8), Array(value.utf8), in: bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decodeUrl(_ uri: String) -> String {
        var bytes = Array(uri.utf8)
        for (key, value) in pairs { bytes = strReplace(Array(value.utf8), Array(key.utf8), in: bytes) }
        return String(decoding: strReplace(Array("_a".utf8), Array("_".utf8), in: bytes), as: UTF8.self)
    }

    /// Every non-overlapping occurrence, left to right, as PHP's `str_replace`.
    static func strReplace(_ search: [UInt8], _ replace: [UInt8], in subject: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < subject.count {
            if index + search.count <= subject.count, Array(subject[index..<index + search.count]) == search {
                out += replace
                index += search.count
            } else {
                out.append(subject[index])
                index += 1
            }
        }
        return out
    }
}

@Suite struct CollectionAddressingTests {
    let layout = RemoteLayout(base: "http://127.0.0.1:8080/")!
    let uri = "http://data.europa.eu/w21/405d8980-3f06-4494-b34a-46c388a38651"
    let encoded = "http_e_f_fdata_ceuropa_ceu_fw21_f405d8980_b3f06_b4494_bb34a_b46c388a38651"

    @Test func aURIArgumentIsAddressedByTheEntityPathAndAnAliasByTheAliasPath() {
        #expect(CollectionAddress(argument: uri) == .uri(uri))
        #expect(CollectionAddress(argument: "https://joinup.ec.europa.eu/x") == .uri("https://joinup.ec.europa.eu/x"))
        #expect(CollectionAddress(argument: "ec-open-source-programme-office") == .alias("ec-open-source-programme-office"))
        #expect(CollectionAddress(argument: "urn:x:y") == .alias("urn:x:y"))
        #expect(CollectionAddress(argument: "http:no-host") == .alias("http:no-host"))

        #expect(layout.feed(.uri(uri)) == "http://127.0.0.1:8080/rdf_entity/\(encoded)/feed.xml")
        #expect(layout.metadata(.uri(uri)) == "http://127.0.0.1:8080/rdf_entity/\(encoded)?_format=rdfxml")
        #expect(layout.members(.uri(uri)) == "http://127.0.0.1:8080/rdf_entity/\(encoded)/members?_format=json")
        #expect(layout.feed(.alias("joinup")) == "http://127.0.0.1:8080/collection/joinup/feed.xml")
        #expect(layout.metadata("joinup") == "http://127.0.0.1:8080/collection/joinup?_format=rdfxml")
    }

    /// EasyRdf's spelling: `dc:` bound to DC terms, DCAT under an invented `ns0:` prefix.
    @Test func theCatalogIsFoundByFullIRIWhateverThePrefixes() throws {
        let typed = Data("""
            <?xml version="1.0" encoding="utf-8" ?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns:dc="http://purl.org/dc/terms/"
                     xmlns:ns0="http://www.w3.org/ns/dcat#"
                     xmlns:ns1="http://joinup.eu/language/">
              <dc:Agent rdf:about="http://data.europa.eu/w21/owner"><dc:title>Not me</dc:title></dc:Agent>
              <ns0:Catalog rdf:about="\(uri)">
                <ns1:default>1</ns1:default>
                <dc:title xml:lang="fr">Bureau du logiciel libre</dc:title>
                <dc:title xml:lang="en">EC Open Source Programme Office</dc:title>
              </ns0:Catalog>
            </rdf:RDF>
            """.utf8)
        #expect(try CatalogIdentity.read(typed) == CatalogIdentity(uri: uri, title: "EC Open Source Programme Office"))

        let described = Data("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="\(uri)">
                <rdf:type rdf:resource="http://www.w3.org/ns/dcat#Catalog"/>
              </rdf:Description>
            </rdf:RDF>
            """.utf8)
        #expect(try CatalogIdentity.read(described) == CatalogIdentity(uri: uri, title: nil))

        let noCatalog = Data(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="x"/></rdf:RDF>"#.utf8)
        #expect(try CatalogIdentity.read(noCatalog) == nil)
        #expect(throws: FeedParseError.self) { try CatalogIdentity.read(Data("<html><body>".utf8)) }
    }
}
