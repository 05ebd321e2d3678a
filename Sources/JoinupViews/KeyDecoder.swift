import CNcurses
import JoinupSettings

/// Turns what `get_wch` reported into a `Key`.
public enum KeyDecoder {
    /// `status` is `get_wch`'s return value (`OK`, `KEY_CODE_YES` or `ERR`), `value` what it
    /// stored. Returns nil when no key was read (`ERR`).
    public static func decode(status: Int32, value: UInt32) -> Key? {
        switch status {
        case Int32(OK): return character(value)
        case Int32(KEY_CODE_YES): return keyCode(Int32(bitPattern: value))
        default: return nil
        }
    }

    private static func character(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32, 0x80..<0xA0: return .unknown
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    private static func keyCode(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_DC: return .delete
        case nc_key_f(0)...nc_key_f(63): return .function(Int(code - nc_key_f(0)))
        default: return .unknown
        }
    }
}
