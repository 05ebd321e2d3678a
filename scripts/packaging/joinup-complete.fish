# joinup's own values, on top of the parser's completions above: cached collection aliases, theme
# names, topic labels. `joinup complete KIND -- WORDS` reads the files the command line being
# completed would use (its --data-dir/--config-dir, else JOINUP_DATA_DIR, XDG_DATA_HOME, …).
function __joinup_values
    set -l words (commandline -opc)
    $words[1] complete $argv[1] -- $words (commandline -ct) 2>/dev/null
end

function __joinup_previous_is
    set -l words (commandline -opc)
    contains -- $words[-1] $argv
end

# fish completes an option's value from that option's own entries: these add the values to them,
# only where the option's value is being typed (so the options are not offered twice).
complete -c joinup -n '__joinup_previous_is --collection' -l collection -x -a '(__joinup_values collections)'
complete -c joinup -n '__joinup_previous_is --topic' -l topic -x -a '(__joinup_values topics)'
complete -c joinup -n '__joinup_previous_is --theme' -l theme -x -a '(__joinup_values themes)'
complete -c joinup -n '__fish_seen_subcommand_from join leave; and not string match -q -- "-*" (commandline -ct)' -f -a '(__joinup_values collections)'
