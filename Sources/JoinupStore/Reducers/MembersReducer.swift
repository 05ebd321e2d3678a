import JoinupModel

/// The Members tab: the list, its role filter and name search.
enum MembersReducer {
    static func reduce(_ state: inout MembersState, _ action: Action, _ context: inout ReducerContext) -> [Effect] {
        switch action {
        case .viewRestored, .cacheChanged:
            return reload(state, context)
        case .membersLoaded(let role, let nameQuery, let members, let roleCounts):
            guard role == state.role, nameQuery == state.nameQuery else { return [] }
            state.members = members
            state.roleCounts = roleCounts
            state.cursor = state.cursor.moved(to: state.cursor.selection, count: members.count, rows: context.viewport.memberRows)
            return []
        case .viewportChanged(let viewport):
            state.cursor = state.cursor.moved(to: state.cursor.selection, count: state.members.count, rows: viewport.memberRows)
            return []
        case .outboxDelivered(let results, _):
            // Members show what the delivery stored.
            guard let uri = context.collectionURI, results.changedCollection(uri) else { return [] }
            return reload(state, context)
        default:
            return []
        }
    }

    static func command(_ command: Command, _ state: inout MembersState, _ context: inout ReducerContext) -> [Effect] {
        let count = state.members.count
        let rows = context.viewport.memberRows
        switch command {
        case .cycleRoleFilter:
            // all → owners → facilitators → authors → members → all, skipping roles nobody has
            let roles = [nil] + state.rolesWithMembers.map(Optional.some)
            let current = roles.firstIndex(of: state.role) ?? 0
            return show(roles[(current + 1) % roles.count], &state, context)
        case .pointAtRole(let role):
            return show(role, &state, context)
        case .pointAtMember(let index):
            guard state.members.indices.contains(index) else { return [] }
            state.cursor = state.cursor.moved(to: index, count: count, rows: rows)
            return []
        default:
            if let target = target(of: command, from: state.cursor.selection, count: count, page: rows) {
                state.cursor = state.cursor.moved(to: target, count: count, rows: rows)
            }
            return []
        }
    }

    /// Shows one role (nil: all) from the top of the list.
    private static func show(_ role: Role?, _ state: inout MembersState, _ context: ReducerContext) -> [Effect] {
        guard role != state.role else { return [] }
        state.role = role
        state.cursor = ListCursor()
        return reload(state, context)
    }

    /// Sets the name the search line filters by.
    static func setNameQuery(_ query: String, _ state: inout MembersState, _ context: ReducerContext) -> [Effect] {
        state.nameQuery = query
        state.cursor = ListCursor()
        return reload(state, context)
    }

    /// `x`: every role, no name.
    static func clearFilters(_ state: inout MembersState, _ context: inout ReducerContext) -> [Effect] {
        guard state.role != nil || !state.nameQuery.isEmpty else { return [] }
        state.role = nil
        state.nameQuery = ""
        return reload(state, context)
    }

    static func reload(_ state: MembersState, _ context: ReducerContext) -> [Effect] {
        guard let uri = context.collectionURI else { return [] }
        return [.loadMembers(uri: uri, role: state.role, nameQuery: state.nameQuery)]
    }
}
