import JoinupModel
import JoinupStore

/// The collection header: title, last update, member and solution counts, membership.
enum HeaderView {
    static func render(_ state: AppState, in rect: Rect, on surface: inout some Surface) {
        surface.fill(rect, style: .header)
        let content = rect.inset(left: 1, right: 1)
        guard let header = state.header else {
            surface.put("Loading…", x: content.x, in: content, row: 0, style: .header)
            return
        }
        let title = TerminalText.line(header.title)
        // The short membership wording when the full one would crowd the title.
        var membership = membershipText(header.membership)
        if TextWidth.width(title) + 2 + TextWidth.width(membership) > content.width {
            membership = membershipText(header.membership, short: true)
        }
        let membershipWidth = min(TextWidth.width(membership), max(0, content.width / 2))
        let titleWidth = content.width - (membershipWidth > 0 ? membershipWidth + 2 : 0)
        surface.put(title, x: content.x, y: content.y,
                    maxWidth: titleWidth, style: .headerTitle)
        if membershipWidth > 0 {
            surface.put(membership, x: content.maxX - membershipWidth, y: content.y,
                        maxWidth: membershipWidth, style: .header)
        }
        surface.put("Last update: " + JoinupDate.lastUpdate(header.lastUpdate),
                    x: content.x, in: content, row: 1, style: .header)
        if state.account.isLoaded {
            let account = TerminalText.line(state.account.signInLabel)
            let width = min(TextWidth.width(account), max(0, content.width / 2))
            surface.put(account, x: content.maxX - width, y: content.y + 1, maxWidth: width, style: .header)
        }
        var counts = header.memberCountLabel + " · " + ItemKind.solution.counted(header.count(of: .solution))
        if header.unreadCount > 0 { counts += " · \(header.unreadCount) unread" }
        surface.put(counts, x: content.x, in: content, row: 2, style: .header)
    }

    /// The membership state as the header shows it; the join hint when there is none.
    static func membershipText(_ state: MembershipState?, short: Bool = false) -> String {
        switch state {
        case nil: short ? "[J] Join" : "[J] " + MembershipWording.header(nil)
        case .active: short ? "Member" : MembershipWording.header(.active)
        case .pending: short ? "Pending" : MembershipWording.header(.pending)
        case .blocked: short ? "Blocked" : MembershipWording.header(.blocked)
        }
    }
}
