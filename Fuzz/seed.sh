#!/usr/bin/env bash
# Fills the seed folder given as $1 (emptied first) for the fuzz target:
#   - a sample of the demo's Content/**/*.md, FUZZ_DEMO_SEEDS files (default 60), taken round-robin
#     over the content types so that every type is in (files in sorted order, so the sample is the
#     same on every run). The target reads every input as Content/records/incident/F.md, so a file
#     of another type gets a `type:` line after its opening `---` and is checked against its own schema;
#   - the hand-made hostile seeds of Fuzz/seeds/ and the reproducers of Fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: Fuzz/seed.sh SEED_FOLDER}
count=${FUZZ_DEMO_SEEDS:-60}
rm -rf "$out"
mkdir -p "$out"

# The type of a content file from its folder (types.yml: records/<type>/..., documents by folder).
type_of() {
    case "$1" in
        Content/records/*) local rest=${1#Content/records/}; echo "${rest%%/*}" ;;
        Content/manual/*) echo manual ;;
        Content/policies/*) echo policy ;;
        Content/procedures/*) echo procedure ;;
        Content/instructions/*) echo instruction ;;
        Content/plans/*) echo plan ;;
        Content/forms/*) echo form ;;
        Content/slas/*) echo sla ;;
        Content/catalogues/*) echo catalogue ;;
        *) echo "" ;;
    esac
}

# Round-robin over types: the 1st file of every type, then the 2nd of every type, and so on.
mapfile -t picked < <(
    find Content -name '*.md' -type f | LC_ALL=C sort | while IFS= read -r path; do
        printf '%s\t%s\n' "$(type_of "$path")" "$path"
    done | awk -F'\t' '{ rank[$1]++; printf "%06d\t%s\t%s\n", rank[$1], $1, $2 }' \
         | LC_ALL=C sort | head -n "$count" | cut -f2-
)

demo=0
for line in "${picked[@]}"; do
    type=${line%%$'\t'*}
    path=${line#*$'\t'}
    name="demo-$(basename "$path")"
    if [ -n "$type" ] && [ "$type" != incident ]; then
        # After the first line (`---`), so the front matter stays well-formed.
        awk -v type="$type" 'NR == 1 { print; print "type: " type; next } { print }' "$path" > "$out/$name"
    else
        cp "$path" "$out/$name"
    fi
    demo=$((demo + 1))
done

hostile=0
for folder in Fuzz/seeds Fuzz/regressions; do
    [ -d "$folder" ] || continue
    for file in "$folder"/*; do
        [ -f "$file" ] || continue
        cp "$file" "$out/$(basename "$folder")-$(basename "$file")"
        hostile=$((hostile + 1))
    done
done
echo "fuzz: $demo demo files and $hostile hand-made seeds and reproducers in $out"
