import Foundation
import JoinupModel

/// Reads the raw bytes a program wrote to its terminal and lists every sequence that could do more
/// than move the cursor, set a mode ncurses uses, or colour text.
///
/// Allowed: printable UTF-8 text; BS, TAB, LF, CR, and SO/SI (tmux-256color's `sgr0` ends in SI to
/// select the normal character set); CSI sequences whose final byte is one ncurses
/// emits for cursor motion, erasing, scrolling regions, modes and SGR (`@ABCDEFGHJKLMPSTXZ\`dfhlmr`);
/// `ESC (`/`ESC )` charset designations; `ESC =`, `ESC >`, `ESC 7`, `ESC 8`, `ESC M`, `ESC E`, `ESC D`.
/// Flagged: OSC, DCS, APC, PM and SOS (`ESC ] P _ ^ X`) — clipboard writes, hyperlinks, title
/// changes; CSI reports and window operations (`n`, `t`, `c`, `q`…); BEL and other C0 controls;
/// raw C1 controls; bidi, zero-width and other invisible format characters; invalid UTF-8.
enum TerminalStreamScan {
    static let csiFinals = Set("@ABCDEFGHJKLMPSTXZ`dfhlmr".utf8)
    static let escFinals = Set("=>78MED".utf8)

    static func violations(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var i = 0
        func note(_ what: String) { if found.count < 50 { found.append("byte \(i): \(what)") } }
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x1B:
                guard i + 1 < bytes.count else { note("ESC at the end"); i += 1; continue }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < bytes.count, (0x20...0x3F).contains(bytes[j]) { j += 1 }
                    guard j < bytes.count else { note("unterminated CSI"); i = j; continue }
                    if !csiFinals.contains(bytes[j]) {
                        note("CSI ending in \(UnicodeScalar(bytes[j])): \(String(decoding: bytes[i..<j + 1].dropFirst(), as: UTF8.self).debugDescription)")
                    }
                    i = j + 1
                } else if next == UInt8(ascii: "(") || next == UInt8(ascii: ")") {
                    i += 3
                } else if escFinals.contains(next) {
                    i += 2
                } else {
                    note("ESC \(UnicodeScalar(next)) (\(next == UInt8(ascii: "]") ? "OSC" : next == UInt8(ascii: "P") ? "DCS" : "escape"))")
                    i += 2
                }
            case 0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x0F:
                i += 1
            case 0x00..<0x20, 0x7F:
                note(byte == 0x07 ? "BEL" : "C0 control 0x\(String(byte, radix: 16))")
                i += 1
            case 0x20..<0x7F:
                i += 1
            default:
                // A UTF-8 sequence: decode one scalar.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
                guard length > 0, i + length <= bytes.count,
                      let scalar = String(bytes: bytes[i..<i + length], encoding: .utf8)?.unicodeScalars.first else {
                    note("invalid UTF-8 0x\(String(byte, radix: 16))")
                    i += 1
                    continue
                }
                if !TerminalText.isAllowed(scalar) { note("U+\(String(scalar.value, radix: 16, uppercase: true))") }
                i += length
            }
        }
        return found
    }
}
