# joinup's own values, on top of the parser's completions above: cached collection aliases, theme
# names, topic labels. `joinup complete KIND -- WORDS` reads the files the command line being
# completed would use (its --data-dir/--config-dir, else JOINUP_DATA_DIR, XDG_DATA_HOME, …).

_joinup_with_values() {
    local cur="${COMP_WORDS[COMP_CWORD]}" kind value
    kind="$(_joinup_value_kind "${COMP_WORDS[COMP_CWORD-1]}" "${COMP_WORDS[1]}" "$cur")"
    if [[ -z "$kind" ]]; then
        _joinup "$@"
        return
    fi
    COMPREPLY=()
    while IFS= read -r value; do
        [[ "$value" == "$cur"* ]] && COMPREPLY+=("$value")
    done < <("${COMP_WORDS[0]}" complete "$kind" -- "${COMP_WORDS[@]}" 2>/dev/null)
}

complete -o filenames -F _joinup_with_values joinup
