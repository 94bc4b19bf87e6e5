#!/usr/bin/python3
"""Our SVG charts as other programs draw them, against the PNG of the same chart.

For a few charts (English bar, Vietnamese ranking, stacked percent bars with a legend) the CLI
writes a 720x405 PNG and a 720x405 pt SVG. Each SVG is rasterised at 72 dpi by

  - rsvg-convert (librsvg2-bin), and
  - WeasyPrint (weasyprint) in an HTML page of the chart's size, then pdftoppm (poppler-utils),

and compared with the PNG in luminance (composited over white):

  1. text ink: the summed darkness of the pixels darker than 0.35 (text, axis lines) is
     between 0.6x and 1.8x the PNG's: a chart without its text keeps about 0.2x;
  2. no 40x40 tile differs from the PNG by more than 0.075 on average (a title missing or
     moved is about 0.1; renderers' anti-aliasing differences stay under 0.05).

A control proves the comparison can fail: the same SVG with its glyphs put back as cairo writes
them (<symbol> used by <use>, which WeasyPrint 57 does not draw) must fail check 1 in
WeasyPrint (skipped, saying so, by a WeasyPrint that draws them). A renderer that is not installed is skipped, saying which Debian package provides
it; the pixels are read with pycairo (python3-cairo).

Usage: test-svg-renderers.py LREPORT. Prints TAP. LR_KEEP_SCRATCH=1 keeps the files.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

WIDTH, HEIGHT = 720, 405
DARK = 0.35
INK_RANGE = (0.6, 1.8)
TILE = 40
TILE_LIMIT = 0.075

CHARTS = {
    "bar-en": ["bar", "--indicator", "ftth_coverage", "--horizontal", "--sort", "desc",
               "--highlight", "Việt Nam", "--lang", "en"],
    "rank-vi": ["rank", "--indicator", "egdi_rank", "--indicator", "gii_rank",
                "--indicator", "gci_rank"],
    "percent-vi": ["bar", "--indicator", "dx_targets_done", "--indicator", "dx_targets_likely",
                   "--indicator", "dx_targets_effort", "--layout", "percent", "--horizontal"],
}

results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name))
    if detail:
        for line in detail.splitlines():
            print("# " + line)
    sys.stdout.flush()


def skip(name, reason):
    results.append(True)
    print("ok %d - %s # SKIP %s" % (len(results), name, reason))


def luminance(path):
    """The image's luminance, 0 (black) to 1 (white), row by row, composited over white."""
    import cairo

    surface = cairo.ImageSurface.create_from_png(path)
    width, height, stride = surface.get_width(), surface.get_height(), surface.get_stride()
    data = bytes(surface.get_data())
    opaque = surface.get_format() == cairo.FORMAT_RGB24
    values = []
    for y in range(height):
        row = data[y * stride:y * stride + 4 * width]
        for x in range(0, 4 * width, 4):
            b, g, r, a = row[x], row[x + 1], row[x + 2], 255 if opaque else row[x + 3]
            # Premultiplied: over white adds the uncovered part.
            r, g, b = r + 255 - a, g + 255 - a, b + 255 - a
            values.append((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255)
    return width, height, values


def compare(reference, other):
    """(ink ratio, worst tile's mean difference, message) of two luminance images."""
    if reference[:2] != other[:2]:
        return None, None, "size %dx%d, expected %dx%d" % (other[:2] + reference[:2])
    width, height = reference[:2]
    ref, got = reference[2], other[2]
    ink_ref = sum(1 - v for v in ref if v < DARK)
    ink_got = sum(1 - v for v in got if v < DARK)
    ratio = ink_got / ink_ref if ink_ref else float("inf")
    worst, where = 0.0, (0, 0)
    for ty in range(0, height, TILE):
        for tx in range(0, width, TILE):
            total = count = 0
            for y in range(ty, min(height, ty + TILE)):
                base = y * width
                for x in range(tx, min(width, tx + TILE)):
                    total += abs(ref[base + x] - got[base + x])
                    count += 1
            if total / count > worst:
                worst, where = total / count, (tx, ty)
    return ratio, worst, "ink %.3fx the PNG's; worst tile at %d,%d differs by %.4f" % (
        ratio, where[0], where[1], worst)


def rasterise_rsvg(svg, png):
    subprocess.run(["rsvg-convert", "-w", str(WIDTH), "-h", str(HEIGHT), "-o", png, svg],
                   check=True, capture_output=True)


def rasterise_weasyprint(svg, png):
    html = svg[:-4] + ".html"
    pdf = svg[:-4] + "-weasyprint.pdf"
    with open(html, "w", encoding="utf-8") as out:
        out.write("<!DOCTYPE html><style>@page { size: %dpt %dpt; margin: 0 } body { margin: 0 }"
                  " img { display: block; width: %dpt; height: %dpt }</style><img src=\"%s\">"
                  % (WIDTH, HEIGHT, WIDTH, HEIGHT, os.path.basename(svg)))
    subprocess.run(["weasyprint", html, pdf], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", pdf, png[:-4]], check=True,
                   capture_output=True)


def main():
    lreport = os.path.abspath(sys.argv[1])
    try:
        import cairo  # noqa: F401
    except ImportError:
        print("1..0 # SKIP pycairo (Debian: python3-cairo) is needed to read the pixels")
        return 0
    renderers = []
    for name, programs, package, function in (
            ("rsvg-convert", ["rsvg-convert"], "librsvg2-bin", rasterise_rsvg),
            ("WeasyPrint", ["weasyprint", "pdftoppm"], "weasyprint and poppler-utils",
             rasterise_weasyprint)):
        absent = [p for p in programs if not shutil.which(p)]
        renderers.append((name, function, "%s not found (Debian: %s)" % (
            ", ".join(absent), package) if absent else None))
    print("TAP version 13")
    scratch = tempfile.mkdtemp(prefix="lreport-svg-")
    for chart, args in CHARTS.items():
        png = os.path.join(scratch, chart + ".png")
        svg = os.path.join(scratch, chart + ".svg")
        size = ["--size", "%dx%d" % (WIDTH, HEIGHT)]
        for path in (png, svg):
            subprocess.run([lreport] + args + size + ["-o", path], check=True)
        with open(svg, encoding="utf-8") as f:
            text = f.read()
        tap("<symbol" not in text and '<g id="glyph' in text,
            "%s: glyphs are groups in <defs>, not <symbol>" % chart)
        reference = luminance(png)
        for name, function, absent in renderers:
            label = "%s: %s draws the SVG like the PNG" % (chart, name)
            if absent:
                skip(label, absent)
                continue
            out = os.path.join(scratch, "%s-%s.png" % (chart, name.lower()))
            function(svg, out)
            ratio, worst, message = compare(reference, luminance(out))
            tap(ratio is not None and INK_RANGE[0] <= ratio <= INK_RANGE[1]
                and worst <= TILE_LIMIT, label, message)
            if name == "WeasyPrint":
                # The control: cairo's own <symbol> glyphs, which WeasyPrint 57 leaves out.
                control = os.path.join(scratch, chart + "-symbols.svg")
                with open(control, "w", encoding="utf-8") as f:
                    f.write(re.sub(r'<g id="(glyph[^"]*)">(.*?)</g>',
                                   r'<symbol overflow="visible" id="\1">\2</symbol>', text,
                                   flags=re.S))
                out = os.path.join(scratch, chart + "-symbols-weasyprint.png")
                function(control, out)
                ratio, worst, message = compare(reference, luminance(out))
                label = "%s: control: <symbol> glyphs fail the ink check in WeasyPrint" % chart
                if ratio is not None and INK_RANGE[0] <= ratio <= INK_RANGE[1]:
                    skip(label, "this WeasyPrint draws <symbol> glyphs (" + message + ")")
                else:
                    tap(ratio is not None, label, message)
    if os.environ.get("LR_KEEP_SCRATCH"):
        print("# files kept in " + scratch)
    else:
        shutil.rmtree(scratch)
    print("1..%d" % len(results))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
