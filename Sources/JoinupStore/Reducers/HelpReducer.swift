/// The key list: movement scrolls it (the overlay clamps the offset to what it has to show).
enum HelpReducer {
    static func reduce(_ help: inout HelpState, _ command: Command, _ context: ReducerContext) {
        if let target = scrollTarget(of: command, from: help.scroll, max: 500, page: context.viewport.height / 2) {
            help.scroll = command == .moveToBottom ? 500 : target
        }
    }
}
