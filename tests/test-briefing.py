#!/usr/bin/env python3
"""libreport tests: the 2024 annual briefing (data/briefing-vi.md, data/briefing-en.md).

    test-briefing.py SOURCE_ROOT [--lreport PATH]

Checks what a reader of the briefing relies on and the engine cannot see:

1. The digit rule: every number in the prose is a {{reference}} into the dataset. A digit in a
   paragraph, list item, heading, table cell, caption, label or title (and the cover's front
   matter) must belong to a reference, a date or a proper name (ALLOWED_NAMES, DATE_PATTERNS).
2. Every reference names an indicator of data/indicators.csv, with data for its entity/year.
3. Both languages have the same document: headings and data blocks in the same order, the
   same charts, key figures and tables.
4. Every chart, card and table names indicators with data, and a chart has what its kind
   needs (several years for bars over years and for ranking charts, several entities for a
   comparison, the highlighted entity among them). The overview has the year's key figures,
   every section a chart, and the briefing uses every chart kind.

With --lreport (the CLI), it also renders both briefings (and the print theme) and checks the
PDFs: the sources page lists exactly the articles the figures come from, and every chart,
table and card number the spec asks for is in the document. Without the `report` subcommand
that part is skipped (exit 77) so the data checks still run.

Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
"""
import csv
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata

# Proper names that contain digits, as the briefings write them. Longest first when removed,
# so "Nghị quyết số 57-NQ/TW" goes before "Nghị quyết 57".
ALLOWED_NAMES = [
    "Nghị định số 123/2020/NĐ-CP", "Decree 123/2020/ND-CP",
    "Nghị quyết số 57-NQ/TW", "Resolution 57-NQ/TW", "57-NQ/TW",
    "Nghị quyết 57", "Resolution 57",
    "Đề án 06", "Project 06", "Đề án 146", "Project 146",
    "Covid-19", "COVID-19",
    "2G", "4G", "5G",
]

MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|"
             "November|December")
# Dates: a year (2015–2030, not part of a longer number), a day/month/year, a month/year,
# the Vietnamese "Tháng 2 năm 2025" and "ngày 10/10" (the National Digital Transformation
# Day and the 2G switch-off date, which are named days), and English "10 October".
DATE_PATTERNS = [
    re.compile(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/20[1-3]\d(?![\d.,]\d)"),
    re.compile(r"(?<![\d.,/])(?:0?[1-9]|1[0-2])/20[1-3]\d(?![\d.,]\d)"),
    re.compile(r"(?i)(?:ngày|tháng|từ ngày|sau ngày) (?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/])"),
    re.compile(r"(?i)tháng (?:0?[1-9]|1[0-2])(?= năm 20[1-3]\d)"),
    re.compile(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01]) (?:%s)" % MONTHS_EN),
    re.compile(r"(?:%s) (?:0?[1-9]|[12]\d|3[01])(?!\d)" % MONTHS_EN),
    re.compile(r"(?i)quý [IV]{1,3}/20[1-3]\d(?![\d.,]\d)"),
    re.compile(r"(?<![\d.,/])20(?:1[5-9]|2\d|30)(?![\d%]|[.,]\d)"),
]

REFERENCE = re.compile(r"\{\{(.*?)\}\}")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
TEXT_KEYS = ("label", "caption", "title", "subtitle")
FRONT_TEXT_KEYS = ("title", "subtitle", "author", "date", "subject", "keywords")
OVERVIEW_FIGURES = {"egdi_rank", "gii_rank", "gci_rank", "digital_economy_gdp_share",
                    "ecommerce_revenue", "dx_index"}
TARGETS_MET = {"dx_targets_done", "dx_targets_done_share"}
REF_FORMS = {"value", "number", "change", "previous", "previous-year", "year", "total"}

failures = []


def fail(where, message):
    failures.append("%s: %s" % (where, message))


def nfc(text):
    return unicodedata.normalize("NFC", text)


def typed_numbers(text):
    """The digits of @text that are not in a reference, a date or an allowed name."""
    text = REFERENCE.sub(" ", nfc(text))
    text = LINK_TARGET.sub("]", text)
    for name in sorted(ALLOWED_NAMES, key=len, reverse=True):
        text = text.replace(name, " ")
    for pattern in DATE_PATTERNS:
        text = pattern.sub(" ", text)
    return re.findall(r"\S*\d\S*", text)


def self_check():
    """The digit rule fails on typed numbers and passes references, dates and names."""
    flagged = ["Năm 2023 đạt 29% mục tiêu", "tăng 15 bậc", "2.233 điểm lõm sóng",
               "đạt 54/76 dịch vụ", "85% of households", "0,75", "Đề án 07 có 3 phần",
               "{{egdi_rank}} và 16,5%", "ngày 32/10", "reached 2,500 villages"]
    accepted = ["{{dx_targets_done_share}}", "đạt {{dx_targets_done_share}} mục tiêu",
                "Đề án 06 và Nghị quyết số 57-NQ/TW", "ngày 22/12/2024", "năm 2024",
                "từ 2020 đến 2022", "Tháng 2 năm 2025", "ngày 10/10", "mạng 5G", "6 February 2025",
                "{{ftth_coverage \"thế giới\" 2024}}", "quý I/2024"]
    for sample in flagged:
        if not typed_numbers(sample):
            fail("self-check", "the digit rule accepts a typed number in %r" % sample)
    for sample in accepted:
        if typed_numbers(sample):
            fail("self-check", "the digit rule flags %r in %r" % (typed_numbers(sample), sample))


# ---- The dataset ------------------------------------------------------------------------

def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [{k: nfc(v) for k, v in row.items()} for row in csv.DictReader(f)]


class Dataset:
    def __init__(self, data_dir):
        self.dir = data_dir
        self.indicators = {r["id"]: r for r in read_csv(os.path.join(data_dir, "indicators.csv"))}
        self.observations = read_csv(os.path.join(data_dir, "observations.csv"))
        self.sources = {r["source"]: r for r in read_csv(os.path.join(data_dir, "sources.csv"))}
        self.english = {r["entity"]: r["name_en"]
                        for r in read_csv(os.path.join(data_dir, "entities.csv"))}
        self.vietnamese = {en: vi for vi, en in self.english.items()}

    def entity(self, name):
        """The dataset's name of @name (which may be the English one)."""
        return self.vietnamese.get(name, name)

    def select(self, indicator, entity=None, year=None, whole_year=False):
        return [o for o in self.observations
                if o["indicator"] == indicator
                and (entity is None or o["entity"] == entity)
                and (year is None or int(o["year"]) == year)
                and (not whole_year or not o["period"])]


# ---- The spec ---------------------------------------------------------------------------

class Spec:
    """A briefing read line by line: enough of Markdown to find its text and its blocks."""

    def __init__(self, path):
        self.path = path
        self.front = {}
        self.texts = []     # (line, text) of every piece of prose
        self.items = []     # ("h1".."h3", line, text) and (kind, line, {key: [values]}, cards)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        i = 0
        if lines and lines[0].strip() == "---":
            i = 1
            while i < len(lines) and lines[i].strip() != "---":
                key, sep, value = lines[i].partition(":")
                if sep:
                    self.front[key.strip()] = value.strip()
                    if key.strip() in FRONT_TEXT_KEYS:
                        self.texts.append((i + 1, value.strip()))
                i += 1
            i += 1
        while i < len(lines):
            line = lines[i]
            fence = re.match(r"^(```+|~~~+)\s*(\S*)", line)
            if fence:
                kind, start, keys, cards = fence.group(2), i + 1, {}, []
                i += 1
                while i < len(lines) and not lines[i].startswith(fence.group(1)):
                    key, sep, value = lines[i].partition("=")
                    key, value = key.strip(), value.strip()
                    if sep:
                        values = [v.strip() for v in value.split(";")] if key in (
                            "indicator", "entity", "year") else [value]
                        keys.setdefault(key, []).extend(values)
                        if kind == "figures":
                            if key == "indicator":
                                cards.append({"indicator": value, "line": i + 1})
                            elif cards:
                                cards[-1][key] = value
                        if key in TEXT_KEYS:
                            self.texts.append((i + 1, value))
                    i += 1
                if i >= len(lines):
                    fail(self.where(start), "the ``` block is not closed")
                self.items.append((kind, start, keys, cards))
                i += 1
                continue
            heading = re.match(r"^(#{1,6})\s+(.*)$", line)
            if heading:
                self.items.append(("h%d" % len(heading.group(1)), i + 1, heading.group(2), None))
            if line.strip() and not re.match(r"^\s*\|?\s*:?-{3,}", line):
                self.texts.append((i + 1, line))
            i += 1

    def where(self, line):
        return "%s:%d" % (os.path.relpath(self.path), line)

    def blocks(self, kind=None):
        return [b for b in self.items if not b[0].startswith("h") and (kind is None or b[0] == kind)]

    def references(self):
        for line, text in self.texts:
            for match in REFERENCE.finditer(text):
                yield line, match.start() + 1, match.group(1)


def parse_reference(inner):
    """(indicator, entity or None, year or None, form) of the inside of {{…}}."""
    words = shlex.split(inner)
    if not words:
        raise ValueError("an empty reference")
    indicator, entity, year, form = words[0], None, None, "value"
    for word in words[1:]:
        if re.fullmatch(r"\d{4}", word):
            year = int(word)
        elif word in REF_FORMS:
            form = word
        elif entity is None:
            entity = word
        else:
            raise ValueError("%r is neither an entity, a year nor a form" % word)
    return indicator, entity, year, form


# ---- The checks -------------------------------------------------------------------------

def check_digits(spec):
    for line, text in spec.texts:
        typed = typed_numbers(text)
        if typed:
            fail(spec.where(line), "typed number(s) %s: write a {{reference}}, or add the name "
                 "or date to ALLOWED_NAMES / DATE_PATTERNS" % ", ".join(map(repr, typed)))


def check_references(spec, data, default_entity):
    for line, column, inner in spec.references():
        where = "%s:%d" % (spec.where(line), column)
        try:
            indicator, entity, year, form = parse_reference(inner)
        except ValueError as e:
            fail(where, "{{%s}}: %s" % (inner, e))
            continue
        if indicator not in data.indicators:
            fail(where, "{{%s}}: no indicator '%s' in indicators.csv" % (inner, indicator))
            continue
        entity = data.entity(entity or default_entity)
        rows = data.select(indicator, entity, year)
        if not rows:
            fail(where, "{{%s}}: no data for %s, %s" % (inner, entity, year or "any year"))
        if form == "total" and not any(r["n"] for r in rows):
            fail(where, "{{%s}}: the figure has no N" % inner)
        if form in ("change", "previous", "previous-year"):
            years = {int(r["year"]) for r in data.select(indicator, entity)}
            latest = year or max(years)
            if not any(y < latest for y in years):
                fail(where, "{{%s}}: no earlier year to compare with" % inner)


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


def source_dates(data, source):
    """How the briefings write the date of @source's event: 28/12/2023, 28 December 2023."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", data.sources.get(source, {}).get("date", ""))
    if not m:
        return []
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3) and int(m.group(3))
    if day:
        return ["%02d/%02d/%d" % (day, month, year), "%d/%d/%d" % (day, month, year),
                "%d %s %d" % (day, MONTH_NAMES[month - 1], year)]
    return ["%d/%d" % (month, year), "%s %d" % (MONTH_NAMES[month - 1], year)]


def check_disagreements(spec, data, default_entity):
    """A reference to a figure two articles give differently sits in a paragraph that says
    which article it follows (by the date of its event)."""
    for line, column, inner in spec.references():
        try:
            indicator, entity, year, form = parse_reference(inner)
        except ValueError:
            continue
        entity = data.entity(entity or default_entity)
        rows = data.select(indicator, entity, year, whole_year=True)
        if year is None and rows:
            actual = [r for r in rows if r["status"] == "actual"] or rows
            latest = max(int(r["year"]) for r in actual)
            rows = [r for r in actual if int(r["year"]) == latest]
        values = {(r["value"], r["low"], r["high"], r["n"]) for r in rows
                  if r["status"] == rows[0]["status"]}
        if len(values) < 2:
            continue
        # The figure the reference prints (data/README.md): actual first, then file order.
        order = ["actual", "estimate", "forecast", "target"]
        chosen = min(rows, key=lambda r: order.index(r["status"]))
        text = nfc(dict(spec.texts)[line])
        if not any(d in text for d in source_dates(data, chosen["source"])):
            fail("%s:%d" % (spec.where(line), column), "{{%s}}: the articles disagree on this "
                 "figure; say that the text follows %s (name its date: %s)" %
                 (inner, chosen["source"], " or ".join(source_dates(data, chosen["source"]))))


def check_card_years(spec):
    """A card whose label names a year shows that year's figure."""
    for kind, line, keys, cards in spec.blocks("figures"):
        for card in cards:
            named = re.findall(r"(?<!\d)20[1-3]\d(?!\d)", card.get("label", ""))
            if named and card.get("year") not in named:
                fail(spec.where(card["line"]), "the card's label says %s but its year= is %s" %
                     (named[-1], card.get("year", "the latest")))


def chart_entities(data, indicators, entities, years):
    found = set()
    for indicator in indicators:
        for o in data.select(indicator):
            if (not entities or o["entity"] in entities) and (not years or int(o["year"]) in years):
                found.add(o["entity"])
    return found


def check_blocks(spec, data, default_entity):
    for kind, line, keys, cards in spec.blocks():
        where = spec.where(line)
        indicators = keys.get("indicator", [])
        entities = [data.entity(e) for e in keys.get("entity", [])]
        years = [int(y) for y in keys.get("year", []) if y.isdigit()]
        if kind not in ("chart", "figures", "table"):
            fail(where, "unknown block kind '%s'" % kind)
            continue
        if not indicators:
            fail(where, "a %s block with no indicator" % kind)
        for indicator in indicators:
            if indicator not in data.indicators:
                fail(where, "no indicator '%s' in indicators.csv" % indicator)
                continue
            rows = [o for o in data.select(indicator)
                    if (not entities or o["entity"] in entities)
                    and (not years or int(o["year"]) in years)]
            if kind == "figures":
                continue  # each card is checked below
            if not rows:
                fail(where, "'%s' has no data for this %s" % (indicator, kind))
        if kind == "figures":
            for card in cards:
                entity = data.entity(card.get("entity", default_entity))
                year = int(card["year"]) if card.get("year", "").isdigit() else None
                if not data.select(card["indicator"], entity, year):
                    fail(spec.where(card["line"]), "card '%s' has no data for %s" %
                         (card["indicator"], entity))
        if kind != "chart":
            continue
        chart_kind = keys.get("kind", ["bar"])[0]
        layout = keys.get("layout", ["grouped"])[0]
        found = chart_entities(data, indicators, entities, years)
        for entity in entities:
            if entity not in found:
                fail(where, "entity '%s' has no data in this chart" % entity)
        for highlight in keys.get("highlight", []):
            if data.entity(highlight) not in found:
                fail(where, "highlight '%s' is not in the chart" % highlight)
        whole_years = set()
        for indicator in indicators:
            for o in data.select(indicator, whole_year=True):
                if (not entities or o["entity"] in entities) and (not years or int(o["year"]) in years):
                    whole_years.add(int(o["year"]))
        parts = layout in ("stacked", "percent") and len(indicators) > 1
        if chart_kind == "rank":
            if any(data.indicators.get(i, {}).get("kind") != "rank" for i in indicators):
                fail(where, "a ranking chart of an indicator that is not a rank")
            for indicator in indicators:
                if len({int(o["year"]) for o in data.select(indicator, whole_year=True)}) < 2:
                    fail(where, "ranking chart: '%s' has fewer than two years" % indicator)
        elif len(found) == 1 and not parts and len(whole_years) < 2:
            fail(where, "bars over years with fewer than two years of data")
        elif len(found) > 1 and keys.get("horizontal", ["false"])[0] != "true" and len(found) > 4:
            fail(where, "a comparison of %d entities reads better horizontal" % len(found))


def check_content(spec, data):
    """The overview's key figures, a chart in every section, every chart kind."""
    sections, current = [], None
    for item in spec.items:
        if item[0] == "h1":
            current = [item[2], item[1], 0]
            sections.append(current)
        elif item[0] == "chart" and current is not None:
            current[2] += 1
    if len(sections) < 7:
        fail(spec.where(1), "%d sections; the briefing has an overview, six pillars and the "
             "next year's tasks" % len(sections))
    for title, line, charts in sections:
        if charts == 0:
            fail(spec.where(line), "section '%s' has no chart" % title)
    # The overview is the first section: its rows of cards hold the year's key figures.
    overview, seen = set(), 0
    for item in spec.items:
        seen += item[0] == "h1"
        if seen > 1:
            break
        if item[0] == "figures":
            overview |= {c["indicator"] for c in item[3]}
    missing = OVERVIEW_FIGURES - overview
    if missing or not overview & TARGETS_MET:
        fail(spec.where(1), "the overview's key figures lack %s" %
             ", ".join(sorted(missing) or ["the targets met"]))
    kinds = set()
    for kind, line, keys, cards in spec.blocks("chart"):
        chart_kind = keys.get("kind", ["bar"])[0]
        if chart_kind == "rank" and len(keys.get("indicator", [])) >= 3:
            kinds.add("rank bump chart")
        layout = keys.get("layout", ["grouped"])[0]
        if chart_kind == "bar":
            if layout in ("stacked", "percent"):
                kinds.add(layout)
            elif keys.get("highlight") and keys.get("horizontal", [""])[0] == "true":
                kinds.add("comparison")
            elif len(chart_entities(data, keys.get("indicator", []), [], [])) == 1:
                kinds.add("bars over years")
    for wanted in ("rank bump chart", "stacked", "percent", "comparison", "bars over years"):
        if wanted not in kinds:
            fail(spec.where(1), "no %s" % wanted)


def structure(spec, data):
    """What both languages must share: headings by level, blocks and what they show (the
    entities by their dataset names, so "Vietnam" and "Việt Nam" are one)."""
    out = []
    for item in spec.items:
        if item[0].startswith("h"):
            out.append((item[0],))
        else:
            kind, line, keys, cards = item
            shown = tuple((k, tuple(data.entity(x) if k in ("entity", "highlight") else x
                                    for x in v))
                          for k, v in sorted(keys.items()) if k not in TEXT_KEYS)
            out.append((kind, shown))
    return out


def check_same(vi, en, data):
    a, b = structure(vi, data), structure(en, data)
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            line_vi, line_en = vi.items[i][1], en.items[i][1]
            fail("%s / %s" % (vi.where(line_vi), en.where(line_en)),
                 "the briefings differ: %s against %s" % (x, y))
            return
    if len(a) != len(b):
        fail(vi.path, "%d headings and blocks in Vietnamese, %d in English" % (len(a), len(b)))


def check_front(spec, language):
    for key in ("title", "subtitle", "author", "date", "language", "page"):
        if not spec.front.get(key):
            fail(spec.where(1), "the front matter has no %s" % key)
    if spec.front.get("language") != language:
        fail(spec.where(1), "language is %r, not %r" % (spec.front.get("language"), language))
    if spec.front.get("page", "a4") != "a4":
        fail(spec.where(1), "page is not a4")


# ---- Rendering --------------------------------------------------------------------------

def cited_sources(spec, data, default_entity):
    """(possible, required): the articles the spec's figures may come from, and those that
    some figure can only come from."""
    possible, required = set(), set()

    def note(rows):
        sources = {r["source"] for r in rows}
        possible.update(sources)
        if len(sources) == 1:
            required.update(sources)

    for line, column, inner in spec.references():
        try:
            indicator, entity, year, form = parse_reference(inner)
        except ValueError:
            continue
        entity = data.entity(entity or default_entity)
        if year is None:
            years = [int(r["year"]) for r in data.select(indicator, entity)]
            year = max(years) if years else None
        rows = data.select(indicator, entity, year)
        note(rows)
        if form in ("change", "previous", "previous-year"):
            earlier = [int(r["year"]) for r in data.select(indicator, entity)
                       if year and int(r["year"]) < year]
            if earlier:
                note(data.select(indicator, entity, max(earlier)))
    for kind, line, keys, cards in spec.blocks():
        entities = [data.entity(e) for e in keys.get("entity", [])]
        years = [int(y) for y in keys.get("year", []) if y.isdigit()]
        if kind == "figures":
            for card in cards:
                entity = data.entity(card.get("entity", default_entity))
                rows = data.select(card["indicator"], entity)
                year = int(card["year"]) if card.get("year", "").isdigit() else (
                    max(int(r["year"]) for r in rows) if rows else None)
                note(data.select(card["indicator"], entity, year))
                earlier = [int(r["year"]) for r in rows if year and int(r["year"]) < year]
                if earlier:
                    possible.update(r["source"] for r in
                                    data.select(card["indicator"], entity, max(earlier)))
            continue
        if kind == "table" and not entities:
            entities = [default_entity]
        by_point = {}
        for indicator in keys.get("indicator", []):
            for o in data.select(indicator):
                if (not entities or o["entity"] in entities) and (not years or int(o["year"]) in years):
                    by_point.setdefault((indicator, o["entity"], o["year"], o["period"]), []).append(o)
        for rows in by_point.values():
            possible.update(r["source"] for r in rows)
        if kind == "chart":
            # A chart draws whole years; its points with one source must be cited.
            for (indicator, entity, year, period), rows in by_point.items():
                if not period:
                    note(rows)
    return possible, required


def pdftotext(pdf, first=None, last=None, layout=False):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [pdf, "-"], check=True, capture_output=True,
                          text=True).stdout


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def squash(text):
    return re.sub(r"\s+", " ", nfc(text)).strip()


def compare_sources(pdf, listed, possible, required, label_of):
    for source in sorted(listed - possible):
        fail(pdf, "the sources page lists %s (%s), which no figure of the briefing uses" %
             (source, label_of.get(source)))
    for source in sorted(required - listed):
        fail(pdf, "the sources page does not list %s (%s), which figures come from" %
             (source, label_of.get(source)))


def render_self_check(data, lreport, out_dir):
    """A one-figure report cites one article, and the comparison notices a wrong listing."""
    path = os.path.join(out_dir, "one.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\ntitle: T\nlanguage: vi\n---\n\n# A\n\nCáp quang: {{ftth_coverage}}.\n")
    spec = Spec(path)
    possible, required = cited_sources(spec, data, "Việt Nam")
    source = "004_ffc50604c74ac544.txt"
    if possible != {source} or required != {source}:
        fail("self-check", "{{ftth_coverage}} should cite only %s, not %s" % (source, possible))
    before = len(failures)
    compare_sources("self-check", {source, "000_e0a100645be7d634.txt"}, possible, required, {})
    compare_sources("self-check", set(), possible, required, {})
    if len(failures) - before != 2:
        fail("self-check", "the sources comparison misses a wrong listing")
    del failures[before:before + 2]
    pdf = os.path.join(out_dir, "one.pdf")
    run = subprocess.run([lreport, "report", path, "--data", data.dir, "-o", pdf],
                         capture_output=True, text=True)
    if run.returncode != 0:
        fail("self-check", "lreport report of a one-line spec failed: %s" % run.stderr.strip())
        return
    text = squash(pdftotext(pdf))
    if squash(data.sources[source]["label_vi"]) not in text:
        fail("self-check", "the one-figure report does not list its source")
    for other, row in data.sources.items():
        if other != source and squash(row["label_vi"]) in text:
            fail("self-check", "the one-figure report lists %s, which it does not cite" % other)


def check_render(spec, data, lreport, out_dir, language):
    default_entity = spec.front.get("entity", "Việt Nam")
    name = os.path.splitext(os.path.basename(spec.path))[0]
    words = {"vi": ("Nguồn tài liệu", "Hình", "Bảng", "label_vi"),
             "en": ("Sources", "Figure", "Table", "label_en")}[language]
    for theme in ("default", "print"):
        pdf = os.path.join(out_dir, "%s-%s.pdf" % (name, theme))
        run = subprocess.run([lreport, "report", spec.path, "--theme", theme, "-o", pdf],
                             capture_output=True, text=True)
        if run.returncode != 0 or not os.path.exists(pdf):
            fail(spec.path, "lreport report --theme %s failed (%d): %s" %
                 (theme, run.returncode, run.stderr.strip()))
            return
    pdf = os.path.join(out_dir, "%s-default.pdf" % name)
    pages = page_count(pdf)
    printed = os.path.join(out_dir, "%s-print.pdf" % name)
    if page_count(printed) != pages:
        fail(printed, "the print theme gives %d pages, the default %d" %
             (page_count(printed), pages))
    texts = [squash(pdftotext(pdf, p)) for p in range(1, pages + 1)]
    whole = " ".join(texts)

    # The sources page: the last page whose text begins with its heading (after the header).
    source_pages = [i for i, t in enumerate(texts) if re.search(
        r"(^|\s)%s(\s|$)" % re.escape(words[0]), t) and i > 1]
    if not source_pages:
        fail(pdf, "no sources page ('%s')" % words[0])
        return
    listing = " ".join(texts[source_pages[-1]:])
    label_of = {s: squash(r[words[3]]) for s, r in data.sources.items()}
    listed = {s for s, label in label_of.items() if label and label in listing}
    listed |= {s for s in data.sources if s in listing}
    possible, required = cited_sources(spec, data, default_entity)
    compare_sources(pdf, listed, possible, required, label_of)
    # Every listed source is cited where a figure shows it: a chart's or table's source line.
    body = " ".join(texts[:source_pages[-1]])
    for source in sorted(listed):
        label = label_of.get(source) or source
        if label not in body:
            fail(pdf, "'%s' is on the sources page but on no chart or table" % label)

    # Nothing empty: every chart and table has its number and caption, every card its value.
    charts, tables = spec.blocks("chart"), spec.blocks("table")
    for n in range(1, len(charts) + 1):
        if not re.search(r"%s %d[.:]" % (words[1], n), whole):
            fail(pdf, "no '%s %d.' caption: a chart is missing" % (words[1], n))
    if re.search(r"%s %d[.:]" % (words[1], len(charts) + 1), whole):
        fail(pdf, "more figures than the spec's %d charts" % len(charts))
    for n in range(1, len(tables) + 1):
        if not re.search(r"%s %d[.:]" % (words[2], n), whole):
            fail(pdf, "no '%s %d.' caption: a table is missing" % (words[2], n))
    for kind, line, keys, cards in charts:
        caption = keys.get("caption", [None])[0]
        if caption and squash(caption) not in whole:
            fail(spec.where(line), "the caption '%s' is not in the PDF" % caption)
    for kind, line, keys, cards in spec.blocks("figures"):
        for card in cards:
            label = card.get("label")
            if label and squash(label) not in whole:
                fail(spec.where(card["line"]), "the card '%s' is not in the PDF" % label)
    no_data = {"vi": "không có số liệu", "en": "no data"}[language]
    for i, t in enumerate(texts):
        if t.count(no_data) > 2:
            fail(pdf, "page %d: '%s' %d times: a chart or table is mostly empty" %
                 (i + 1, no_data, t.count(no_data)))
    if "{{" in whole or "}}" in whole:
        fail(pdf, "a reference is printed unformatted")
    # Numbers of four digits or more are grouped ("6.325", "6,325"); only years are not.
    for number in re.findall(r"(?<![\w.,/])\d{4,}(?![\w.,/%])", body):
        if not 2015 <= int(number) <= 2030:
            fail(pdf, "'%s' is printed without digit grouping" % number)
    check_document(spec, pdf, texts, language)


def headings(spec):
    """The spec's # and ## headings as the contents and the outline number them."""
    out, numbers = [], [0, 0]
    for item in spec.items:
        if item[0] == "h1":
            numbers = [numbers[0] + 1, 0]
            out.append((1, "%d. %s" % (numbers[0], squash(item[2]))))
        elif item[0] == "h2":
            numbers[1] += 1
            out.append((2, "%d.%d. %s" % (numbers[0], numbers[1], squash(item[2]))))
    return out


def check_document(spec, pdf, texts, language):
    """What the engine promises, on the briefing: tagged, an outline of every heading in
    order, contents numbers that are the pages the headings are on, every paragraph's text
    in NFC."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    if not re.search(r"^Tagged:\s+yes", info, re.M):
        fail(pdf, "the PDF is not tagged")
    wanted = headings(spec)
    outline = subprocess.run(["mutool", "show", pdf, "outline"], capture_output=True,
                             text=True).stdout
    entries = [(squash(m.group(1)), int(m.group(2))) for m in
               re.finditer(r'"(.*)"\s+#page=(\d+)', outline)]
    titles = [t for t, page in entries]
    at = 0
    for level, title in wanted:
        if title in titles[at:]:
            at = titles.index(title, at) + 1
        else:
            fail(pdf, "the outline lacks '%s' (or has it out of order)" % title)
    contents = pdftotext(pdf, 2, 2, layout=True)
    for level, title in wanted:
        m = re.search(r"^\s*%s[ .]*?(\d+)\s*$" % re.escape(title), nfc(contents), re.M)
        if not m:
            fail(pdf, "the contents page lacks '%s'" % title)
            continue
        page = int(m.group(1))
        # The first page after the contents with the heading (running headers repeat it).
        found = next((i + 1 for i, t in enumerate(texts) if i >= 2 and title in t), None)
        if found != page:
            fail(pdf, "the contents put '%s' on page %d; it is on page %s" % (title, page, found))
        if (title, page) not in entries:
            fail(pdf, "the outline does not send '%s' to page %d" % (title, page))
    # The running text: each page without its running header (title, section) and footer.
    running = []
    sections = [t for level, t in wanted if level == 1] + [
        {"vi": "Mục lục", "en": "Contents"}[language],
        {"vi": "Nguồn tài liệu", "en": "Sources"}[language]]
    title = squash(spec.front.get("title", ""))
    for t in texts:
        if title and t.startswith(title):
            t = t[len(title):].lstrip()
        for section in sections:
            if t.startswith(section):
                t = t[len(section):].lstrip()
                break
        running.append(re.sub(r"\s*(Trang \d+/\d+|Page \d+ of \d+)$", "", t))
    whole = " ".join(running)
    if whole != nfc(whole):
        fail(pdf, "the text is not NFC")
    if "\ufffd" in whole:
        fail(pdf, "the text has U+FFFD")
    unhyphenated = whole.replace("-", "")
    if language == "vi":
        # Vietnamese breaks lines at spaces only: never after the hyphen of "NĐ-CP".
        for page in range(3, len(texts) + 1):
            lines = pdftotext(pdf, page, page, layout=True).split("\n")
            for a, b in zip(lines, lines[1:]):
                if re.search(r"\w-$", a.rstrip()) and re.match(r"\s*\w", b):
                    fail(pdf, "page %d: a line breaks at a hyphen: '%s'" %
                         (page, squash(a)[-30:]))
    checked = 0
    for line, text in spec.texts:
        if line <= len(spec.front) + 2:
            continue  # the front matter: on the cover, checked there
        plain = re.sub(r"^\s*(#+|[-*+]|\d+[.)]|>)\s+", "", text)
        plain = re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|`", "", plain)
        plain = LINK_TARGET.sub("]", plain).replace("[", "").replace("]", "")
        for fragment in REFERENCE.split(plain)[::2]:
            fragment = squash(fragment).strip(" ,.;:()")
            if len(fragment) >= 12:
                checked += 1
                # pdftotext joins a line that ends at a hyphen to the next and drops it.
                if fragment not in whole and fragment.replace("-", "") not in unhyphenated:
                    fail(spec.where(line), "'%s' is not in the PDF's text" % fragment)
    if checked < 100 or len(entries) < len(wanted):
        fail(pdf, "the round trip checked %d pieces of text and %d outline entries" %
             (checked, len(entries)))


def nfd_copy(root, out_dir, name):
    """The dataset and @name as NFD, in a folder of their own."""
    folder = os.path.join(out_dir, "nfd")
    os.makedirs(folder, exist_ok=True)
    for file in os.listdir(os.path.join(root, "data")):
        if file.endswith(".csv") or file == name:
            with open(os.path.join(root, "data", file), encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(folder, file), "w", encoding="utf-8") as f:
                f.write(unicodedata.normalize("NFD", text))
    return os.path.join(folder, name)


def check_reproducible(spec, data, lreport, out_dir, root):
    """The same spec twice gives the same bytes; an NFD copy gives the same pages."""
    name = os.path.basename(spec.path)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1738800000")
    outputs = []
    for i, path in enumerate([spec.path, spec.path, nfd_copy(root, out_dir, name)]):
        pdf = os.path.join(out_dir, "again-%d-%s.pdf" % (i, name))
        args = [lreport, "report", path, "-o", pdf]
        if i == 2:
            args[3:3] = ["--data", os.path.dirname(path)]
        run = subprocess.run(args, capture_output=True, text=True, env=env)
        if run.returncode != 0:
            fail(path, "lreport report failed: %s" % run.stderr.strip())
            return
        outputs.append(pdf)
    with open(outputs[0], "rb") as a, open(outputs[1], "rb") as b:
        if a.read() != b.read():
            fail(spec.path, "two renderings differ byte for byte")
    pages = page_count(outputs[0])
    if page_count(outputs[2]) != pages:
        fail(spec.path, "the NFD copy has %d pages, not %d" % (page_count(outputs[2]), pages))
        return
    for page in range(1, pages + 1):
        if pdftotext(outputs[0], page) != pdftotext(outputs[2], page):
            fail(spec.path, "page %d of the NFD copy reads differently" % page)


def report_available(lreport):
    run = subprocess.run([lreport, "report", "--help"], capture_output=True, text=True)
    return run.returncode == 0


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    root = argv[1]
    lreport = argv[argv.index("--lreport") + 1] if "--lreport" in argv else None
    data = Dataset(os.path.join(root, "data"))
    self_check()
    specs = {}
    for language in ("vi", "en"):
        path = os.path.join(root, "data", "briefing-%s.md" % language)
        if not os.path.exists(path):
            fail(path, "missing")
            continue
        spec = Spec(path)
        specs[language] = spec
        default_entity = spec.front.get("entity", "Việt Nam")
        check_front(spec, language)
        check_digits(spec)
        check_references(spec, data, default_entity)
        check_blocks(spec, data, default_entity)
        check_disagreements(spec, data, default_entity)
        check_card_years(spec)
        check_content(spec, data)
    if len(specs) == 2:
        check_same(specs["vi"], specs["en"], data)
    rendered = False
    if lreport and not failures:
        if report_available(lreport):
            out_dir = tempfile.mkdtemp(prefix="lr-briefing-")
            try:
                render_self_check(data, lreport, out_dir)
                for language, spec in specs.items():
                    check_render(spec, data, lreport, out_dir, language)
                    check_reproducible(spec, data, lreport, out_dir, root)
            finally:
                shutil.rmtree(out_dir, ignore_errors=True)
            rendered = True
    for failure in failures:
        print(failure)
    if failures:
        print("%d problem(s)" % len(failures))
        return 1
    refs = sum(len(list(s.references())) for s in specs.values())
    blocks = sum(len(s.blocks()) for s in specs.values())
    print("ok: %d references and %d data blocks in %d briefings%s" %
          (refs, blocks, len(specs), ", rendered" if rendered else ""))
    if lreport and not rendered:
        print("SKIP rendering: `%s report` is not available yet" % lreport)
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
