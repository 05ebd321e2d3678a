/// A user intent, produced by the key map from a key press (or later a mouse click).
public enum Command: Hashable, Sendable {
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case moveToTop
    case moveToBottom
    case open
    case back
    case nextTab
    case previousTab
    case showTab(Tab)
    case toggleHelp
    /// Join the open collection (or the one selected in the picker), after a confirmation.
    case join
    /// Leave the open collection (or the one selected in the picker), after a confirmation.
    case leave
    /// The confirmation's yes / no.
    case confirm
    case cancelDialog
    /// Sync every collection from the configured remote, in the background.
    case sync
    /// Open or close the collections picker.
    case toggleCollectionPicker
    /// Move the keys to the Overview's filter pane, or back to the list.
    case focusFilters
    case focusList
    /// Select or unselect the filter under the cursor (Space/Enter in the filter pane).
    case toggleFilter
    /// Open the search line (items on the Overview, names on Members).
    case startSearch
    /// A character typed into the search line.
    case typed(Character)
    case deleteBackward
    /// Close the search line keeping what it found / dropping its text.
    case submitSearch
    case cancelSearch
    case cycleSort
    /// Clear every filter (types, topics, text, role).
    case clearFilters
    /// Members: all → owners → facilitators → authors → members → all.
    case cycleRoleFilter
    case quit
    /// Switch to the next theme (the terminal app handles it: themes are a view concern).
    case cycleTheme
    /// Open the selected or opened item's link in the browser.
    case openLink
    /// A click on the Overview's item at this index (selects it; on the selected one, opens it).
    case pointAtItem(Int)
    /// A click on the filter pane's row at this index (moves there and toggles it).
    case pointAtFacet(Int)
    /// A click on the members list's row at this index.
    case pointAtMember(Int)
    /// A click on the collections browser's row at this index (selects it; on the selected one, opens it).
    case pointAtCollection(Int)
    /// A click on the collections browser's topic row at this index (toggles it).
    case pointAtCollectionTopic(Int)
    /// Mark the selected (or opened) item read, or unread again (`m`).
    case toggleRead
    /// Move to the next / previous unread item of the filtered list, wrapping (`n` / `N`).
    case nextUnread
    case previousUnread
    /// Mark every item the filter shows read, after a confirmation (`A`).
    case markAllRead
}
