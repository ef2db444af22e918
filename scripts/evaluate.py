#!/usr/bin/env python3
"""Ingest a corpus with `claims`, score the export with ../shared/eval/score.py, then break the errors down.

    python3 scripts/evaluate.py --corpus ../shared/corpus/polnear-dev/text \
        --gold ../shared/eval/polnear-dev-gold.jsonl --errors 3

Steps: `claims ingest` the corpus into a fresh database, `claims export` it, run score.py on the export and
print its figures unchanged. Then match predictions to gold again with score.py's own functions (imported
from its file, so the matching cannot drift from the scorer's) and print:

  misses        gold attributions no prediction matched, by cue family, quoted or not, speaker form,
                shape, and how close the nearest prediction came
  false alarms  predictions that matched no gold attribution, by rule, by kind, and by what they overlap
  wrong speaker matched content whose speaker is wrong, by predicted rule and by gold speaker form
  per rule      predicted, matched and speaker-right counts for each rule id

Examples show the article key and text cut to about 160 characters. They are printed for you to read and
are never written anywhere. --json prints one object with the figures and all category counts instead.
"""
import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
SCORER = os.path.join(SHARED, "eval", "score.py")
CUT = 160


class Failure(Exception):
    """A problem that ends the run with a message and exit code 1."""


# ---------------------------------------------------------------- categories

CUE_FAMILIES = {
    "say": "say", "says": "say", "said": "say", "saying": "say",
    "tell": "tell", "tells": "tell", "told": "tell", "telling": "tell",
    "write": "write", "writes": "write", "wrote": "write", "written": "write", "writing": "write",
    "add": "add", "adds": "add", "added": "add", "adding": "add",
    "ask": "ask", "asks": "ask", "asked": "ask", "asking": "ask",
    "call": "call", "calls": "call", "called": "call", "calling": "call",
}
FAMILY_ORDER = ["say", "tell", "according to", "write", "add", "ask", "call", "punctuation", "other", "none"]
# words before or around the verb that say nothing about which verb it is
CUE_FILLER = {"has", "have", "had", "also", "will", "would", "could", "should", "may", "might", "did", "does",
              "do", "is", "was", "were", "are", "be", "been", "being", "not", "never", "later", "then", "just",
              "further", "even", "still", "again", "once", "recently", "previously", "earlier", "repeatedly",
              "often", "frequently", "publicly", "privately", "simply", "flatly", "reportedly", "allegedly",
              "first", "and", "but", "he", "she", "they", "it", "we", "i", "s", "to", "a", "an", "the"}

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "me", "us", "his", "hers",
            "their", "theirs", "its", "our", "my", "your", "himself", "herself", "themselves", "itself",
            "one", "this", "these", "those"}
RELATIVES = {"who", "which", "that", "whom", "whose"}
ARTICLES = {"the", "a", "an", "another", "this", "that", "his", "her", "its", "their", "our", "my", "your",
            "one", "each", "every", "no"}
PLURAL_DETERMINERS = {"some", "many", "several", "most", "both", "all", "few", "other", "others", "these",
                      "those", "two", "three", "four", "five", "dozens", "hundreds", "thousands", "various",
                      "numerous", "more"}
IRREGULAR_PLURALS = {"people", "police", "men", "women", "children", "staff", "media", "press", "public",
                     "officials", "folks", "clergy", "military", "crowd", "audience"}
GROUP_NAMES = {"democrats", "republicans", "americans", "conservatives", "liberals", "progressives",
               "evangelicals", "europeans", "russians", "ukrainians", "palestinians", "israelis", "catholics",
               "muslims", "christians", "latinos", "hispanics", "independents", "democrats'", "republicans'"}
HEAD_CUT = re.compile(r",|\(|\s(?:who|which|whose|that|of|for|from|at|in|with|on|by|close to|familiar with|"
                      r"involved in|who's)\s", re.I)
DESCRIPTION = "description (the/a/'s ...)"
FORM_ORDER = ["pronoun", "relative pronoun", "name", DESCRIPTION, "collective plural",
              "other", "empty"]
SHAPE_ORDER = ["content before source", "source before content", "source inside content", "split quote"]


def cue_family(gold):
    """The cue's family: 'say' for 'has said', 'according to', 'punctuation' for a colon or dash."""
    text = " ".join(t for *_, t in gold.get("cue") or []).strip().lower()
    if not text:
        return "none", ""
    if "according" in text:
        return "according to", "according to"
    words = re.findall(r"[a-z]+(?:[-'][a-z]+)*", text.replace("\u2019", "'"))
    if not words:
        return "punctuation", text
    content = [w for w in words if w not in CUE_FILLER] or words
    word = content[0]
    return CUE_FAMILIES.get(word, "other"), word


def _is_cap(word):
    return bool(word) and word[0].isupper()


def speaker_form(gold, text):
    """pronoun, relative pronoun, name, description, collective plural, other or empty, from the gold source."""
    src = " ".join(t for *_, t in gold.get("source") or []).strip()
    if not src:
        return "empty"
    low = src.lower().rstrip(".,:;")
    if low in RELATIVES:
        return "relative pronoun"
    if low in PRONOUNS or low.replace("\u2019", "'") in {p + "'s" for p in PRONOUNS}:
        return "pronoun"
    head_phrase = HEAD_CUT.split(" " + src + " ", maxsplit=1)[0].strip()
    words = re.findall(r"[^\W\d_][\w.'\u2019\-]*", head_phrase)
    if not words:
        return "other"
    first, head = words[0].lower(), re.sub(r"(?:['\u2019]s?|\.)$", "", words[-1])
    hl = head.lower()
    plural_word = hl in IRREGULAR_PLURALS or (len(hl) > 3 and hl.endswith("s")
                                                and not hl.endswith(("ss", "us", "is", "'s")))
    if first in PLURAL_DETERMINERS and len(words) > 1:
        return "collective plural"
    if hl in GROUP_NAMES or (_is_cap(head) and len(hl) > 6 and hl.endswith("ans")):  # Republicans, Mexicans
        return "collective plural"
    if not _is_cap(head):
        if plural_word:
            return "collective plural"
        if first in ARTICLES or len(words) > 1:           # the minister, Trump's lawyer, a campaign aide
            return DESCRIPTION
        return "other"
    # a capitalised head: a name, unless it is a common plural at the start of a sentence ("Lawmakers")
    if len(words) == 1 and plural_word and re.search(r"(?<![\w.])" + re.escape(hl) + r"\b", text):
        return "collective plural"
    if first in ARTICLES and not all(_is_cap(w) for w in words[1:]):
        return DESCRIPTION
    return "name"


def shape(gold):
    content = gold.get("content") or []
    if len(content) >= 2:
        return "split quote"
    src = gold.get("source") or []
    if not content or not src:
        return "source before content"
    cs, ce = content[0][0], content[-1][1]
    ss = src[0][0]
    if cs <= ss < ce:
        return "source inside content"
    return "content before source" if cs < ss else "source before content"


# ---------------------------------------------------------------- helpers

def clip(s, n=CUT):
    s = re.sub(r"\s+", " ", s or "").strip()
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def load_scorer():
    spec = importlib.util.spec_from_file_location("claims_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name in ("load_jsonl", "match_article", "speaker_right", "is_quote", "reanchor", "positions",
                 "pred_ranges"):
        if not hasattr(mod, name):
            raise Failure(f"{SCORER} has no function {name}(); evaluate.py needs it to re-run the matching")
    return mod


def run(cmd, what):
    try:
        return subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        raise Failure(f"could not run {what} ({cmd[0]}): {e}")


def default_claims():
    release = os.path.join(REPO, ".build", "release", "claims")
    debug = os.path.join(REPO, ".build", "debug", "claims")
    return release if os.path.exists(release) else debug


class Tally:
    """Counts per bucket, with a few examples kept per bucket, spread over articles."""

    def __init__(self, order=None):
        self.counts = Counter()
        self.items = defaultdict(list)
        self.order = order or []

    def add(self, bucket, key, line):
        self.counts[bucket] += 1
        self.items[bucket].append((key, line))

    def examples(self, bucket, n):
        chosen, seen = [], set()
        for key, line in self.items[bucket]:           # one per article first
            if len(chosen) == n:
                break
            if key not in seen:
                seen.add(key)
                chosen.append((key, line))
        for item in self.items[bucket]:
            if len(chosen) == n:
                break
            if item not in chosen:
                chosen.append(item)
        return chosen

    def buckets(self):
        """Most frequent first; ties in the category's usual order, then by name."""
        rank = {b: i for i, b in enumerate(self.order)}
        return sorted(self.counts, key=lambda b: (-self.counts[b], rank.get(b, len(rank)), b))

    def as_dict(self):
        return {b: self.counts[b] for b in self.buckets()}


# ---------------------------------------------------------------- analysis

def analyse(score, gold_path, pred_path, overlap):
    gold = {}
    for g in score.load_jsonl(gold_path):
        gold.setdefault(g["id"], g)  # first annotator wins, as in score.py
    arts, claims = {}, defaultdict(list)
    for o in score.load_jsonl(pred_path):
        if o.get("type") == "article":
            arts[o["id"]] = o.get("key")
        elif o.get("type") == "claim":
            claims[o.get("article")].append(o)
    predicted_cue_words = {cue_family({"cue": [[0, 0, (c.get("cue") or {}).get("text") or ""]]})[1]
                           for cl in claims.values() for c in cl}
    by_key = defaultdict(list)
    for art_id, cl in claims.items():
        key = arts.get(art_id)
        if key not in gold and isinstance(key, str) and key.split("#")[0] in gold:
            key = key.split("#")[0]
        by_key[key].extend(cl)

    miss = {"cue family": Tally(FAMILY_ORDER), "quoted": Tally(["quoted", "unquoted"]),
            "speaker form": Tally(FORM_ORDER), "shape": Tally(SHAPE_ORDER),
            "nearest prediction": Tally(["no overlapping prediction", "overlap below threshold",
                                         "matchable but taken by another gold"]),
            "cue word (seen in any predicted cue?)": Tally(["seen", "never predicted", "punctuation or none"]),
            "combination (cue family / quoted / shape)": Tally()}
    other_cues = Counter()
    alarm = {"rule": Tally(), "kind": Tally(["direct", "indirect", "mixed"]),
             "overlap with gold": Tally(["overlaps no gold", "overlaps only unscored gold (no source)",
                                         "overlap below threshold", "duplicate (gold taken by another)"])}
    wrong = {"rule": Tally(), "gold speaker form": Tally(FORM_ORDER)}
    rules = defaultdict(lambda: {"predicted": 0, "matched": 0, "speaker_right": 0})
    totals = Counter()

    for key, g in gold.items():
        text = g["text"]
        all_golds = g.get("attributions", [])
        golds = [x for x in all_golds if x.get("source")]
        unscored = [x for x in all_golds if not x.get("source")]
        preds = [score.reanchor(p, text) for p in by_key.get(key, [])]
        m = score.match_article(text, golds, preds, overlap)
        gpos = [score.positions(text, [(s, e) for s, e, *_ in x.get("content", [])]) for x in golds]
        upos = [score.positions(text, [(s, e) for s, e, *_ in x.get("content", [])]) for x in unscored]
        ppos = [score.positions(text, score.pred_ranges(p.get("content"))) for p in preds]

        def dice(a, b):
            return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0

        totals["predicted"] += len(preds)
        totals["gold"] += len(golds)
        right = {}
        for i, p in enumerate(preds):
            rid = p.get("rule") or "(none)"
            rules[rid]["predicted"] += 1
            if i in m:
                j = m[i]
                ok = bool(score.speaker_right(p, golds[j], text))
                right[j] = ok
                rules[rid]["matched"] += 1
                rules[rid]["speaker_right"] += ok
                totals["matched"] += 1
                totals["speaker_right"] += ok
                if not ok:
                    gj = golds[j]
                    sp = p.get("speaker") or {}
                    mention = (sp.get("mention") or {}).get("text")
                    gsrc = " / ".join(t for *_, t in gj.get("source") or [])
                    line = (f"gold [{clip(gsrc, 50)}] vs pred [{clip(sp.get('name') or '-', 40)}"
                            f"{' / ' + clip(mention, 30) if mention and mention != sp.get('name') else ''}]: "
                            f"{(p.get('content') or {}).get('text', '')}")
                    wrong["rule"].add(rid, key, line)
                    wrong["gold speaker form"].add(speaker_form(gj, text), key, line)
                continue
            sp = p.get("speaker") or {}
            line = f"[{rid}] [{clip(sp.get('name') or '-', 40)}] {(p.get('content') or {}).get('text', '')}"
            alarm["rule"].add(rid, key, line)
            alarm["kind"].add(p.get("kind") or "(none)", key, line)
            best = max((dice(ppos[i], gp) for gp in gpos), default=0.0)
            if best >= overlap:
                where = "duplicate (gold taken by another)"
            elif best > 0:
                where = "overlap below threshold"
            elif any(ppos[i] & up for up in upos):
                where = "overlaps only unscored gold (no source)"
            else:
                where = "overlaps no gold"
            alarm["overlap with gold"].add(where, key, line)

        matched_g = set(m.values())
        for j, gj in enumerate(golds):
            q = bool(score.is_quote(gj))
            totals["quoted"] += q
            if j in matched_g:
                totals["gold_matched"] += 1
                totals["quoted_matched"] += q
                totals["gold_full"] += right[j]
                totals["quoted_full"] += q and right[j]
                continue
            fam, word = cue_family(gj)
            if fam == "other":
                other_cues[word] += 1
            src = " / ".join(t for *_, t in gj.get("source") or [])
            cue = " ".join(t for *_, t in gj.get("cue") or [])
            line = f"[{clip(src, 50)}] <{clip(cue, 30)}> " + " / ".join(t for *_, t in gj.get("content", []))
            miss["cue family"].add(fam, key, line)
            miss["quoted"].add("quoted" if q else "unquoted", key, line)
            miss["speaker form"].add(speaker_form(gj, text), key, line)
            miss["shape"].add(shape(gj), key, line)
            best = max((dice(pp, gpos[j]) for pp in ppos), default=0.0)
            if best >= overlap:
                near = "matchable but taken by another gold"
            elif best > 0:
                near = "overlap below threshold"
            else:
                near = "no overlapping prediction"
            miss["nearest prediction"].add(near, key, line)
            if fam in ("punctuation", "none"):
                known = "punctuation or none"
            else:
                known = "seen" if word in predicted_cue_words else "never predicted"
            miss["cue word (seen in any predicted cue?)"].add(known, key, line)
            miss["combination (cue family / quoted / shape)"].add(
                f"{fam} / {'quoted' if q else 'unquoted'} / {shape(gj)}", key, line)
        totals["misses"] += len(golds) - len(matched_g)
        totals["false_alarms"] += len(preds) - len(m)
        totals["wrong_speaker"] += sum(1 for ok in right.values() if not ok)

    totals["unknown_keys"] = len([k for k in by_key if k not in gold])
    return {"miss": miss, "other_cues": other_cues, "alarm": alarm, "wrong": wrong, "rules": rules,
            "totals": totals}


def consistency(fig, t):
    """Figures recomputed from the analysis that must equal score.py's own; returns a list of mismatches."""
    def r(a, b):
        return round(a / b, 4) if b else 0.0
    mine = {
        "predicted_claims": t["predicted"], "gold_attributions": t["gold"], "gold_quoted": t["quoted"],
        "content_precision": r(t["matched"], t["predicted"]),
        "content_recall_all": r(t["gold_matched"], t["gold"]),
        "content_recall_quoted": r(t["quoted_matched"], t["quoted"]),
        "speaker_accuracy": r(t["speaker_right"], t["matched"]),
        "attributed_precision": r(t["speaker_right"], t["predicted"]),
        "attributed_recall_all": r(t["gold_full"], t["gold"]),
        "attributed_recall_quoted": r(t["quoted_full"], t["quoted"]),
    }
    return [f"{k}: score.py {fig.get(k)} vs analysis {v}" for k, v in mine.items() if fig.get(k) != v]


# ---------------------------------------------------------------- output

def print_tally(title, tally, total, n, limit=None):
    print(f"  by {title}:" + ("" if tally.counts else " (none)"))
    buckets = tally.buckets()
    for b in buckets[:limit]:
        c = tally.counts[b]
        pct = f"{100 * c / total:5.1f}%" if total else "   - "
        print(f"    {b:48} {c:5}  {pct}")
        for key, line in tally.examples(b, n):
            print(f"        {key}: {clip(line)}")
    if limit and len(buckets) > limit:
        rest = sum(tally.counts[b] for b in buckets[limit:])
        print(f"    ... {len(buckets) - limit} smaller buckets with {rest} in all (--json lists them)")


def cue_word_groups(counter):
    """'shows 13, showed 4' -> one group 'shows 17': a crude stem, shown by its most frequent form."""
    groups = defaultdict(Counter)
    for w, c in counter.items():
        stem = re.sub(r"(?:ing|ed|es|s|d)$", "", w) if len(w) > 4 else w
        groups[stem][w] += c
    return sorted(((g.most_common(1)[0][0], sum(g.values())) for g in groups.values()), key=lambda x: (-x[1], x[0]))


def print_report(fig, a, n, claims_bin):
    t = a["totals"]
    print(f"claims binary: {claims_bin}")
    print("== score.py figures ==")
    for k, v in fig.items():
        print(f"{k:28} {v}")
    print()
    print(f"== misses: {t['misses']} of {t['gold']} scored gold attributions ==")
    for dim, tally in a["miss"].items():
        print_tally(dim, tally, t["misses"], n, limit=12 if dim.startswith("combination") else None)
        if dim == "cue family" and a["other_cues"]:
            groups = cue_word_groups(a["other_cues"])
            top = ", ".join(f"{w} {c}" for w, c in groups[:20])
            print(f"    (top 'other' cue words, {len(groups)} distinct: {top})")
    print()
    print(f"== false alarms: {t['false_alarms']} of {t['predicted']} predicted claims ==")
    for dim, tally in a["alarm"].items():
        print_tally(dim, tally, t["false_alarms"], n)
    print()
    print(f"== wrong speakers: {t['wrong_speaker']} of {t['matched']} matched claims ==")
    for dim, tally in a["wrong"].items():
        print_tally(dim, tally, t["wrong_speaker"], n)
    print()
    print("== per rule ==")
    print(f"  {'rule':32} {'pred':>5} {'match':>5} {'spk ok':>6} {'prec':>6} {'attr prec':>9}")
    for rid, r in sorted(a["rules"].items(), key=lambda kv: (-kv[1]["predicted"], kv[0])):
        p = r["predicted"]
        print(f"  {rid:32} {p:5} {r['matched']:5} {r['speaker_right']:6} "
              f"{r['matched'] / p if p else 0:6.3f} {r['speaker_right'] / p if p else 0:9.3f}")
    if t["unknown_keys"]:
        print(f"\nnote: {t['unknown_keys']} exported article keys have no gold article and were not scored")


def as_json(fig, a, claims_bin):
    t = a["totals"]
    return {
        "claims_binary": claims_bin,
        "figures": fig,
        "misses": dict({"total": t["misses"]}, **{d: x.as_dict() for d, x in a["miss"].items()},
                       other_cue_words=dict(cue_word_groups(a["other_cues"]))),
        "false_alarms": dict({"total": t["false_alarms"]}, **{d: x.as_dict() for d, x in a["alarm"].items()}),
        "wrong_speakers": dict({"total": t["wrong_speaker"]}, **{d: x.as_dict() for d, x in a["wrong"].items()}),
        "rules": {rid: dict(r) for rid, r in sorted(a["rules"].items())},
    }


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="folder of .txt articles to ingest")
    ap.add_argument("--gold", required=True, help="gold JSON Lines (see score.py)")
    ap.add_argument("--claims", help="the claims binary (default .build/release/claims, else .build/debug/claims)")
    ap.add_argument("--rules", help="rules folder passed to `claims ingest --rules`")
    ap.add_argument("--db", help="database to create; it must not exist yet (default: a temporary file, removed after)")
    ap.add_argument("--errors", type=int, default=5, help="examples per category (default 5; 0 for counts only)")
    ap.add_argument("--overlap", type=float, default=0.5, help="Dice threshold, passed to score.py (default 0.5)")
    ap.add_argument("--json", action="store_true", help="print one JSON object with the figures and category counts")
    a = ap.parse_args()

    claims_bin = os.path.abspath(a.claims or default_claims())
    if not os.path.isfile(claims_bin) or not os.access(claims_bin, os.X_OK):
        raise Failure(f"no claims binary at {claims_bin}; build it with `swift build` (or "
                      f"`swift build -c release --product claims`) in {REPO}, or pass --claims PATH")
    if not os.path.isfile(SCORER):
        raise Failure(f"no scorer at {SCORER}; evaluate.py expects the shared corpus and scorer in ../shared "
                      f"beside the checkout")
    if not os.path.isdir(a.corpus):
        raise Failure(f"--corpus {a.corpus} is not a folder")
    if not os.path.isfile(a.gold):
        raise Failure(f"--gold {a.gold}: no such file")
    if a.rules and not os.path.isdir(a.rules):
        raise Failure(f"--rules {a.rules} is not a folder")
    if a.db and os.path.exists(a.db):
        raise Failure(f"--db {a.db} already exists; evaluate.py ingests into a fresh database, so remove it "
                      f"or choose another path")
    score = load_scorer()

    tmp = tempfile.mkdtemp(prefix="claims-eval-")
    db = os.path.abspath(a.db) if a.db else os.path.join(tmp, "eval.sqlite")
    export = os.path.join(tmp, "export.jsonl")
    try:
        cmd = [claims_bin, "ingest", "--db", db, "--json"] + (["--rules", a.rules] if a.rules else []) + [a.corpus]
        p = run(cmd, "claims ingest")
        report = None
        try:
            report = json.loads(p.stdout)
        except ValueError:
            pass
        if p.returncode != 0:
            if not report or not report.get("inserted"):
                raise Failure(f"claims ingest failed (exit {p.returncode}):\n{p.stderr.strip() or p.stdout.strip()}")
            print(f"warning: claims ingest reported errors (exit {p.returncode}); scoring what was stored:\n"
                  f"{p.stderr.strip()}", file=sys.stderr)
        p = run([claims_bin, "export", "--db", db], "claims export")
        if p.returncode != 0:
            raise Failure(f"claims export failed (exit {p.returncode}):\n{p.stderr.strip()}")
        with open(export, "w", encoding="utf-8") as f:
            f.write(p.stdout)
        p = run([sys.executable, SCORER, "--gold", a.gold, "--pred", export, "--overlap", str(a.overlap),
                 "--json"], "score.py")
        if p.returncode != 0:
            raise Failure(f"score.py failed (exit {p.returncode}):\n{p.stderr.strip()}")
        try:
            fig = json.loads(p.stdout)
        except ValueError:
            raise Failure(f"score.py printed something that is not JSON:\n{p.stdout[:500]}")
        analysis = analyse(score, a.gold, export, a.overlap)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # the export, and the database unless --db named one

    mismatches = consistency(fig, analysis["totals"])
    if a.json:
        out = as_json(fig, analysis, claims_bin)
        out["consistent_with_score_py"] = not mismatches
        print(json.dumps(out))
    else:
        print_report(fig, analysis, max(0, a.errors), claims_bin)
        if not mismatches:
            print("\ncheck: the analysis matches score.py's counts")
    if mismatches:
        print("error: the re-run matching disagrees with score.py:\n  " + "\n  ".join(mismatches), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
