import Foundation

extension Data {
    var text: String { String(decoding: self, as: UTF8.self) }
}
