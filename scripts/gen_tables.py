#!/usr/bin/env python3
"""Generate figures' data tables from the reference data in ../shared/data.

Usage (from the repository root):

    python3 scripts/gen_tables.py [--shared ../shared] [--check]

Inputs (never modified):
  <shared>/data/iso4217.csv                    ISO 4217 codes (active + historic)
  <shared>/data/cldr/currencyData.json         CLDR 48 fractions + region history
  <shared>/data/cldr/currencies-<loc>.json     CLDR 48 symbols and display names
  data/curated-forms.csv                       hand-written forms and defaults

Outputs (plain CSV with a header row, UTF-8, "\\n" line ends, sorted):
  data/currencies.csv      code,numeric,minor_units,name,status
  data/currency-forms.csv  form,code,kind,unit,default
  data/regions.csv         region,code

--check regenerates everything in memory and exits 1 if any output file is
missing or differs from what is on disk (stale); it writes nothing.

Rules
-----
currencies.csv
  One row per code in iso4217.csv, sorted by code. minor_units is ISO's value;
  if ISO has none, CLDR fractions[code]._digits (else fractions.DEFAULT), except
  for the 13 active codes where ISO says "N.A." (metals, funds, XXX/XTS), which
  stay empty. name and status are ISO's.

currency-forms.csv  (one row per (form, candidate code); sorted by form, code)
  a) symbols: `symbol`, `symbol-alt-narrow`, `symbol-alt-variant` from every
     CLDR locale file. A symbol equal to the code or made of 3 uppercase ASCII
     letters is skipped. Candidates are unioned across locales; historic codes
     are dropped from a symbol's set unless the symbol maps only to historic
     codes. kind=symbol, unit=1; matched case-sensitively.
  b) names: every displayName* of the English locales (en, en-GB, en-CA, en-AU,
     en-IN) and of de fr es it pt nl ru uk pl, lowercased. Names containing
     "(" or a digit are skipped. Non-English names of the metal/fund/test codes
     (NO_MINOR) are skipped (they are words like "or", "oro", "plata"), and so
     are names in NAME_STOP ("gold", "silver", "platinum", "palladium").
     Historic codes are dropped from a name's set if an active code shares it.
     kind=name, unit=1; matched case-insensitively.
  c) generic nouns: the last word of the English count-one / count-other name
     of each active code that is not a metal/fund/test code (NO_MINOR | FUNDS),
     e.g. "ringgit", "dollars", "francs". Nouns in NAME_STOP are skipped.
     The candidate set is every active code that yields the noun. kind=name.
  d) curated: data/curated-forms.csv. If a form appears there, ONLY the curated
     rows are used for that form (all generated rows for it are discarded).
     Curated rows carry the `default=yes` markers; generated rows never do.
  Codes XXX and XTS never appear. If a form is produced both as a symbol and
  as a name, the name rows are dropped for it (one kind per form, except that
  curated forms may mix kinds only if written so).
  Checks: every code exists in currencies.csv, forms are non-empty with no
  surrounding whitespace, (form, code) is unique, at most one default=yes per
  form, unit is a positive decimal string.

regions.csv
  For each territory in CLDR currencyData.region (sorted): the first entry in
  CLDR's list order that is tender (`_tender` is not "false") and in force on
  TODAY (`_from` <= TODAY, no `_to` or `_to` > TODAY). CLDR lists the region's
  primary currency first; this differs from "latest _from" for HT (HTG, not
  USD), LS (ZAR, not LSL), PA (PAB, not USD) and PS (ILS, not JOD). Territories
  with no such entry (AQ, dissolved states, ZZ) are omitted.
"""

import argparse
import csv
import io
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

TODAY = "2026-11-25"
EN_LOCALES = ["en", "en-GB", "en-CA", "en-AU", "en-IN"]
OTHER_NAME_LOCALES = ["de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl"]
# The 13 active codes without minor units (metals, SDR, bond units, test, none).
NO_MINOR = {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT",
            "XSU", "XTS", "XUA", "XXX"}
# ISO fund codes (indexation / settlement units): no generic nouns from them.
FUNDS = {"BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"}
# Codes never emitted as a candidate.
EXCLUDED = {"XXX", "XTS"}
# Names / generic nouns that are ordinary words, not currency words:
# the metals' English names, and the last word of ZWG "Zimbabwean gold".
NAME_STOP = {"gold", "silver", "platinum", "palladium"}

FORM_FIELDS = ["form", "code", "kind", "unit", "default"]
KINDS = {"symbol", "name", "minor"}


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def cldr_currencies(cldr_dir, loc):
    d = read_json(cldr_dir / f"currencies-{loc}.json")
    return d["main"][loc]["numbers"]["currencies"]


def to_csv(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def build_currencies(shared):
    data = shared / "data"
    fractions = read_json(data / "cldr" / "currencyData.json")[
        "supplemental"]["currencyData"]["fractions"]
    default_digits = fractions["DEFAULT"]["_digits"]
    rows, iso = [], {}
    with open(data / "iso4217.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code = r["code"]
            mu = r["minor_units"].strip()
            if not mu and code not in NO_MINOR:
                mu = fractions.get(code, {}).get("_digits", default_digits)
            iso[code] = r["status"]
            rows.append([code, r["numeric"], mu, r["name"], r["status"]])
    rows.sort()
    return to_csv(["code", "numeric", "minor_units", "name", "status"], rows), iso


def drop_historic(codes, iso):
    active = {c for c in codes if iso[c] == "active"}
    return active if active else set(codes)


def build_forms(shared, repo, iso):
    cldr = shared / "data" / "cldr"
    locales = sorted(p.name[len("currencies-"):-len(".json")]
                     for p in cldr.glob("currencies-*.json"))
    valid = set(iso) - EXCLUDED

    # a) symbols
    symbols = defaultdict(set)
    for loc in locales:
        for code, e in cldr_currencies(cldr, loc).items():
            if code not in valid:
                continue
            for key in ("symbol", "symbol-alt-narrow", "symbol-alt-variant"):
                s = e.get(key)
                if not s:
                    continue
                s = s.strip()
                if not s or s == code or re.fullmatch(r"[A-Z]{3}", s):
                    continue
                symbols[s].add(code)

    # b) full names
    names = defaultdict(set)
    for loc in EN_LOCALES + OTHER_NAME_LOCALES:
        english = loc in EN_LOCALES
        for code, e in cldr_currencies(cldr, loc).items():
            if code not in valid or (not english and code in NO_MINOR):
                continue
            for key, n in e.items():
                if not key.startswith("displayName"):
                    continue
                if re.search(r"[()0-9]", n):
                    continue
                n = " ".join(n.split()).lower()
                if n and n not in NAME_STOP:
                    names[n].add(code)
    names = {n: drop_historic(c, iso) for n, c in names.items()}

    # c) generic nouns (active, non-metal, non-fund codes)
    for loc in EN_LOCALES:
        for code, e in cldr_currencies(cldr, loc).items():
            if code not in valid or iso[code] != "active" or code in NO_MINOR | FUNDS:
                continue
            for key in ("displayName-count-one", "displayName-count-other"):
                n = e.get(key)
                if not n or re.search(r"[()0-9]", n):
                    continue
                noun = n.split()[-1].lower()
                if noun in NAME_STOP:
                    continue
                names.setdefault(noun, set()).add(code)

    generated = {}
    for s, codes in symbols.items():
        generated[s] = {c: ("symbol", "1", "") for c in drop_historic(codes, iso)}
    for n, codes in names.items():
        if n in generated:  # one kind per form: symbol wins
            continue
        generated[n] = {c: ("name", "1", "") for c in codes}

    # d) curated
    curated = defaultdict(dict)
    cpath = repo / "data" / "curated-forms.csv"
    with open(cpath, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != FORM_FIELDS:
            sys.exit(f"{cpath}: header must be {','.join(FORM_FIELDS)}")
        for i, r in enumerate(reader, start=2):
            form, code = r["form"], r["code"]
            if code in curated[form]:
                sys.exit(f"{cpath}:{i}: duplicate row {form!r},{code}")
            curated[form][code] = (r["kind"], r["unit"], r["default"])
    generated.update(curated)

    rows, errors = [], []
    for form in sorted(generated):
        cands = generated[form]
        if not form or form != form.strip():
            errors.append(f"bad form {form!r}")
        if sum(1 for v in cands.values() if v[2] == "yes") > 1:
            errors.append(f"{form!r}: more than one default")
        for code in sorted(cands):
            kind, unit, default = cands[code]
            if code not in iso:
                errors.append(f"{form!r}: unknown code {code}")
            if kind not in KINDS:
                errors.append(f"{form!r}: bad kind {kind!r}")
            if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", unit) or float(unit) <= 0:
                errors.append(f"{form!r}: bad unit {unit!r}")
            if default not in ("", "yes"):
                errors.append(f"{form!r}: bad default {default!r}")
            rows.append([form, code, kind, unit, default])
    if errors:
        sys.exit("currency-forms errors:\n  " + "\n  ".join(errors))
    return to_csv(FORM_FIELDS, rows)


def build_regions(shared, iso):
    regions = read_json(shared / "data" / "cldr" / "currencyData.json")[
        "supplemental"]["currencyData"]["region"]
    rows = []
    for region in sorted(regions):
        for entry in regions[region]:
            (code, attrs), = entry.items()
            if attrs.get("_tender") == "false" or code not in iso:
                continue
            if attrs.get("_from", "") > TODAY:
                continue
            if "_to" in attrs and attrs["_to"] <= TODAY:
                continue
            rows.append([region, code])
            break
    return to_csv(["region", "code"], rows)


def main():
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(repo / ".." / "shared"),
                    help="directory containing data/ (default: ../shared)")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if the committed files are stale")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not shared.is_absolute():
        shared = (repo / shared) if not shared.exists() else shared.resolve()

    currencies, iso = build_currencies(shared)
    outputs = {
        "data/currencies.csv": currencies,
        "data/currency-forms.csv": build_forms(shared, repo, iso),
        "data/regions.csv": build_regions(shared, iso),
    }
    stale = []
    for rel, text in outputs.items():
        path = repo / rel
        if args.check:
            try:
                old = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                old = None
            if old != text:
                stale.append(rel)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            print(f"wrote {rel}: {text.count(chr(10)) - 1} rows")
    if args.check:
        if stale:
            print("stale: " + ", ".join(stale), file=sys.stderr)
            print("run: python3 scripts/gen_tables.py", file=sys.stderr)
            return 1
        print("data tables are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
