#!/usr/bin/env python3
"""Checks that every chart file in a folder is whole: PNG chunks with good CRCs, an IDAT that
inflates to exactly the rows IHDR promises, and IEND last; PDF from %PDF- to a final %%EOF
that poppler's pdfinfo can read (not with --quick); SVG that parses as XML and ends with
</svg>. Prints each bad file and exits 1 if any. Usage: check-outputs.py [--quick] [--skip-temporaries] FOLDER..."""
import os, struct, subprocess, sys, zlib
import xml.etree.ElementTree as ET


def check_png(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return "no PNG signature"
    pos, idat, ihdr, last = 8, b"", None, None
    while pos < len(data):
        if pos + 12 > len(data):
            return "truncated chunk"
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = data[pos + 8 + length:pos + 12 + length]
        if len(body) != length or len(crc) != 4:
            return "truncated chunk"
        if zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            return "bad CRC in " + kind.decode("latin-1")
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        last = kind
        pos += 12 + length
    if last != b"IEND" or not ihdr:
        return "no IHDR or IEND"
    width, height, depth, colour = ihdr[:4]
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or not channels:
        return "unexpected IHDR"
    try:
        rows = zlib.decompress(idat)
    except zlib.error as e:
        return "IDAT: %s" % e
    if len(rows) != height * (1 + width * channels):
        return "IDAT holds %d bytes, not %d" % (len(rows), height * (1 + width * channels))
    return None


def check_pdf(path, data):
    if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        return "not a whole PDF"
    if QUICK:
        return None
    result = subprocess.run(["pdfinfo", path], capture_output=True)
    return None if result.returncode == 0 else "pdfinfo: " + result.stderr.decode()[:200]


def check_svg(data):
    if not data.rstrip().endswith(b"</svg>"):
        return "SVG does not end with </svg>"
    try:
        ET.fromstring(data)
    except ET.ParseError as e:
        return "SVG: %s" % e
    return None


QUICK = "--quick" in sys.argv[1:]
SKIP_TEMPORARIES = "--skip-temporaries" in sys.argv[1:]  # NAME.lreport-PID-XXXXXX


def main():
    folders = [a for a in sys.argv[1:] if not a.startswith("--")]
    bad = 0
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            if SKIP_TEMPORARIES and ".lreport-" in name:
                continue
            path = os.path.join(folder, name)
            data = open(path, "rb").read()
            ext = os.path.splitext(name)[1].lower()
            problem = {".png": lambda: check_png(data), ".pdf": lambda: check_pdf(path, data),
                       ".svg": lambda: check_svg(data)}.get(ext, lambda: "not a chart file")()
            if problem:
                print("%s: %s" % (path, problem))
                bad += 1
    sys.exit(1 if bad else 0)


main()
