#!/usr/bin/python3
"""The Python module (python/lreport.py) against the built library:

 1. its declarations match the C headers as the compiler lays them out (the output of
    abi-dump, generated from the headers): every public enumeration, value by value, and
    every struct it declares, size, alignment, field names, offsets and sizes;
 2. a dataset loads from the bundled CSV files and from examples/own-data (the README's own
    data); a broken one raises Error with file:line:column;
 3. a dataset built in memory (add_indicator, add_observation: the structs by pointer) draws;
 4. Chart.render gives PNG (pixel size from IHDR, scale, pHYs for dpi), PDF and SVG bytes,
    the same bytes as the library writes to a file; bad options and requests raise Error;
 5. Chart.draw onto pycairo contexts: an image surface gets the same pixels as the PNG; a
    PDF surface keeps the text as text (pdftotext, when poppler-utils is there), at an offset
    and a scale of the caller's;
 6. errors and objects do not leak references (a chart outlives the Dataset object).

Usage: test-python.py PYTHON_DIR ABI_DUMP SOURCE_DIR (the library from LREPORT_LIBRARY or the
library path). Prints TAP.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

PYTHON_DIR, ABI_DUMP, SOURCE = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, PYTHON_DIR)
import ctypes  # noqa: E402

import lreport  # noqa: E402

results = []


def check(ok, name, detail=""):
    results.append(bool(ok))
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name))
    if detail and not ok:
        for line in str(detail).splitlines()[:20]:
            print("#   " + line)
    sys.stdout.flush()


def raises(function, exception=lreport.Error):
    try:
        function()
    except exception as error:
        return error
    return None


def png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks = 8, {}
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.setdefault(kind.decode(), data[at + 8:at + 8 + length])
        at += 12 + length
    return chunks


def abi():
    dump = subprocess.run([ABI_DUMP], check=True, capture_output=True, text=True).stdout
    enums, structs, fields = {}, {}, {}
    for line in dump.splitlines():
        record = line.split("\t")
        if record[0] == "enum":
            enums.setdefault(record[1], {})[record[2]] = int(record[3])
        elif record[0] == "struct":
            structs[record[1]] = (int(record[2]), int(record[3]))
        else:
            fields.setdefault(record[1], []).append((record[2], int(record[3]), int(record[4])))
    return enums, structs, fields


def test_abi():
    enums, structs, fields = abi()
    check(enums and structs, "abi-dump lists the headers' enums and structs",
          "%d enums, %d structs" % (len(enums), len(structs)))
    declared = lreport._ENUMS
    check(set(declared) == set(enums), "the module declares every public enumeration",
          "missing: %s; not in the headers: %s" % (sorted(set(enums) - set(declared)),
                                                   sorted(set(declared) - set(enums))))
    for name in sorted(set(declared) & set(enums)):
        check(declared[name] == enums[name], "enum %s: members and values" % name,
              "module %s\nheader %s" % (declared[name], enums[name]))
    enum_size = ctypes.sizeof(lreport._enum)
    for name, (size, alignment) in sorted(structs.items()):
        if name not in lreport.STRUCTS:
            print("# struct %s is not passed by the module: not declared there" % name)
            continue
        python = lreport.STRUCTS[name]
        mine = [(field, getattr(python, field).offset, getattr(python, field).size)
                for field, _ in python._fields_]
        check(mine == fields[name] and ctypes.sizeof(python) == size
              and ctypes.alignment(python) == alignment,
              "struct %s: size %d, alignment %d, fields" % (name, size, alignment),
              "module %s (size %d)\nheader %s" % (mine, ctypes.sizeof(python), fields[name]))
    # Enum-typed fields are ints in the module: the compiler made them int-sized too.
    check(structs and all(s == enum_size for t, f in (("lr_error_t", "status"),
                                                     ("lr_write_options_t", "format"))
                          for n, o, s in fields[t] if n == f),
          "enumerations are int-sized")


def test_dataset():
    data = lreport.Dataset.load(os.path.join(SOURCE, "data"))
    check(len(data) > 50 and "ftth_coverage" in data.indicators,
          "Dataset.load: the bundled dataset", "%d observations" % len(data))
    scratch = tempfile.mkdtemp(prefix="lreport-python-")
    with open(os.path.join(scratch, "indicators.csv"), "w", encoding="utf-8") as f:
        f.write("id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n"
                "x,Tên,Name,,,value,higher,overall,\n")
    with open(os.path.join(scratch, "observations.csv"), "w", encoding="utf-8") as f:
        f.write("indicator,entity,year,period,value,low,high,n,status,source,quote,note\n"
                "x,A,2024,,abc,,,,actual,s,q,\n")
    error = raises(lambda: lreport.Dataset.load(scratch))
    check(error and error.file and error.file.endswith("observations.csv") and error.line == 2
          and error.column > 0 and error.errors, "a broken dataset: Error with file:line:column",
          error and "%s:%s:%s %s" % (error.file, error.line, error.column, error.message))
    shutil.rmtree(scratch)
    # The README's "your own data" example: any indicators, entities, years and sources.
    own = lreport.Dataset.load(os.path.join(SOURCE, "examples", "own-data"))
    layout = lreport.Chart(own, "bar", indicators=["online_orders"],
                           language="en").describe_layout(1600, 900)
    check(len(own) == 8 and '"North branch"' in layout and '"70.0–75.0"' in layout
          and "Illustrative data 2024" in layout, "examples/own-data loads and draws",
          layout[:300])
    return data


def memory_dataset():
    data = lreport.Dataset()
    data.add_indicator("visitors", "Lượt truy cập", "Visits", unit_vi="triệu", unit_en="million")
    for year, value in ((2021, 1.5), (2022, 2.25), (2023, 3.0)):
        data.add_observation("visitors", "Cổng A", year, value)
    data.add_observation("visitors", "Cổng A", 2024, low=3.5, high=4.0, status="forecast")
    data.add_observation("visitors", "Cổng B", 2024, 2)
    data.set_entity_name("Cổng A", "Portal A")
    return data


def test_memory_dataset():
    data = memory_dataset()
    check(len(data) == 5 and data.indicators == ["visitors"],
          "Dataset(): indicators and observations added from Python (no source, no quote)")
    chart = lreport.Chart(data, "bar", indicators=["visitors"], years=[2024], language="en")
    layout = chart.describe_layout(800, 450)
    check('"Visits"' in layout and '"3.5–4.0"' in layout and '"Portal A"' in layout
          and '"Cổng B"' in layout,
          "the chart of it: English title and entity name, the range", layout[:400])
    # A refused row is an Error, and (the library's rule) leaves the dataset in error.
    error = raises(lambda: data.add_observation("nope", "Cổng A", 2024, 1))
    check(error and error.status == lreport._ENUMS["lr_status_t"]["LR_STATUS_UNKNOWN_INDICATOR"]
          and "'nope'" in error.message, "an unknown indicator is an Error",
          error and "%s %s" % (error.status_name, error.message))
    error = raises(lambda: lreport.Chart(data, "bar", indicators=["visitors"]))
    check(error and "errors" in error.message, "a chart of a dataset in error: Error",
          error and error.message)
    error = raises(lambda: data.add_observation("visitors", "Cổng A", "twenty", 1), ValueError)
    check(error, "a year that is not a number: ValueError")


def test_csv_in_memory():
    indicators = ("id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n"
                  "x,Chỉ số 📈,Index,%,%,share,higher,overall,\n")
    rows = "".join("x,Tỉnh %s,%d,,%s,,,,actual,sheet.xlsx,row %s,\n" % (name, year, value, name)
                   for name, values in (("A", (0.7001, 0.7002, 0.71)), ("B", (0.5, 0.6, 0.65)))
                   for year, value in zip((2022, 2023, 2024), values))
    observations = "indicator,entity,year,period,value,low,high,n,status,source,quote,note\n" + rows
    data = lreport.Dataset.load_memory(indicators, observations.encode("utf-8"), name="server")
    check(len(data) == 6 and data.indicators == ["x"],
          "Dataset.load_memory: CSV text, no file", "%d observations" % len(data))
    warnings = data.check_glyphs()
    check(warnings == [], "check_glyphs: the emoji is drawn by a bundled font",
          [w.message for w in warnings])
    layout = lreport.Chart(data, "bar", indicators=["x"], entities=["Tỉnh A"],
                           years=["2022-2023"], labels="all").describe_layout(1600, 900)
    check('"0,7001%"' in layout and '"0,7002%"' in layout and '"2024"' not in layout,
          "years='2022-2023', labels='all': both years, decimals from the data", layout[:600])
    layout = lreport.Chart(data, "bar", indicators=["x"], entities=["Tỉnh A"],
                           years=range(2022, 2025), decimals=1).describe_layout(1600, 900)
    check('"0,7%"' in layout and '"0,7001%"' not in layout and '"2024"' in layout,
          "years=range(2022, 2025), decimals=1", layout[:600])
    check(raises(lambda: lreport.Chart(data, "bar", indicators=["x"], labels="some"),
                 ValueError), "an unknown labels word: ValueError")
    error = raises(lambda: lreport.Dataset.load_memory(indicators, observations + "x,C,20x4,,1,,,,actual,s,q,\n"))
    check(error and error.file == "memory/observations.csv" and error.line == 8
          and error.column == 5, "a bad row in memory: memory/observations.csv:8:5",
          error and "%s:%s:%s %s" % (error.file, error.line, error.column, error.message))


def test_render(data):
    chart = lreport.Chart(data, "bar", indicators=["ftth_coverage"], horizontal=True,
                          sort="desc", highlight="Việt Nam", language="en")
    png = chart.render("png", 800, 450)
    ihdr = png_chunks(png)["IHDR"]
    check(struct.unpack(">II", ihdr[:8]) == (800, 450), "render('png'): 800x450 pixels")
    png2 = chart.render("png", 800, 450, scale=2, dpi=144)
    chunks = png_chunks(png2)
    check(struct.unpack(">II", chunks["IHDR"][:8]) == (1600, 900)
          and struct.unpack(">IIB", chunks["pHYs"]) == (5669, 5669, 1),
          "render('png', scale=2, dpi=144): 1600x900, pHYs 5669 px/m")
    pdf = chart.render("pdf", 720, 405)
    check(pdf.startswith(b"%PDF-") and b"/MediaBox [ 0 0 720 405 ]" in pdf, "render('pdf')")
    svg = chart.render("svg", 720, 405)
    check(svg.startswith(b"<?xml") and b'width="720pt"' in svg and b"<symbol" not in svg,
          "render('svg')")
    scratch = tempfile.mkdtemp(prefix="lreport-python-")
    path = os.path.join(scratch, "chart.png")
    chart.write(path, width=800, height=450)
    with open(path, "rb") as f:
        check(f.read() == png, "write(): the same bytes as render()")
    error = raises(lambda: chart.write(os.path.join(scratch, "no", "such", "x.pdf"), width=720,
                                       height=405))
    check(error and error.status == lreport._ENUMS["lr_status_t"]["LR_STATUS_WRITE_ERROR"],
          "write() into a missing folder: Error", error and error.message)
    shutil.rmtree(scratch)
    error = raises(lambda: chart.render("pdf", 720, 405, scale=2))
    check(error and "scale" in error.message, "a scale on PDF: Error naming the scale",
          error and error.message)
    check(raises(lambda: chart.render("gif"), ValueError), "an unknown format: ValueError")
    error = raises(lambda: lreport.Chart(data, "bar", indicators=["no_such_indicator"]))
    check(error and "no_such_indicator" in error.message
          and error.status_name, "an unknown indicator: Error at creation",
          error and error.message)
    check(raises(lambda: lreport.Chart(data, "pie"), ValueError), "an unknown kind: ValueError")
    error = raises(lambda: lreport.Chart(data, "bar", indicators=["ftth_coverage"]).render(
        "png", 20, 10))
    check(error and error.status == lreport._ENUMS["lr_status_t"]["LR_STATUS_INVALID_ARGUMENT"],
          "a canvas too small: Error", error and error.message)
    return chart, png


def test_draw(chart, png):
    import cairo

    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, 800, 450)
    context = cairo.Context(surface)
    chart.draw(context, 0, 0, 800, 450)
    surface.flush()
    reference = cairo.ImageSurface.create_from_png(_stream(png))
    drawn = bytes(surface.get_data())
    expected = bytes(reference.get_data())
    differing = sum(1 for a, b in zip(drawn, expected) if abs(a - b) > 8)
    check(len(drawn) == len(expected) and differing <= len(drawn) // 1000,
          "draw() onto a pycairo image surface: the PNG's pixels",
          "%d of %d bytes differ by more than 8" % (differing, len(drawn)))
    check(context.get_matrix() == cairo.Matrix() and not context.has_current_point(),
          "draw() leaves the caller's context as it was")

    # A page of the caller's: a heading of its own, the chart below it at half size.
    scratch = tempfile.mkdtemp(prefix="lreport-python-")
    path = os.path.join(scratch, "page.pdf")
    page = cairo.PDFSurface(path, 595, 842)
    context = cairo.Context(page)
    context.translate(40, 100)
    context.scale(0.5, 0.5)
    chart.draw(context, 0, 0, 1030, 580)
    page.finish()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              text=True, check=True).stdout
        check("Share of households connected by fibre" in text and "Vietnam" in text,
              "draw() onto a pycairo PDF surface: text stays text", text[:300])
        bbox = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True,
                              text=True, check=True).stdout
        check('xMin="' in bbox and _first_word_x(bbox) > 40,
              "draw() at the context's transformation", bbox[:300])
    else:
        print("ok %d - draw() onto a PDF surface # SKIP pdftotext not found (poppler-utils)"
              % (len(results) + 1))
        results.append(True)
    shutil.rmtree(scratch)
    check(raises(lambda: chart.draw(object(), 0, 0, 10, 10), TypeError),
          "draw() of something not a cairo.Context: TypeError")
    error = raises(lambda: chart.draw(cairo.Context(surface), 0, 0, 5, 5))
    check(error and error.status == lreport._ENUMS["lr_status_t"]["LR_STATUS_INVALID_ARGUMENT"],
          "draw() into a rectangle too small: Error", error and error.message)


def _first_word_x(bbox):
    for line in bbox.splitlines():
        if "<word" in line:
            return float(line.split('xMin="')[1].split('"')[0])
    return -1


def _stream(data):
    import io
    return io.BytesIO(data)


def test_lifetimes():
    data = memory_dataset()
    chart = lreport.Chart(data, "bar", indicators=["visitors"], entities=["Cổng A"])
    data.close()
    del data
    png = chart.render("png", 400, 300)
    check(png.startswith(b"\x89PNG"), "a chart outlives its Dataset object (C reference)")
    chart.close()
    chart.close()
    check(True, "close() twice is harmless")


def main():
    print("TAP version 13")
    print("# libreport %s from %s" % (lreport.library_version(),
                                      os.environ.get("LREPORT_LIBRARY", "the library path")))
    test_abi()
    data = test_dataset()
    test_memory_dataset()
    test_csv_in_memory()
    chart, png = test_render(data)
    try:
        import cairo  # noqa: F401
        test_draw(chart, png)
    except ImportError:
        print("ok %d - draw() # SKIP pycairo not found (Debian: python3-cairo)"
              % (len(results) + 1))
        results.append(True)
    test_lifetimes()
    print("1..%d" % len(results))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
