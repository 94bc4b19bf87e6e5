#!/usr/bin/python3
"""The report as a reader and a program get it: `lreport report SPEC -o FILE` run on the specs
in tests/data/report/ and on specs generated here, and the PDF read back with Debian's tools
(pdftotext and pdfinfo from poppler-utils, `mutool show` from mupdf-tools, pypdf):

 1. the contents page's numbers are the pages where each heading is;
 2. the outline lists every heading (H1 and H2) in order, nested;
 3. the PDF is tagged, has /Lang, and every Figure element has /Alt starting with its title;
 4. pdftotext gives back every paragraph of the spec, in NFC, in reading order;
 5. an NFD copy of the spec and of the dataset renders the same pages;
 6. the same spec gives the same bytes, with SOURCE_DATE_EPOCH set and unset;
 7. pagination: a 300-row table, a paragraph longer than a page, a chart that does not fit
    the rest of a page, headings at the foot of a page, an empty section, 1,000 sections;
 8. every bad spec gives exit 1, a file:line:column: message and no file (an old one stays);
 9. PNG pages: one file per PDF page, each the page size at the dpi asked.

Usage: test-report-pdf.py LREPORT SOURCE_DIR [SPEC...]. With SPECs (e.g. data/briefing-vi.md),
runs checks 1-6 and 9 on them instead. Prints TAP (one line per check); exit 1 if any check
fails. Timings (the 1,000-section report) go to the diagnostics. LR_KEEP_SCRATCH=1 keeps the
files rendered.
"""
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata

import pypdf

LREPORT = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
SPECS = os.path.join(SOURCE, "tests", "data", "report")
DATA = os.path.join(SOURCE, "data")
SCRATCH = tempfile.mkdtemp(prefix="lreport-report-")

FOOTER = re.compile(r"^\s*(Trang \d+/\d+|Page \d+ of \d+)\s*$")
CONTENTS_WORD = {"vi": "Mục lục", "en": "Contents"}
SOURCES_WORD = {"vi": "Nguồn tài liệu", "en": "Sources"}

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok" if ok else "not ok") + " %d - %s" % (len(results), name))
    if not ok and detail:
        for line in str(detail).splitlines()[:25]:
            print("#   " + line)
    sys.stdout.flush()
    return ok


def diag(text):
    print("# " + text)
    sys.stdout.flush()


def run(args, env=None, timeout=600):
    full_env = dict(os.environ)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    # As meson's test environment sets them, for runs by hand.
    full_env.setdefault("LREPORT_DATA_DIR", DATA)
    full_env.setdefault("LREPORT_FONTS_DIR", os.path.join(SOURCE, "fonts"))
    for key, value in (env or {}).items():
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    proc = subprocess.run([LREPORT] + args, capture_output=True, env=full_env, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def render(spec, out, extra=(), env=None, name=None):
    """Renders @spec to @out; returns True or records a failed check."""
    rc, _, err = run(["report", spec] + list(extra) + ["-o", out], env=env)
    if rc != 0:
        check("render %s" % (name or os.path.basename(spec)), False, "exit %d\n%s" % (rc, err))
        return False
    return True


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def pages_text(pdf, layout=False):
    """The text of every page (pdftotext, form feeds between pages)."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, "-"]
    text = subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")
    pages = text.split("\f")
    if pages and pages[-1].strip() == "":
        pages.pop()
    return pages


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_size(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, check=True).stdout.decode()
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return float(m.group(1)), float(m.group(2))


# ---- the spec, as a reader of its Markdown sees it ------------------------------------------

REFERENCE = re.compile(r"\{\{.*?\}\}")

# What the test specs' references print, from data/ (the README's examples): paragraphs are
# compared after formatting where the value is known here, else with a wildcard.
REFERENCE_VALUES = {
    "vi": {"{{egdi_rank}}": "71/193", "{{egdi_rank change}}": "tăng 15 bậc",
           "{{egdi_rank previous-year}}": "2022", "{{ecommerce_revenue 2023}}": "20,5 tỷ USD",
           "{{ftth_coverage 2024}}": "85%"},
    "en": {"{{egdi_rank}}": "71/193", "{{egdi_rank change}}": "up 15 places",
           "{{egdi_rank previous-year}}": "2022", "{{ecommerce_revenue 2023}}": "20.5 billion USD",
           "{{ftth_coverage 2024}}": "85%"},
}


def read_spec(path):
    """Front matter (dict), headings [(level, text)], paragraphs [text with {{refs}}], charts
    [dict]. A small reading of the test specs' Markdown, enough to know what to look for."""
    text = open(path, encoding="utf-8").read()
    front = {}
    lines = text.split("\n")
    body_start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                body_start = i + 1
                break
            key, _, value = lines[i].partition(":")
            front[key.strip()] = value.strip()
    headings, paragraphs, charts = [], [], []
    block, fence = [], None

    def flush():
        if block:
            paragraphs.append(" ".join(l.strip() for l in block))
            block.clear()

    for line in lines[body_start:]:
        if fence is not None:
            if line.startswith("```"):
                if fence[0] == "chart":
                    charts.append(fence[1])
                fence = None
            else:
                key, _, value = line.partition("=")
                fence[1][key.strip()] = value.strip()
            continue
        if line.startswith("```"):
            flush()
            fence = (line[3:].strip(), {})
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", line)
        if m:
            flush()
            headings.append((len(m.group(1)), m.group(2).strip()))
            continue
        m = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            flush()
            block.append(m.group(1))
            flush()
            continue
        if line.strip() in ("", "***", "---"):
            flush()
            continue
        block.append(line)
    flush()
    return front, headings, [strip_markdown(p) for p in paragraphs], charts


def strip_markdown(paragraph):
    paragraph = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", paragraph)
    paragraph = re.sub(r"\*\*(.+?)\*\*", r"\1", paragraph)
    paragraph = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*", r"\1", paragraph)
    paragraph = re.sub(r"`([^`]*)`", r"\1", paragraph)
    return paragraph


def paragraph_pattern(paragraph, values=None):
    """A regex for the paragraph as printed: words separated by any white space (lines wrap),
    each {{reference}} its value from @values, or else some formatted figure (which may have
    spaces: "tăng 15 bậc")."""
    for reference, value in (values or {}).items():
        paragraph = paragraph.replace(reference, value)
    tokens = REFERENCE.sub("\0", paragraph).split()
    parts = []
    for token in tokens:
        parts.append(r"[\s\S]{1,40}?".join(re.escape(piece) for piece in token.split("\0")))
    return re.compile(r"\s+".join(parts))


NUMBERING = re.compile(r"^(\d+\.)+\s*")


def body_text(pages, title, headings=()):
    """The pages' text without running headers (lines holding the report's title, and the
    section name near the top of the page) and footers ("Trang 3/12")."""
    names = {squash(h) for _, h in headings}
    kept = []
    for page in pages:
        out = []
        top = 0
        for line in page.split("\n"):
            if line.strip():
                top += 1
            if FOOTER.match(line):
                continue
            if title and title in line:
                continue
            if top <= 3 and NUMBERING.sub("", squash(line)) in names:
                continue
            out.append(line)
        kept.append("\n".join(out))
    return kept


def heading_lines(page):
    """The page's lines (and pairs of lines, for a wrapped heading) without numbering."""
    lines = [NUMBERING.sub("", squash(l)) for l in page.split("\n") if l.strip()]
    return set(lines) | {a + " " + b for a, b in zip(lines, lines[1:])}


# ---- checks on one rendered report -----------------------------------------------------

def contents_entries(pages, lang):
    """(first contents page index, last, entries [(title, number)]) from the layout text."""
    word = CONTENTS_WORD[lang]
    start = None
    for i, page in enumerate(pages[:6]):
        if any(line.strip() == word for line in page.split("\n")):
            start = i
            break
    if start is None:
        return None, None, []
    entries = []
    end = start
    entry = re.compile(r"^\s*(\S.*?)[\s.·…]*?\s+(\d+)\s*$")
    for i in range(start, len(pages)):
        # The first line is the running header; a page continues the contents while
        # nearly all of its other lines are entries (a title wrapped over two lines is one).
        lines = [l for l in pages[i].split("\n")[1:]
                 if l.strip() and not FOOTER.match(l) and l.strip() != word]
        matched = [entry.match(l) for l in lines]
        if i > start and (not lines or sum(1 for m in matched if m) < 0.8 * len(lines)):
            break
        pending = ""
        for line, m in zip(lines, matched):
            if m:
                title = squash((pending + " " + m.group(1)).strip(" .·…"))
                entries.append((title, int(m.group(2))))
                pending = ""
            else:
                pending = line.strip()
        end = i
    return start, end, entries


def check_contents(pdf, spec_headings, lang, name, sample=None):
    """Check 1: each contents entry's number is the label of the page whose text has the
    heading, and no page between the contents and it has it."""
    pages = pages_text(pdf, layout=True)
    labels = pypdf.PdfReader(pdf).page_labels
    first, last, entries = contents_entries(pages, lang)
    if not check("%s: contents page found" % name, first is not None,
                 "no page has a line '%s'" % CONTENTS_WORD[lang]):
        return
    wanted = [h for h in spec_headings if h[0] <= 2]
    problems = []
    e = 0
    positions = {}
    for level, heading in wanted:
        while e < len(entries) and squash(heading) not in entries[e][0]:
            e += 1
        if e == len(entries):
            problems.append("heading '%s' is not in the contents (in order)" % heading)
            break
        positions[heading] = entries[e][1]
        e += 1
    flat = [heading_lines(p) for p in pages]
    checked = 0
    previous_index = last
    for n, (level, heading) in enumerate(wanted):
        if heading not in positions or (sample and n % sample):
            continue
        number = str(positions[heading])
        if number not in labels:
            problems.append("'%s': contents says page %s, which no page is labelled" % (heading, number))
            continue
        index = labels.index(number)
        if squash(heading) not in flat[index]:
            problems.append("'%s': contents says page %s (PDF page %d), which does not have it"
                            % (heading, number, index + 1))
            continue
        for j in range(last + 1, index):
            if squash(heading) in flat[j] and not sample:
                problems.append("'%s': contents says page %s but it is already on PDF page %d"
                                % (heading, number, j + 1))
                break
        if index < previous_index:
            problems.append("'%s' is on a page before the previous heading's" % heading)
        previous_index = index
        checked += 1
    check("%s: contents numbers match the pages of %d headings" % (name, checked),
          not problems and checked > 0, "\n".join(problems))


def read_outline(pdf):
    out = subprocess.run(["mutool", "show", pdf, "outline"], capture_output=True, check=True)
    items = []
    for line in out.stdout.decode("utf-8").split("\n"):
        m = re.match(r'^([-+|])(\t+)"(.*)"\t(.*)$', line)
        if m:
            page = re.search(r"#page=(\d+)", m.group(4))
            items.append((len(m.group(2)), m.group(3), int(page.group(1)) if page else None))
    return items


def check_outline(pdf, spec_headings, name):
    """Check 2: every H1 and H2 in order, H2 nested under their H1, pointing at the page that
    has the heading."""
    items = read_outline(pdf)
    pages = [squash(p) for p in pages_text(pdf)]
    wanted = [h for h in spec_headings if h[0] <= 2]
    problems = []
    i = 0
    depth_of_section = None
    for level, heading in wanted:
        # The outline may number headings as the contents do ("1.", "2.1.").
        while i < len(items) and re.sub(r"^(\d+\.)+\s*", "", squash(items[i][1])) != squash(heading):
            i += 1
        if i == len(items):
            problems.append("'%s' (H%d) missing from the outline, or out of order" % (heading, level))
            break
        depth, _, page = items[i]
        if level == 1:
            depth_of_section = depth
        elif depth_of_section is None or depth != depth_of_section + 1:
            problems.append("'%s' (H2) at depth %d, not under its section (depth %s)"
                            % (heading, depth, depth_of_section))
        if page is None or page > len(pages) or squash(heading) not in pages[page - 1]:
            problems.append("'%s' points at page %s, which does not have it" % (heading, page))
        i += 1
    check("%s: outline lists %d headings in order, nested" % (name, len(wanted)),
          not problems and wanted, "\n".join(problems) + "\noutline: %r" % items[:20])


def struct_elements(reader):
    root = reader.trailer["/Root"]
    found = []

    def walk(node, depth, parent):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for kid in node:
                walk(kid, depth, parent)
        elif isinstance(node, dict) and "/S" in node:
            found.append((depth, str(node["/S"]), node, parent))
            if "/K" in node:
                walk(node["/K"], depth + 1, node)
        if depth > 80:
            raise RuntimeError("structure tree too deep")

    tree = root.get("/StructTreeRoot")
    if tree is not None:
        tree = tree.get_object()
        if "/K" in tree:
            walk(tree["/K"], 0, tree)
    return found


def check_tags(pdf, lang, charts, name):
    """Check 3: tagged, /Lang, a Document element, /Alt on every Figure."""
    complaints = [subprocess.run(args + [pdf, "-"] if args[0] == "pdftotext" else args + [pdf],
                                 capture_output=True).stderr.decode("utf-8", "replace")
                  for args in (["pdfinfo", "-struct"], ["pdftotext"], ["mutool", "info"])]
    check("%s: poppler and mupdf read the PDF without complaint" % name, not any(c.strip() for c in complaints),
          "\n".join(c for c in complaints if c.strip()))
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, check=True).stdout.decode()
    check("%s: pdfinfo says Tagged: yes" % name, re.search(r"^Tagged:\s+yes", info, re.M) is not None,
          info)
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    check("%s: /Lang is %s" % (name, lang), str(root.get("/Lang")) == lang, "got %r" % root.get("/Lang"))
    elements = struct_elements(reader)
    top = [e for e in elements if e[0] == 0]
    check("%s: one Document element holds the structure tree" % name,
          len(top) == 1 and top[0][1] == "/Document", "top level: %r" % [e[1] for e in top])
    kinds = {e[1] for e in elements}
    check("%s: headings, paragraphs and figures are tagged" % name,
          {"/H1", "/H2", "/P"} <= kinds and (not charts or "/Figure" in kinds), "kinds: %r" % sorted(kinds))
    figures = [e for e in elements if e[1] == "/Figure"]
    problems = []
    if len(figures) != len(charts):
        problems.append("%d Figure elements for %d charts" % (len(figures), len(charts)))
    for n, (figure, chart) in enumerate(zip(figures, charts)):
        alt = figure[2].get("/Alt")
        alt = str(alt) if alt is not None else ""
        if not alt.strip():
            problems.append("figure %d has no /Alt" % (n + 1))
        elif chart.get("title") and not squash(alt).startswith(squash(chart["title"])):
            problems.append("figure %d's /Alt does not start with its title '%s': %r"
                            % (n + 1, chart["title"], alt[:120]))
        elif not unicodedata.is_normalized("NFC", alt):
            problems.append("figure %d's /Alt is not NFC" % (n + 1))
    check("%s: every figure has /Alt from its data (%d)" % (name, len(figures)),
          not problems, "\n".join(problems))


def check_text(pdf, front, headings, paragraphs, name, lang):
    """Check 4: every paragraph comes back, in NFC, in the spec's order."""
    pages = pages_text(pdf)
    whole = "\n".join(pages)
    check("%s: pdftotext output is NFC" % name, unicodedata.is_normalized("NFC", whole),
          "first non-NFC: %r" % next((w for w in whole.split() if not unicodedata.is_normalized("NFC", w)), ""))
    text = "\n".join(body_text(pages, front.get("title"), headings))
    position = 0
    problems = []
    for paragraph in paragraphs:
        pattern = paragraph_pattern(paragraph, REFERENCE_VALUES.get(lang))
        m = pattern.search(text, position)
        if m:
            position = m.end()
            continue
        anywhere = pattern.search(text)
        problems.append(("out of reading order: " if anywhere else "missing: ") + paragraph[:100])
    check("%s: all %d paragraphs come back in reading order" % (name, len(paragraphs)),
          not problems, "\n".join(problems))


def check_metadata(pdf, front, name):
    """The front matter in the PDF's metadata; every page but the cover labelled with the
    number its footer prints."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, check=True).stdout.decode("utf-8")
    problems = []
    for key, field in (("title", "Title"), ("author", "Author"), ("subject", "Subject"),
                       ("keywords", "Keywords")):
        m = re.search(r"^%s:\s+(.*)$" % field, info, re.M)
        if front.get(key) and (not m or m.group(1).strip() != front[key]):
            problems.append("%s: %r, expected %r" % (field, m and m.group(1), front[key]))
    if not re.search(r"^Creator:\s+libreport \d+\.\d+\.\d+", info, re.M):
        problems.append("Creator is not 'libreport VERSION'")
    check("%s: metadata from the front matter" % name, not problems, "\n".join(problems))
    # Without a /PageLabels tree a page's label is its number (cairo writes none when the
    # labels asked for are just that); a malformed tree makes pypdf fail here.
    try:
        labels = pypdf.PdfReader(pdf).page_labels
    except Exception as e:
        labels = []
        check("%s: page labels readable" % name, False, repr(e))
    pages = pages_text(pdf)
    wrong = []
    for i, page in enumerate(pages[1:], start=1):
        footer = re.search(r"(?:Trang (\d+)/\d+|Page (\d+) of \d+)", page)
        printed = footer and (footer.group(1) or footer.group(2))
        if not labels or labels[i] != printed:
            wrong.append("PDF page %d: label %r, footer %r" % (i + 1, labels[i] if labels else None, printed))
    check("%s: page labels are the footers' numbers" % name, not wrong, "\n".join(wrong[:8]))


def link_targets(reader, page_index):
    """The link annotations of a page, top to bottom: [(page index or None, URI or None)]."""
    names = reader.named_destinations
    links = []
    for annot in reader.pages[page_index].get("/Annots") or []:
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        dest, action = annot.get("/Dest"), annot.get("/A")
        target = uri = None
        if action is not None and action.get("/S") == "/URI":
            uri = str(action.get("/URI"))
        else:
            if action is not None and action.get("/S") == "/GoTo":
                dest = action.get("/D")
            if isinstance(dest, str) and dest in names:
                target = reader.get_destination_page_number(names[dest])
            elif isinstance(dest, list) and dest:
                target = reader.get_page_number(dest[0].get_object().indirect_reference) if hasattr(dest[0], "get_object") else None
        links.append((-float(annot["/Rect"][3]), target, uri))
    return [(t, u) for _, t, u in sorted(links, key=lambda l: l[0])]


def check_links(pdf, paragraphs_md, lang, name):
    """Each contents entry links to the page of its heading; Markdown links are URI links."""
    reader = pypdf.PdfReader(pdf)
    pages = pages_text(pdf, layout=True)
    first, last, entries = contents_entries(pages, lang)
    if first is None:
        return
    labels = reader.page_labels
    targets = [t for i in range(first, last + 1) for t, u in link_targets(reader, i) if u is None]
    wanted = [labels.index(str(n)) if str(n) in labels else None for _, n in entries]
    check("%s: every contents entry links to its page (%d links, %d entries)" % (name, len(targets), len(wanted)),
          targets == wanted and len(wanted) > 0, "links to %r\nentries on %r" % (targets[:12], wanted[:12]))
    uris = {u for i in range(len(reader.pages)) for _, u in link_targets(reader, i) if u}
    expected = set(re.findall(r"\]\((https?://[^)]+)\)", paragraphs_md))
    check("%s: Markdown links are URI links (%d)" % (name, len(expected)), expected <= uris,
          "missing %r; found %r" % (expected - uris, uris))


PAPER = {"a4": (595.276, 841.89), "a5": (419.528, 595.276), "letter": (612.0, 792.0)}


def check_spec(spec, lang, extra=(), name=None):
    name = name or os.path.basename(spec)
    front, headings, paragraphs, charts = read_spec(spec)
    pdf = os.path.join(SCRATCH, name + ".pdf")
    if not render(spec, pdf, extra, name=name):
        return None
    extra = list(extra)
    paper = extra[extra.index("--page") + 1] if "--page" in extra else front.get("page", "a4")
    size = page_size(pdf)
    check("%s: every page is %s" % (name, paper),
          all(abs(a - b) < 0.01 for a, b in zip(size, PAPER[paper])), "page size %r" % (size,))
    check_contents(pdf, headings, lang, name)
    check_outline(pdf, headings, name)
    check_tags(pdf, lang, charts, name)
    check_text(pdf, front, headings + [(1, CONTENTS_WORD[lang]), (1, SOURCES_WORD[lang])],
               paragraphs, name, lang)
    check_metadata(pdf, front, name)
    check_links(pdf, open(spec, encoding="utf-8").read(), lang, name)
    return pdf


# ---- 5, 6: same pages from NFD input, same bytes twice ---------------------------------

def png_pages(folder, stem):
    names = sorted(n for n in os.listdir(folder) if re.fullmatch(re.escape(stem) + r"-\d+\.png", n))
    return [os.path.join(folder, n) for n in names]


def nfd_copy(source, target):
    """Copies a file or a folder with every text file's content in NFD."""
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
        for entry in os.listdir(source):
            nfd_copy(os.path.join(source, entry), os.path.join(target, entry))
        return
    data = open(source, "rb").read()
    try:
        data = unicodedata.normalize("NFD", data.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        pass
    open(target, "wb").write(data)


def check_nfd(spec, name):
    folder = os.path.join(SCRATCH, "nfd")
    nfc_dir, nfd_dir = os.path.join(folder, "nfc"), os.path.join(folder, "nfd")
    os.makedirs(nfc_dir)
    os.makedirs(nfd_dir)
    nfd_spec = os.path.join(folder, "spec-nfd.md")
    nfd_copy(spec, nfd_spec)
    nfd_data = os.path.join(folder, "data-nfd")
    nfd_copy(DATA, nfd_data)
    original = open(spec, encoding="utf-8").read()
    check("%s: the NFD copy differs from the original" % name,
          open(nfd_spec, encoding="utf-8").read() != original)
    ok = render(spec, os.path.join(nfc_dir, "r.pdf"), ["--data", DATA], name=name + " NFC")
    ok = render(nfd_spec, os.path.join(nfd_dir, "r.pdf"), ["--data", nfd_data], name=name + " NFD") and ok
    ok = render(spec, os.path.join(nfc_dir, "r.png"), ["--data", DATA], name=name + " NFC png") and ok
    ok = render(nfd_spec, os.path.join(nfd_dir, "r.png"), ["--data", nfd_data], name=name + " NFD png") and ok
    if not ok:
        return
    a, b = pages_text(os.path.join(nfc_dir, "r.pdf")), pages_text(os.path.join(nfd_dir, "r.pdf"))
    diff = [i + 1 for i in range(max(len(a), len(b))) if i >= len(a) or i >= len(b) or a[i] != b[i]]
    check("%s: NFD spec and data give the same text on every page" % name, not diff,
          "pages that differ: %r" % diff[:10])
    info = [subprocess.run(["pdfinfo", os.path.join(d, "r.pdf")], capture_output=True).stdout.decode("utf-8")
            for d in (nfc_dir, nfd_dir)]
    info = [re.sub(r"^File size:.*$", "", i, flags=re.M) for i in info]
    check("%s: NFD spec gives the same (NFC) metadata" % name,
          info[0] == info[1] and unicodedata.is_normalized("NFC", info[1]), info[1])
    pa, pb = png_pages(nfc_dir, "r"), png_pages(nfd_dir, "r")
    diff = [os.path.basename(x) for x, y in zip(pa, pb) if open(x, "rb").read() != open(y, "rb").read()]
    check("%s: NFD spec and data give the same PNG pages (%d)" % (name, len(pa)),
          pa and len(pa) == len(pb) and not diff, "%d vs %d pages; differ: %r" % (len(pa), len(pb), diff[:10]))


def check_same_bytes(spec, name):
    folder = os.path.join(SCRATCH, "twice")
    os.makedirs(folder)
    for label, env in (("unset", None), ("set", {"SOURCE_DATE_EPOCH": "1700000000"})):
        outs = []
        for n in (1, 2):
            pdf = os.path.join(folder, "%s-%d.pdf" % (label, n))
            if not render(spec, pdf, env=env, name="%s twice (%s)" % (name, label)):
                return
            png_dir = os.path.join(folder, "%s-%d" % (label, n))
            os.makedirs(png_dir)
            if not render(spec, os.path.join(png_dir, "p.png"), env=env, name="%s png twice" % name):
                return
            outs.append((open(pdf, "rb").read(), [open(p, "rb").read() for p in png_pages(png_dir, "p")]))
        check("%s: same PDF bytes twice, SOURCE_DATE_EPOCH %s" % (name, label), outs[0][0] == outs[1][0])
        check("%s: same PNG bytes twice, SOURCE_DATE_EPOCH %s" % (name, label),
              outs[0][1] and outs[0][1] == outs[1][1])
        info = subprocess.run(["pdfinfo", "-isodates", os.path.join(folder, "%s-1.pdf" % label)],
                              capture_output=True).stdout.decode()
        year = "2023-11-14T22:13:20" if env else "2000-01-01T00:00:00"
        check("%s: CreationDate and ModDate are %s" % (name, year),
              len(re.findall(r"^(CreationDate|ModDate):\s+" + year, info, re.M)) == 2, info)
    a = open(os.path.join(folder, "unset-1.pdf"), "rb").read()
    b = open(os.path.join(folder, "set-1.pdf"), "rb").read()
    check("%s: SOURCE_DATE_EPOCH changes the PDF (its dates)" % name, a != b)


# ---- 7: pagination -----------------------------------------------------------------------

def write_dataset(folder, indicators):
    """A synthetic dataset: @indicators (id, name) with values for 2023 and 2024."""
    os.makedirs(folder)
    with open(os.path.join(folder, "indicators.csv"), "w", encoding="utf-8") as f:
        f.write("id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n")
        for ident, name in indicators:
            f.write("%s,%s,%s,tỷ USD,billion USD,value,higher,economy,\n" % (ident, name, name))
    with open(os.path.join(folder, "observations.csv"), "w", encoding="utf-8") as f:
        f.write("indicator,entity,year,period,value,low,high,n,status,source,quote,note\n")
        for n, (ident, _) in enumerate(indicators):
            for year, value in ((2023, 10 + n * 0.5), (2024, 12.25 + n * 0.5)):
                f.write("%s,Việt Nam,%d,,%g,,,,actual,synthetic.txt,số liệu thử %d,\n" % (ident, year, value, n))


FRONT = "---\ntitle: Kiểm tra phân trang\nlanguage: vi\n%s---\n\n"


def filler(k, words=70):
    return " ".join(("đệm%d_%d" % (k, w)) for w in range(words)) + "."


def check_table(folder):
    data = os.path.join(folder, "table-data")
    names = [("ind_%03d" % n, "Hàng thử số %03d" % n) for n in range(1, 301)]
    write_dataset(data, names)
    spec = os.path.join(folder, "table.md")
    with open(spec, "w", encoding="utf-8") as f:
        f.write(FRONT % "data: table-data\n")
        f.write("# Bảng dài\n\nMột bảng ba trăm hàng.\n\n```table\nindicator=%s\ncaption=Bảng ba trăm hàng\n```\n"
                % ";".join(n for n, _ in names))
    pdf = os.path.join(folder, "table.pdf")
    if not render(spec, pdf, name="300-row table"):
        return
    pages = pages_text(pdf, layout=True)
    where = {}
    for i, page in enumerate(pages):
        for m in re.finditer(r"Hàng thử số (\d{3})", page):
            where.setdefault(int(m.group(1)), []).append(i)
    missing = [n for n in range(1, 301) if n not in where]
    twice = [n for n, p in where.items() if len(p) > 1]
    order = [where[n][0] for n in sorted(where)]
    check("300-row table: every row once", not missing and not twice,
          "missing %r, more than once %r" % (missing[:10], twice[:10]))
    check("300-row table: rows in order across pages", order == sorted(order))
    table_pages = sorted(set(order))
    check("300-row table: spans several pages (%d)" % len(table_pages), len(table_pages) >= 3)
    no_header = [i + 1 for i in table_pages if not ("2023" in pages[i] and "2024" in pages[i]
                                                    and "Chỉ tiêu" in pages[i])]
    check("300-row table: the header row (Chỉ tiêu, 2023, 2024) on every page it spans",
          not no_header, "pages without it: %r" % no_header)


def check_long_paragraph(folder):
    spec = os.path.join(folder, "long.md")
    words = ["chữ%04d" % n for n in range(1, 1801)]
    with open(spec, "w", encoding="utf-8") as f:
        f.write(FRONT % "")
        f.write("# Đoạn dài\n\n" + " ".join(words) + ".\n\nĐoạn tiếp theo sau đoạn dài.\n")
    pdf = os.path.join(folder, "long.pdf")
    if not render(spec, pdf, name="long paragraph"):
        return
    pages = pages_text(pdf, layout=True)
    found, lines_per_page = [], {}
    for i, page in enumerate(pages):
        for line in page.split("\n"):
            got = re.findall(r"chữ(\d{4})", line)
            if got:
                lines_per_page[i] = lines_per_page.get(i, 0) + 1
                found.extend(int(g) for g in got)
    check("long paragraph: every word once, in order", found == list(range(1, 1801)),
          "found %d words; first wrong at %r" % (len(found), next((i for i, (a, b) in enumerate(zip(found, range(1, 1801))) if a != b), None)))
    check("long paragraph: spans pages (%d)" % len(lines_per_page), len(lines_per_page) >= 2)
    short = {p + 1: n for p, n in lines_per_page.items() if n < 2}
    check("long paragraph: no page holds a single line of it (widow/orphan)", not short,
          "pages with one line: %r" % short)


def check_foot_of_page(folder):
    """Sections of one filler paragraph of 8k words (one more line or so each time, over more
    than a page) then a chart, and the same then an H2: for some k the chart or the heading
    meets the foot of the page. A chart never leaves its caption; a heading is never the last
    thing on its page."""
    spec = os.path.join(folder, "foot.md")
    ks = range(1, 46)
    with open(spec, "w", encoding="utf-8") as f:
        f.write(FRONT % "")
        for k in ks:
            f.write("# Biểu đồ sau %d dòng\n\n%s\n\n" % (k, filler(k, 8 * k)))
            f.write("```chart\nkind=bar\nindicator=ecommerce_revenue\ntitle=Biểu đồ kiểm tra %d\n"
                    "caption=Chú thích biểu đồ %d\n```\n\n" % (k, k))
        for k in ks:
            f.write("# Tiêu đề sau %d dòng\n\n%s\n\n" % (k, filler(5000 + k, 8 * k)))
            f.write("## Tiêu đề con %d\n\nĐoạn sau tiêu đề %d.\n\n" % (k, k))
    pdf = os.path.join(folder, "foot.pdf")
    if not render(spec, pdf, name="foot of page"):
        return
    pages = pages_text(pdf, layout=True)
    _, contents_end, _ = contents_entries(pages, "vi")
    body_from = (contents_end if contents_end is not None else 0) + 1

    def pages_with(pattern):
        return [i for i, p in enumerate(pages) if i >= body_from and re.search(pattern, p)]

    problems, moved = [], 0
    for k in ks:
        caption = pages_with(r"Chú thích biểu đồ %d\b" % k)
        title = pages_with(r"Biểu đồ kiểm tra %d\b" % k)
        last_word = pages_with(r"đệm%d_%d\b" % (k, 8 * k - 1))
        if len(caption) != 1 or len(title) != 1 or len(last_word) != 1:
            problems.append("chart %d: caption on %r, chart title on %r, text's end on %r"
                            % (k, caption, title, last_word))
            continue
        if caption != title:
            problems.append("chart %d: the chart is on page %d, its caption on page %d"
                            % (k, title[0] + 1, caption[0] + 1))
        if title[0] > last_word[0]:
            moved += 1
    check("chart and caption never split (%d charts)" % len(ks), not problems, "\n".join(problems))
    check("a chart that does not fit moves to the next page (%d of %d did)" % (moved, len(ks)), moved > 0)

    problems, moved = [], 0
    for k in ks:
        heading = pages_with(r"Tiêu đề con %d\b" % k)
        after = pages_with(r"Đoạn sau tiêu đề %d\b" % k)
        last_word = pages_with(r"đệm%d_%d\b" % (5000 + k, 8 * k - 1))
        if len(heading) != 1 or len(after) != 1 or len(last_word) != 1:
            problems.append("heading %d on %r, its paragraph on %r, the text before on %r"
                            % (k, heading, after, last_word))
            continue
        if heading != after:
            problems.append("heading %d ends page %d; its paragraph is on page %d"
                            % (k, heading[0] + 1, after[0] + 1))
        if heading[0] > last_word[0]:
            moved += 1
    check("a heading is never the last thing on a page (%d headings)" % len(ks), not problems,
          "\n".join(problems))
    check("a heading at the foot of a page moves to the next (%d of %d did)" % (moved, len(ks)), moved > 0)


def check_many_sections(folder, count=1000):
    spec = os.path.join(folder, "many.md")
    headings = [(1, "Mục số %04d" % n) for n in range(1, count + 1)]
    with open(spec, "w", encoding="utf-8") as f:
        f.write(FRONT % "")
        for _, heading in headings:
            f.write("# %s\n\nNội dung ngắn của %s.\n\n" % (heading, heading.lower()))
    pdf = os.path.join(folder, "many.pdf")
    start = time.monotonic()
    ok = render(spec, pdf, name="%d sections" % count)
    seconds = time.monotonic() - start
    if not ok:
        return
    pages = page_count(pdf)
    diag("%d sections: %d pages in %.2f s (%.2f ms per page)" % (count, pages, seconds, seconds * 1000 / pages))
    # Each section starts a page; the contents take about a page per 20-40 entries.
    check("%d sections: page count sane (%d)" % (count, pages), count + 2 <= pages <= count + 2 + count // 10 + 5)
    check_contents(pdf, headings, "vi", "%d sections" % count, sample=50)
    items = read_outline(pdf)
    check("%d sections: all in the outline" % count,
          [re.sub(r"^(\d+\.)+\s*", "", squash(t)) for _, t, _ in items if "Mục số" in t]
          == [h for _, h in headings],
          "outline has %d entries" % len(items))


# ---- 8: bad specs ------------------------------------------------------------------------

BAD = {
    # file: (line, first column, last column, what the message says)
    "bad-unknown-key.md": (3, 1, 1, "colour"),
    "bad-unknown-indicator.md": (7, 12, 14, "khong_co_chi_tieu"),
    "bad-unknown-chart-indicator.md": (9, 1, 11, "khong_co_chi_tieu"),
    "bad-no-data.md": (7, 14, 30, "1990"),
    "bad-unterminated-fence.md": (7, 1, 1, ""),
    "bad-utf8.md": (7, 11, 11, "UTF-8"),
    "bad-chart-key.md": (10, 1, 1, "mau"),
}


def check_bad_specs(folder):
    for name, (line, col_min, col_max, word) in BAD.items():
        spec = os.path.join(SPECS, name)
        for ext in ("pdf", "png"):
            out_dir = os.path.join(folder, "%s-%s" % (name, ext))
            os.makedirs(out_dir)
            old = os.path.join(out_dir, "old.pdf" if ext == "pdf" else "old-01.png")
            with open(old, "wb") as f:
                f.write(b"an older good file\n")
            rc, out, err = run(["report", spec, "-o", os.path.join(out_dir, "old." + ext)])
            located = [m for m in re.finditer(re.escape(name) + r":(\d+):(\d+): (.*)", err)]
            first = located[0] if located else None
            at = first and int(first.group(1)) == line and col_min <= int(first.group(2)) <= col_max
            check("%s (-o .%s): exit 1" % (name, ext), rc == 1, "exit %d\n%s" % (rc, err))
            check("%s (-o .%s): located at %d:%d%s" % (name, ext, line, col_min,
                                                     "-%d" % col_max if col_max != col_min else ""),
                  bool(at) and word.lower() in err.lower(), err)
            check("%s (-o .%s): no file, the old one unchanged" % (name, ext),
                  os.listdir(out_dir) == [os.path.basename(old)]
                  and open(old, "rb").read() == b"an older good file\n",
                  "folder holds %r" % os.listdir(out_dir))
    rc, _, err = run(["report", os.path.join(SPECS, "basic-vi.md")])
    check("a spec with no -o is a usage error (exit 2)", rc == 2, "exit %d\n%s" % (rc, err))
    # data/README.md: without `data:` a spec uses the bundled dataset, as every command does.
    out = os.path.join(folder, "bundled.pdf")
    rc, _, err = run(["report", os.path.join(SPECS, "basic-vi.md"), "-o", out],
                     env={"LREPORT_DATA_DIR": None})
    check("without data: nor LREPORT_DATA_DIR a spec uses the bundled dataset",
          rc == 0 and os.path.exists(out), "exit %d\n%s" % (rc, err))
    rc, _, err = run(["report", os.path.join(folder, "nowhere.md"), "-o", os.path.join(folder, "x.pdf")])
    check("a missing spec: exit 1, named", rc == 1 and "nowhere.md" in err, "exit %d\n%s" % (rc, err))
    out = os.path.join(folder, "no-such-folder", "x.pdf")
    rc, _, err = run(["report", os.path.join(SPECS, "basic-vi.md"), "-o", out])
    check("an unwritable output: exit 1, no file", rc == 1 and not os.path.exists(out), "exit %d\n%s" % (rc, err))


# ---- 9: PNG pages --------------------------------------------------------------------------

def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_png(spec, pdf, name):
    width_pt, height_pt = page_size(pdf)
    count = page_count(pdf)
    for dpi in (None, 72, 150):
        folder = os.path.join(SCRATCH, "png-%s-%s" % (name, dpi))
        os.makedirs(folder)
        extra = ["--dpi", str(dpi)] if dpi else []
        if not render(spec, os.path.join(folder, "x.png"), extra, name="%s png dpi %s" % (name, dpi)):
            continue
        files = sorted(os.listdir(folder))
        expected = ["x-%02d.png" % n for n in range(1, count + 1)]
        check("%s png (dpi %s): x-01.png … x-%02d.png, as many as PDF pages" % (name, dpi or "default", count),
              files == expected, "got %r" % files[:12])
        sizes = {png_size(os.path.join(folder, f)) for f in files}
        if dpi is None:
            # The default resolution: whatever it is, one whole dpi for every page and both sides.
            size = next(iter(sizes)) if len(sizes) == 1 and None not in sizes else None
            fits = [d for d in range(18, 1201) if size and
                    abs(size[0] - width_pt * d / 72) <= 1 and abs(size[1] - height_pt * d / 72) <= 1]
            check("%s png (default dpi): every page the page size at one dpi (%s)" % (name, fits[:1]),
                  bool(fits), "sizes %r" % sizes)
            continue
        want = (math.ceil(width_pt * dpi / 72 - 1e-6), math.ceil(height_pt * dpi / 72 - 1e-6))
        ok = all(s and abs(s[0] - want[0]) <= 1 and abs(s[1] - want[1]) <= 1 for s in sizes)
        check("%s png (dpi %d): every page %dx%d pixels" % (name, dpi, want[0], want[1]), ok, "sizes %r" % sizes)


def check_given(specs):
    """The checks of one report (1-6, 9) on specs named on the command line, e.g. the briefing."""
    for spec in specs:
        spec = os.path.abspath(spec)
        lang = read_spec(spec)[0].get("language", "vi")
        name = os.path.basename(spec)
        pdf = check_spec(spec, lang)
        check_nfd(spec, name)
        check_same_bytes(spec, name)
        if pdf:
            check_png(spec, pdf, name)
        for folder in ("nfd", "twice"):
            shutil.rmtree(os.path.join(SCRATCH, folder), ignore_errors=True)


def main():
    print("TAP version 13")
    try:
        if len(sys.argv) > 3:
            check_given(sys.argv[3:])
            return finish()
        vi = check_spec(os.path.join(SPECS, "basic-vi.md"), "vi")
        en = check_spec(os.path.join(SPECS, "basic-en.md"), "en")
        # The greyscale theme and the other papers lay out and tag the same way.
        check_spec(os.path.join(SPECS, "basic-vi.md"), "vi", ["--theme", "print", "--page", "letter"],
                   name="basic-vi.md print letter")
        check_spec(os.path.join(SPECS, "basic-en.md"), "en", ["--page", "a4"], name="basic-en.md a4")
        check_nfd(os.path.join(SPECS, "basic-vi.md"), "basic-vi.md")
        check_same_bytes(os.path.join(SPECS, "basic-vi.md"), "basic-vi.md")
        pagination = os.path.join(SCRATCH, "pagination")
        os.makedirs(pagination)
        check_table(pagination)
        check_long_paragraph(pagination)
        check_foot_of_page(pagination)
        check_many_sections(pagination)
        bad = os.path.join(SCRATCH, "bad")
        os.makedirs(bad)
        check_bad_specs(bad)
        if vi:
            check_png(os.path.join(SPECS, "basic-vi.md"), vi, "basic-vi.md")
        if en:
            check_png(os.path.join(SPECS, "basic-en.md"), en, "basic-en.md")
        return finish()
    finally:
        if os.environ.get("LR_KEEP_SCRATCH"):
            diag("scratch kept in " + SCRATCH)
        else:
            shutil.rmtree(SCRATCH, ignore_errors=True)


def finish():
    print("1..%d" % len(results))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
