/// The key list: movement scrolls it, as far as the view measured it can go.
enum HelpReducer {
    static func reduce(_ help: inout HelpState, _ command: Command, _ context: ReducerContext) {
        if let target = scrollTarget(of: command, from: help.scroll, max: context.viewport.helpMaxScroll,
                                     page: context.viewport.helpRows) {
            help.scroll = target
        }
    }
}
