/// Lays out a header row of a left and a right part that must never touch: the first of the
/// caller's variants (ordered from the fullest to the shortest) whose parts fit with a gap.
enum HeaderFit {
    static let gap = 2

    /// The first variant that fits `width` with `gap` columns between its parts (an empty right
    /// part needs no gap); else the last variant, its left part cut to fit.
    static func fit(_ variants: [(left: String, right: String)], width: Int) -> (left: String, right: String) {
        for variant in variants where needed(variant) <= width { return variant }
        guard let last = variants.last else { return ("", "") }
        let rightWidth = TextWidth.width(last.right)
        let room = width - (rightWidth > 0 ? rightWidth + gap : 0)
        return room > 0 ? (TextWidth.truncate(last.left, to: room), last.right) : (TextWidth.truncate(last.left, to: width), "")
    }

    private static func needed(_ variant: (left: String, right: String)) -> Int {
        let right = TextWidth.width(variant.right)
        return TextWidth.width(variant.left) + (right > 0 ? gap + right : 0)
    }
}
