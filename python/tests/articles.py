"""Made-up news articles with money in them, for the tests that compare
Python's rows with the command line's: varied amounts, currencies, scales,
ranges, qualifiers, stated conversions (some true to the day's rate, some
not), dates in a column, in the text or nowhere, and non-ASCII text."""

from __future__ import annotations

import datetime
import random

# Conversions stated at roughly these rates (units of the second per one of
# the first), some nudged off so that audits disagree.
RATES = {
    ("€", "$"): 1.13,
    ("£", "$"): 1.30,
    ("$", "€"): 0.88,
    ("¥", "$"): 0.0069,
    ("CHF ", "€"): 1.07,
    ("Rs ", "$"): 0.0116,
}

SCALES = ["", " million", " billion", "m", "bn", " thousand"]

PLACES = ["Nairobi", "Toronto", "Sydney", "Zürich", "Mumbai", "Lagos", "Oslo", "Brussels"]

OPENINGS = [
    "The council in {place} approved {money} for new tram lines on {weekday}.",
    "Officials said the port upgrade would cost {money}, well above the first estimate.",
    "A spokesperson for the ministry confirmed that {money} had been set aside.",
    "Shares rose after the firm reported profits of {money} for the quarter.",
    "Fundraisers in {place} collected {money} in a single weekend — a record.",
    "The budget, worth {money}, passed with a narrow majority.",
    "Économistes à {place}: la facture atteint {money}, selon le rapport.",
    "Die Stadt {place} investiert {money} in Schulen.",
]

FOLLOW_UPS = [
    "Critics argued that a further {money} would be needed by next spring.",
    "Of that sum, {money} goes to maintenance.",
    "The deal includes between {low} and {high} in performance bonuses.",
    "Analysts expect revenue of up to {money} next year.",
    "Nearly {money} has already been spent, the audit found.",
    "Residents were offered grants of about {money} each.",
    "No figure was given for the second phase.",
]


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return str(rng.randint(2, 950))
    if kind < 0.7:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
    return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}"


def _money(rng: random.Random, symbol: str) -> str:
    scale = rng.choice(SCALES)
    if "," in (n := _number(rng)):
        scale = ""
    if symbol == "Rs " and rng.random() < 0.5:
        scale = rng.choice([" crore", " lakh"])
    return f"{symbol}{n}{scale}"


def _conversion(rng: random.Random) -> str:
    (a, b), rate = rng.choice(list(RATES.items()))
    value = rng.randint(2, 900)
    scale = rng.choice([" million", " billion", "bn", "m"])
    stated = value * rate * rng.choice([1.0, 1.0, 1.0, 1.25, 0.8])
    shown = f"{stated:.1f}" if stated < 100 else f"{stated:.0f}"
    return f"{a}{value}{scale} ({b}{shown}{scale})"


def article(rng: random.Random) -> tuple[str, str | None]:
    """One article's text, and its date when it comes with one."""
    day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2400))
    symbols = ["€", "$", "£", "¥", "CHF ", "Rs ", "US$", "A$", "kr "]
    paragraphs = []
    where = rng.random()
    if where < 0.3:
        paragraphs.append(f"{rng.choice(PLACES).upper()}, {day:%d %B %Y} —")
    for _ in range(rng.randint(1, 4)):
        sentences = []
        opening = rng.choice(OPENINGS)
        money = _conversion(rng) if rng.random() < 0.5 else _money(rng, rng.choice(symbols))
        sentences.append(
            opening.format(place=rng.choice(PLACES), money=money, weekday=f"{day:%A}")
        )
        for _ in range(rng.randint(0, 2)):
            s = rng.choice(symbols)
            sentences.append(
                rng.choice(FOLLOW_UPS).format(
                    money=_money(rng, s),
                    low=f"{s}{rng.randint(1, 20)}",
                    high=f"{s}{rng.randint(21, 60)} million",
                )
            )
        paragraphs.append(" ".join(sentences))
    dated = day.isoformat() if 0.3 <= where < 0.8 else None
    return "\n\n".join(paragraphs), dated


def corpus(n: int, seed: int = 13) -> list[dict]:
    """`n` articles as `--input jsonl` records: id, text and maybe date."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text, date = article(rng)
        out.append({"id": f"n{i:04d}", "text": text, "date": date})
    return out
