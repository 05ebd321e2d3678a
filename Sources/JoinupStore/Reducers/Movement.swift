/// Where a movement command takes a list selection (nil: not a movement).
func target(of command: Command, from selection: Int, count: Int, page: Int) -> Int? {
    let page = max(1, page)
    switch command {
    case .moveUp: return selection - 1
    case .moveDown: return selection + 1
    case .pageUp: return selection - page
    case .pageDown: return selection + page
    case .moveToTop: return 0
    case .moveToBottom: return count - 1
    default: return nil
    }
}

/// Where a movement command takes a text's scroll offset, clamped to 0...max.
func scrollTarget(of command: Command, from offset: Int, max maxOffset: Int, page: Int) -> Int? {
    let page = max(1, page)
    let raw: Int
    switch command {
    case .moveUp: raw = offset - 1
    case .moveDown: raw = offset + 1
    case .pageUp: raw = offset - page
    case .pageDown: raw = offset + page
    case .moveToTop: raw = 0
    case .moveToBottom: raw = maxOffset
    default: return nil
    }
    return min(max(0, raw), max(0, maxOffset))
}
