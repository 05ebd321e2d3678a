import CNcurses
import JoinupSettings

/// What the terminal delivered: a key (a resize arrives as one) or a mouse report.
enum TerminalInput: Hashable {
    case key(Key)
    case mouse(MouseEvent)

    /// The next waiting key or mouse report; nil when none is waiting (`timeout(0)`: never blocks).
    /// Mouse reports joinup has no use for (a release, a drag) are skipped.
    @MainActor
    static func next() -> TerminalInput? {
        while true {
            var value: wint_t = 0
            let status = get_wch(&value)
            if status == KEY_CODE_YES, Int32(bitPattern: UInt32(value)) == nc_key_mouse() {
                if let event = readMouse() { return .mouse(event) }
                continue
            }
            return KeyDecoder.decode(status: status, value: UInt32(value)).map(TerminalInput.key)
        }
    }

    @MainActor
    private static func readMouse() -> MouseEvent? {
        var x: Int32 = 0, y: Int32 = 0
        let kind: MouseEvent.Kind
        switch nc_read_mouse(&x, &y) {
        case 1: kind = .click
        case 4: kind = .wheelUp
        case 5: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind, x: Int(x), y: Int(y))
    }
}
