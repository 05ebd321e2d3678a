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
        let shown = MembershipShown(header: header, account: state.account)
        var membership = membershipText(shown)
        if TextWidth.width(title) + 2 + TextWidth.width(membership) > content.width {
            membership = membershipText(shown, short: true)
        }
        let membershipWidth = min(TextWidth.width(membership), max(0, content.width / 2))
        let titleWidth = content.width - (membershipWidth > 0 ? membershipWidth + 2 : 0)
        surface.put(title, x: content.x, y: content.y,
                    maxWidth: titleWidth, style: .headerTitle)
        if membershipWidth > 0 {
            surface.put(membership, x: content.maxX - membershipWidth, y: content.y,
                        maxWidth: membershipWidth, style: .header)
        }
        let update = updateRow(header, account: state.account, width: content.width)
        surface.put(update.left, x: content.x, in: content, row: 1, style: .header)
        if !update.right.isEmpty {
            let width = TextWidth.width(update.right)
            surface.put(update.right, x: content.maxX - width, y: content.y + 1, maxWidth: width, style: .header)
        }
        var counts = header.memberCountLabel + " · " + ItemKind.solution.counted(header.count(of: .solution))
        if header.unreadCount > 0 { counts += " · \(header.unreadCount) unread" }
        surface.put(counts, x: content.x, in: content, row: 2, style: .header)
    }

    /// "Last update: …" and the account, never touching: the weekday goes first, then the
    /// date's time, then the account (the stamp is the page's own, so it gives way last).
    static func updateRow(_ header: CollectionHeader, account: AccountState, width: Int) -> (left: String, right: String) {
        let stamp = JoinupDate.lastUpdate(header.lastUpdate)
        let withoutWeekday = stamp.split(separator: ", ", maxSplits: 1).last.map(String.init) ?? stamp
        let stamps = ["Last update: " + stamp, "Last update: " + withoutWeekday,
                      "Last update: " + JoinupDate.day(header.lastUpdate)]
        let signIn = account.isLoaded ? TerminalText.line(account.signInLabel) : ""
        return HeaderFit.fit(stamps.map { ($0, signIn) } + stamps.dropFirst().map { ($0, "") }, width: width)
    }

    /// The membership state as the header shows it; the join hint when there is none.
    static func membershipText(_ shown: MembershipShown, short: Bool = false) -> String {
        switch shown {
        case .queued(let kind): MembershipWording.queued(kind, short: short)
        case .readonly: MembershipWording.readonly
        case .state(nil): short ? "[J] Join" : "[J] " + MembershipWording.header(nil)
        case .state(.active?): short ? "Member" : MembershipWording.header(.active)
        case .state(.pending?): short ? "Pending" : MembershipWording.header(.pending)
        case .state(.blocked?): short ? "Blocked" : MembershipWording.header(.blocked)
        }
    }
}

/// What the header says of the user's standing in the collection on screen: a request waiting in
/// the outbox first (it is what happens next), then the stored membership; never the join hint
/// when nothing may be sent.
enum MembershipShown: Hashable {
    case queued(MembershipActionKind)
    case readonly
    case state(MembershipState?)

    init(header: CollectionHeader, account: AccountState) {
        if let kind = account.queued(for: header.uri) {
            self = .queued(kind)
        } else if header.membership == nil, account.isReadonly {
            self = .readonly
        } else {
            self = .state(header.membership)
        }
    }
}
