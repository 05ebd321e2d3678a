import CNcurses
import JoinupModel

/// One terminal cell's worth of text: a spacing scalar (1 or 2 columns) and the marks riding on it.
///
/// Every surface and every width calculation goes through `DisplayCell.cells(of:)`, so what is
/// measured is exactly what is drawn. The rules, chosen so ncurses and the terminal agree:
/// - scalars `TerminalText.isAllowed` rejects are dropped (no control character reaches a surface);
///   this also drops the ZWJ, so an emoji ZWJ sequence shows as its parts side by side;
/// - emoji variation selectors (U+FE0E/U+FE0F) and skin-tone modifiers are dropped: terminals
///   disagree on how wide they make a character, so only the base, at its `wcwidth`, is shown;
/// - a scalar `wcwidth` cannot measure (negative) becomes U+FFFD, one column;
/// - a zero-width scalar joins the cell before it (at most `maxMarks`); with no cell before it,
///   it is dropped.
public struct DisplayCell: Hashable, Sendable {
    /// The spacing scalar followed by its combining marks.
    public var scalars: [Unicode.Scalar]
    /// Columns the cell occupies: 1 or 2.
    public var width: Int

    /// ncurses keeps at most five wide characters per cell (one spacing, four marks).
    static let maxMarks = 4

    public var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// What the rules above make of one scalar of a text.
    private enum Step {
        /// A new cell: the scalar shown (U+FFFD when it was unmeasurable, `replaced`) and its width.
        case spacing(Unicode.Scalar, width: Int, replaced: Bool)
        /// A mark joining the current cell.
        case mark(Unicode.Scalar)
        /// Not drawn: refused, a presentation modifier, or a mark with no cell (or no room) to join.
        case dropped
    }

    /// Applies the rules to each scalar of `text` in order: the one walk `cells(of:)` and
    /// `measure` both follow, so what is measured is what is drawn.
    private static func walk(_ text: some StringProtocol, _ visit: (Step) -> Void) {
        // Marks on the current cell; -1 before the first cell (a mark there is dropped).
        var marks = -1
        for scalar in text.unicodeScalars {
            guard TerminalText.isAllowed(scalar), !isPresentationModifier(scalar) else {
                visit(.dropped)
                continue
            }
            let width = scalar.value >= 0x20 && scalar.value < 0x7F ? 1 : Int(nc_wcwidth(wchar_t(bitPattern: scalar.value)))
            if width < 0 {
                marks = 0
                visit(.spacing("\u{FFFD}", width: 1, replaced: true))
            } else if width == 0 {
                if marks >= 0 && marks < maxMarks {
                    marks += 1
                    visit(.mark(scalar))
                } else {
                    visit(.dropped)
                }
            } else {
                marks = 0
                visit(.spacing(scalar, width: min(width, 2), replaced: false))
            }
        }
    }

    /// The columns `cells(of:)` gives `text`, and whether those cells draw it exactly as it is
    /// (nothing dropped or replaced), without building them: measuring is most of what a frame
    /// does with its text, and a cell costs an array.
    public static func measure(_ text: some StringProtocol) -> (columns: Int, asIs: Bool) {
        var columns = 0
        var asIs = true
        walk(text) { step in
            switch step {
            case .spacing(_, let width, let replaced):
                columns += width
                if replaced { asIs = false }
            case .mark:
                break
            case .dropped:
                asIs = false
            }
        }
        return (columns, asIs)
    }

    /// The cells a text occupies on a terminal, in order.
    public static func cells(of text: some StringProtocol) -> [DisplayCell] {
        var cells: [DisplayCell] = []
        walk(text) { step in
            switch step {
            case .spacing(let shown, let width, _):
                cells.append(DisplayCell(scalars: [shown], width: width))
            case .mark(let mark):
                cells[cells.count - 1].scalars.append(mark)
            case .dropped:
                break
            }
        }
        return cells
    }

    private static func isPresentationModifier(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF: true
        default: false
        }
    }
}
