# joinup's own values, on top of the parser's completions above: cached collection aliases, theme
# names, topic labels. `joinup complete KIND -- WORDS` reads the files the command line being
# completed would use (its --data-dir/--config-dir, else JOINUP_DATA_DIR, XDG_DATA_HOME, …).

# The kind of value to offer, or nothing: previous word, subcommand, current word.
_joinup_value_kind() {
    case "$1" in
        --collection) echo collections; return ;;
        --topic) echo topics; return ;;
        --theme) echo themes; return ;;
    esac
    # join/leave's collection: a word that is no option, after a word that is no option needing a value.
    case "$2" in
        join|leave) [[ "$3" != -* && ( "$1" != --* || "$1" == --yes || "$1" == --readonly ) ]] && echo collections ;;
    esac
}

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
