/// Joinup's spelling of an entity URI inside a path (`/rdf_entity/<encoded>`): sparql_entity_storage's
/// `UriEncoder::encodeUrl`/`decodeUrl`. `_` becomes `_a`, then each URI delimiter becomes `_` and a
/// letter, so the result is one path segment of letters, digits and `_`:
/// `http://data.europa.eu/w21/405d8980-3f06-…` → `http_e_f_fdata_ceuropa_ceu_fw21_f405d8980_b3f06_b…`.
public enum JoinupURIEncoding {
    /// The escaped characters and their letters, in UriEncoder's order (`_` → `a` comes first).
    static let table: [(character: Unicode.Scalar, code: Unicode.Scalar)] = [
        ("_", "a"), ("-", "b"), (".", "c"), ("~", "d"), (":", "e"), ("/", "f"), ("?", "g"), ("#", "h"),
        ("[", "i"), ("]", "j"), ("@", "k"), ("!", "l"), ("$", "m"), ("&", "n"), ("'", "o"), ("(", "p"),
        (")", "q"), ("*", "r"), ("+", "s"), (",", "t"), (";", "u"), ("=", "v"), ("`", "w"), ("%", "x"),
    ]
    private static let codeOf = Dictionary(uniqueKeysWithValues: table.map { ($0.character, $0.code) })
    private static let characterOf = Dictionary(uniqueKeysWithValues: table.map { ($0.code, $0.character) })

    /// `UriEncoder::encodeUrl`. PHP replaces `_` first and the others after, byte by byte; since no
    /// replacement holds a character replaced later, one pass over the scalars gives the same string.
    public static func encode(_ uri: String) -> String {
        var out = ""
        out.reserveCapacity(uri.utf8.count + 16)
        for scalar in uri.unicodeScalars {
            if let code = codeOf[scalar] {
                out.unicodeScalars.append("_")
                out.unicodeScalars.append(code)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `UriEncoder::decodeUrl`: every `_` followed by a code letter becomes its character; anything
    /// else (a lone `_`, `_z`) stays as it is, as in PHP. PHP's sequence of replacements never makes
    /// a new `_` before its last step (`_a` → `_`), so a single left-to-right pass agrees with it.
    public static func decode(_ encoded: String) -> String {
        var out = ""
        out.reserveCapacity(encoded.utf8.count)
        var pendingUnderscore = false
        for scalar in encoded.unicodeScalars {
            if pendingUnderscore {
                pendingUnderscore = false
                if let decoded = characterOf[scalar] {
                    out.unicodeScalars.append(decoded)
                    continue
                }
                out.unicodeScalars.append("_")
            }
            if scalar == "_" {
                pendingUnderscore = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if pendingUnderscore { out.unicodeScalars.append("_") }
        return out
    }
}
