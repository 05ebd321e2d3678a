# Shared by the bash and zsh completions of joinup (scripts/generate-docs.py puts it in both).
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
