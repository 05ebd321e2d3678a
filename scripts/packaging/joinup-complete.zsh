# joinup's own values, on top of the parser's completions above: cached collection aliases, theme
# names, topic labels. `joinup complete KIND -- WORDS` reads the files the command line being
# completed would use (its --data-dir/--config-dir, else JOINUP_DATA_DIR, XDG_DATA_HOME, …).

functions -c _joinup _joinup_parser
_joinup() {
    local kind
    kind="$(_joinup_value_kind "${words[CURRENT-1]}" "${words[2]}" "${words[CURRENT]}")"
    if [[ -z "$kind" ]]; then
        _joinup_parser "$@"
        return
    fi
    local -a values
    values=("${(@f)$("${words[1]}" complete "$kind" -- "${words[@]}" 2>/dev/null)}")
    compadd -a values
}

