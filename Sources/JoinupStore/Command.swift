import JoinupModel

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
    /// Open or close the outbox overlay (`O`).
    case toggleOutbox
    /// In the outbox overlay: cancel the selected request / send every waiting request now.
    case cancelOutboxAction
    case retryOutbox
    /// Open or close the message log (every message shown, newest first, whole).
    case toggleMessages
    /// Take a warning or error off the status line (Esc where it has nothing else to do).
    case dismissMessage
    /// Copy the selected or opened item's link (OSC 52, or the status line shows it).
    case copyLink
    /// In the About link chooser: open the link with this number (1 is the first).
    case chooseLink(Int)
    /// A click on a Members role chip: show that role (nil: every role).
    case pointAtRole(Role?)
    /// Repaint the whole screen (Ctrl-L), as after another program drew over it.
    case redraw
    /// Give the terminal back to the shell and stop (Ctrl-Z); `fg` resumes and repaints.
    case suspend
    /// From the reader: open the next / previous item of the list (`]` / `[`).
    case nextItem
    case previousItem
    /// A readline edit of the search line (cursor movement and kills).
    case editLine(LineEdit)
    /// Remove the last chip of the filter line on its own (Backspace in the list).
    case removeLastFilter
}

/// The search line's readline edits: ←/→, Home/End, Ctrl-A/E, Ctrl-U/W/K, Delete.
public enum LineEdit: Hashable, Sendable {
    case left, right, home, end
    /// Delete: the character under the cursor.
    case deleteForward
    /// Ctrl-U: everything before the cursor.
    case killToStart
    /// Ctrl-K: everything from the cursor on.
    case killToEnd
    /// Ctrl-W: the word before the cursor (and the spaces after it).
    case killWordBackward
}
