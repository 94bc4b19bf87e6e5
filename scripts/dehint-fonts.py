#!/usr/bin/python3
"""Removes the TrueType hinting from font files, in place: the fpgm, prep and cvt tables (and
hdmx, LTSH, VDMX, which describe hinted sizes), and every glyph's instructions.

Why: libreport draws text unhinted (cairo CAIRO_HINT_STYLE_NONE, unhinted metrics), so the
hinting never changes a pixel of its PNGs, but cairo copies those tables and instructions into
every font subset of a PDF: 42 % of a ranking chart's font bytes, and a third of its PDF time
(five subsets deflated at zlib's default level). Outlines, metrics, cmap and the OpenType
layout tables (GSUB, GPOS: Vietnamese marks) are left as they are.

Usage (fontTools, Debian: python3-fonttools; the bundled files were made with 4.38):
    scripts/dehint-fonts.py fonts/NotoSans-*.ttf fonts/DejaVuSans*.ttf
"""
import sys

from fontTools.ttLib import TTFont

HINTING_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX")
MAXP_HINTING = ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                "maxStackElements", "maxSizeOfInstructions")


def dehint(path):
    # The original modification date kept: the same input gives the same file.
    font = TTFont(path, recalcTimestamp=False)
    for tag in HINTING_TABLES:
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].removeHinting()
    maxp = font["maxp"]
    maxp.maxZones = 1
    for field in MAXP_HINTING:
        setattr(maxp, field, 0)
    font.save(path)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: dehint-fonts.py FONT.ttf...")
    for path in sys.argv[1:]:
        dehint(path)
