#!/bin/sh
# Opens `malkoll export --csv` in LibreOffice Calc the way a Swedish user's Calc reads it
# (semicolon, double quote, UTF-8, from row 1, Swedish locale) and checks that outcomes come back
# as numbers and formula-like text stays text. Needs soffice and a built dist/; outside CI.
# Usage: scripts/calc-check.sh [STORE.json]
set -eu
cd "$(dirname "$0")/.."
store=${1:-data/bestallarenhet-2-2025.json}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
[ -f dist/cli.js ] || node scripts/build.mjs
cp "$store" "$dir/store.json"
node dist/cli.js set 3.5.1:a3 --avvikelse '=HYPERLINK("http://exempel.se";"klicka")' --data "$dir/store.json" >/dev/null
node dist/cli.js export --csv --data "$dir/store.json" >"$dir/export.csv"
# 59 = ';', 34 = '"', 76 = UTF-8, 1 = first row; the sixth token 1053 is sv-SE (decimal comma).
soffice --headless --infilter=CSV:59,34,76,1,,1053 --convert-to fods --outdir "$dir" "$dir/export.csv" >/dev/null
fods="$dir/export.fods"
fail=0
check() {
	if grep -Eq "$2" "$fods"; then echo "OK    $1"; else echo "FEL   $1"; fail=1; fi
}
check 'Sjukfrånvaro 8,2 är ett tal' 'office:value-type="float" office:value="8.2"'
check 'Ekologiska livsmedel 69,23 är ett tal' 'office:value-type="float" office:value="69.23"'
check 'Årsmål 7,2 är ett tal' 'office:value-type="float" office:value="7.2"'
check 'Slutdatum 2025-12-31 är ett datum' 'office:date-value="2025-12-31"'
check 'Avvikelse =HYPERLINK förblir text' "<text:p>(&apos;|')=HYPERLINK"
if grep -q 'table:formula=' "$fods"; then echo 'FEL   en cell blev en formel'; fail=1; else echo 'OK    ingen cell blev en formel'; fi
exit $fail
