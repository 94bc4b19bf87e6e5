"""libreport from Python: charts as PNG, PDF or SVG bytes, or drawn onto a pycairo context.

A single file over the shared library with ctypes: nothing to compile. Copy it next to your
program (or put python/ on PYTHONPATH); it loads liblreport-0.so.0 from the system's library
path, or the file named by the environment variable LREPORT_LIBRARY.

    import lreport

    data = lreport.Dataset.load("data")                  # or Dataset() + add_indicator() ...
    chart = lreport.Chart(data, "bar", indicators=["ftth_coverage"], horizontal=True,
                          sort="desc", highlight="Việt Nam", language="en")
    png = chart.render("png", 1600, 900, scale=2)        # bytes, never a temporary file
    pdf = chart.render("pdf", 720, 405)
    chart.draw(context, 0, 0, 720, 405)                  # any cairo.Context (pycairo)

Errors raise lreport.Error, whose .status, .message, .file, .line and .column are the
library's (a dataset's every error is in .errors).

The C types this module passes to the library (structs and enumerations) are declared once,
in _ENUMS and _STRUCTS below; tests/test-python.py checks them against the C headers as the
compiler sees them (sizes, offsets, values), so they cannot drift from include/lreport/.

Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
"""
import ctypes
import math
import os

__all__ = ["Error", "Dataset", "Chart", "library_version"]

# ---- the C declarations, in one place (checked against the headers by tests/test-python.py) ----

# Every public enumeration of include/lreport/, value by value.
_ENUMS = {
    "lr_status_t": {
        "LR_STATUS_SUCCESS": 0, "LR_STATUS_NO_MEMORY": 1, "LR_STATUS_NULL_POINTER": 2,
        "LR_STATUS_INVALID_ARGUMENT": 3, "LR_STATUS_INVALID_UTF8": 4,
        "LR_STATUS_FILE_NOT_FOUND": 5, "LR_STATUS_READ_ERROR": 6, "LR_STATUS_WRITE_ERROR": 7,
        "LR_STATUS_PARSE_ERROR": 8, "LR_STATUS_INVALID_DATA": 9,
        "LR_STATUS_UNKNOWN_INDICATOR": 10, "LR_STATUS_UNKNOWN_ENTITY": 11,
        "LR_STATUS_NO_DATA": 12, "LR_STATUS_UNSUPPORTED": 13, "LR_STATUS_FONT_ERROR": 14,
        "LR_STATUS_CAIRO_ERROR": 15, "LR_STATUS_IMMUTABLE": 16,
        "LR_STATUS_MISSING_GLYPH": 17, "LR_STATUS_LAST": 18,
    },
    "lr_language_t": {"LR_LANGUAGE_VI": 0, "LR_LANGUAGE_EN": 1},
    "lr_indicator_kind_t": {"LR_INDICATOR_VALUE": 0, "LR_INDICATOR_RANK": 1,
                            "LR_INDICATOR_SHARE": 2, "LR_INDICATOR_GROWTH": 3},
    "lr_direction_t": {"LR_DIRECTION_HIGHER": 0, "LR_DIRECTION_LOWER": 1,
                       "LR_DIRECTION_NEUTRAL": 2},
    "lr_observation_status_t": {"LR_OBSERVATION_ACTUAL": 0, "LR_OBSERVATION_ESTIMATE": 1,
                                "LR_OBSERVATION_FORECAST": 2, "LR_OBSERVATION_TARGET": 3},
    "lr_chart_kind_t": {"LR_CHART_BAR": 0, "LR_CHART_RANK": 1},
    "lr_bar_layout_t": {"LR_BAR_GROUPED": 0, "LR_BAR_STACKED": 1, "LR_BAR_PERCENT": 2},
    "lr_orientation_t": {"LR_ORIENTATION_VERTICAL": 0, "LR_ORIENTATION_HORIZONTAL": 1},
    "lr_sort_t": {"LR_SORT_NONE": 0, "LR_SORT_ASCENDING": 1, "LR_SORT_DESCENDING": 2},
    "lr_value_labels_t": {"LR_VALUE_LABELS_FIT": 0, "LR_VALUE_LABELS_ALL": 1,
                          "LR_VALUE_LABELS_NONE": 2},
    "lr_file_format_t": {"LR_FORMAT_AUTO": 0, "LR_FORMAT_PNG": 1, "LR_FORMAT_PDF": 2,
                         "LR_FORMAT_SVG": 3},
    "lr_theme_color_t": {
        "LR_THEME_COLOR_BACKGROUND": 0, "LR_THEME_COLOR_TEXT": 1,
        "LR_THEME_COLOR_TEXT_MUTED": 2, "LR_THEME_COLOR_GRID": 3, "LR_THEME_COLOR_AXIS": 4,
        "LR_THEME_COLOR_CONTEXT": 5, "LR_THEME_COLOR_HIGHLIGHT": 6,
        "LR_THEME_COLOR_BETTER": 7, "LR_THEME_COLOR_WORSE": 8, "LR_THEME_COLOR_LAST": 9,
    },
    "lr_theme_size_t": {
        "LR_THEME_SIZE_FONT": 0, "LR_THEME_SIZE_TITLE": 1, "LR_THEME_SIZE_SUBTITLE": 2,
        "LR_THEME_SIZE_SMALL": 3, "LR_THEME_SIZE_MARGIN": 4, "LR_THEME_SIZE_GRID_LINE": 5,
        "LR_THEME_SIZE_AXIS_LINE": 6, "LR_THEME_SIZE_SERIES_LINE": 7,
        "LR_THEME_SIZE_MARKER": 8, "LR_THEME_SIZE_BAR_GAP": 9,
        "LR_THEME_SIZE_MAX_LABEL_LINES": 10, "LR_THEME_SIZE_LAST": 11,
    },
    "lr_theme_preset_t": {"LR_THEME_PRESET_DEFAULT": 0, "LR_THEME_PRESET_PRINT": 1},
    "lr_number_flags_t": {"LR_NUMBER_GROUPING": 1, "LR_NUMBER_PERCENT": 2,
                          "LR_NUMBER_EXPLICIT_SIGN": 4, "LR_NUMBER_TRIM_ZEROS": 8},
    "lr_rank_change_style_t": {"LR_RANK_CHANGE_WORDS": 0, "LR_RANK_CHANGE_ARROW": 1},
    "lr_page_size_t": {"LR_PAGE_A4": 0, "LR_PAGE_A5": 1, "LR_PAGE_LETTER": 2},
}

_enum = ctypes.c_int  # every enumeration above fits an int (the C compiler's choice: checked)

# The structs passed by pointer, field by field as in the headers.
_STRUCTS = {
    "lr_error_t": [
        ("status", _enum), ("message", ctypes.c_char_p), ("file", ctypes.c_char_p),
        ("line", ctypes.c_uint), ("column", ctypes.c_uint),
        ("reserved", ctypes.c_void_p * 4),
    ],
    "lr_rect_t": [
        ("x", ctypes.c_double), ("y", ctypes.c_double), ("width", ctypes.c_double),
        ("height", ctypes.c_double),
    ],
    "lr_write_options_t": [
        ("format", _enum), ("width", ctypes.c_double), ("height", ctypes.c_double),
        ("scale", ctypes.c_double), ("dpi", ctypes.c_double),
        ("reserved", ctypes.c_void_p * 4),
    ],
    "lr_indicator_t": [
        ("id", ctypes.c_char_p), ("name_vi", ctypes.c_char_p), ("name_en", ctypes.c_char_p),
        ("unit_vi", ctypes.c_char_p), ("unit_en", ctypes.c_char_p), ("kind", _enum),
        ("better", _enum), ("pillar", ctypes.c_char_p), ("note", ctypes.c_char_p),
        ("reserved", ctypes.c_void_p * 4),
    ],
    "lr_observation_t": [
        ("indicator", ctypes.c_char_p), ("entity", ctypes.c_char_p), ("year", ctypes.c_int),
        ("period", ctypes.c_char_p), ("value", ctypes.c_double), ("low", ctypes.c_double),
        ("high", ctypes.c_double), ("total", ctypes.c_int), ("status", _enum),
        ("source", ctypes.c_char_p), ("quote", ctypes.c_char_p), ("note", ctypes.c_char_p),
        ("reserved", ctypes.c_void_p * 4),
    ],
}

STRUCTS = {name: type(name, (ctypes.Structure,), {"_fields_": fields})
           for name, fields in _STRUCTS.items()}
_Error = STRUCTS["lr_error_t"]
_Rect = STRUCTS["lr_rect_t"]
_WriteOptions = STRUCTS["lr_write_options_t"]
_Indicator = STRUCTS["lr_indicator_t"]
_Observation = STRUCTS["lr_observation_t"]

_WRITE_FUNC = ctypes.CFUNCTYPE(_enum, ctypes.c_void_p, ctypes.POINTER(ctypes.c_ubyte),
                               ctypes.c_size_t)
_WARNING_FUNC = ctypes.CFUNCTYPE(None, ctypes.POINTER(_Error), ctypes.c_void_p)

# name: (result, arguments), as in the headers.
_p = ctypes.c_void_p
_FUNCTIONS = {
    "lr_version_string": (ctypes.c_char_p, []),
    "lr_status_to_string": (ctypes.c_char_p, [_enum]),
    "lr_free": (None, [_p]),
    "lr_dataset_create": (_p, []),
    "lr_dataset_load": (_p, [ctypes.c_char_p]),
    "lr_dataset_load_files": (_p, [ctypes.c_char_p, ctypes.c_char_p]),
    "lr_dataset_load_from_memory": (_p, [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t,
                                         ctypes.c_char_p, ctypes.c_size_t]),
    "lr_dataset_check_glyphs": (_enum, [_p, _WARNING_FUNC, _p, ctypes.POINTER(ctypes.c_size_t)]),
    "lr_dataset_destroy": (None, [_p]),
    "lr_dataset_status": (_enum, [_p]),
    "lr_dataset_get_error_count": (ctypes.c_size_t, [_p]),
    "lr_dataset_get_error": (ctypes.POINTER(_Error), [_p, ctypes.c_size_t]),
    "lr_dataset_add_indicator": (_enum, [_p, ctypes.POINTER(_Indicator)]),
    "lr_dataset_add_observation": (_enum, [_p, ctypes.POINTER(_Observation)]),
    "lr_dataset_get_indicator_count": (ctypes.c_size_t, [_p]),
    "lr_dataset_get_indicator": (ctypes.POINTER(_Indicator), [_p, ctypes.c_size_t]),
    "lr_dataset_get_observation_count": (ctypes.c_size_t, [_p]),
    "lr_dataset_set_entity_name": (_enum, [_p, ctypes.c_char_p, ctypes.c_char_p]),
    "lr_chart_create": (_p, [_enum, _p]),
    "lr_chart_destroy": (None, [_p]),
    "lr_chart_status": (_enum, [_p]),
    "lr_chart_get_error": (ctypes.POINTER(_Error), [_p]),
    "lr_chart_add_indicator": (_enum, [_p, ctypes.c_char_p]),
    "lr_chart_add_entity": (_enum, [_p, ctypes.c_char_p]),
    "lr_chart_add_year": (_enum, [_p, ctypes.c_int]),
    "lr_chart_add_year_range": (None, [_p, ctypes.c_int, ctypes.c_int]),
    "lr_chart_set_value_labels": (None, [_p, _enum]),
    "lr_chart_set_decimals": (None, [_p, ctypes.c_int]),
    "lr_chart_set_language": (_enum, [_p, _enum]),
    "lr_chart_set_title": (_enum, [_p, ctypes.c_char_p]),
    "lr_chart_set_subtitle": (_enum, [_p, ctypes.c_char_p]),
    "lr_chart_set_theme": (_enum, [_p, _p]),
    "lr_chart_set_bar_layout": (_enum, [_p, _enum]),
    "lr_chart_set_orientation": (_enum, [_p, _enum]),
    "lr_chart_set_sort": (_enum, [_p, _enum]),
    "lr_chart_set_highlight": (_enum, [_p, ctypes.c_char_p]),
    "lr_chart_validate": (_enum, [_p]),
    "lr_chart_draw": (_enum, [_p, _p, ctypes.POINTER(_Rect)]),
    "lr_chart_write_with_options": (_enum, [_p, ctypes.c_char_p,
                                            ctypes.POINTER(_WriteOptions)]),
    "lr_chart_write_to_stream": (_enum, [_p, _WRITE_FUNC, _p, ctypes.POINTER(_WriteOptions)]),
    "lr_write_options_init": (None, [ctypes.POINTER(_WriteOptions)]),
    "lr_chart_describe_layout": (ctypes.c_void_p, [_p, ctypes.c_double, ctypes.c_double]),
    "lr_theme_create_preset": (_p, [_enum]),
    "lr_theme_destroy": (None, [_p]),
    "lr_chart_kind_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_bar_layout_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_sort_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_value_labels_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_file_format_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_language_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_theme_preset_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_indicator_kind_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_direction_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
    "lr_observation_status_from_string": (_enum, [ctypes.c_char_p, ctypes.POINTER(_enum)]),
}
del _p

_SUCCESS = _ENUMS["lr_status_t"]["LR_STATUS_SUCCESS"]

# ---- loading the library ----

_lib = None


def _library():
    global _lib
    if _lib is None:
        path = os.environ.get("LREPORT_LIBRARY") or "liblreport-0.so.0"
        try:
            lib = ctypes.CDLL(path)
        except OSError as error:
            raise ImportError("lreport: cannot load the libreport library %r (%s); install it, "
                              "or set LREPORT_LIBRARY to the file" % (path, error)) from None
        for name, (result, arguments) in _FUNCTIONS.items():
            function = getattr(lib, name)
            function.restype = result
            function.argtypes = arguments
        _lib = lib
    return _lib


def library_version():
    """The version of the loaded library, e.g. "0.3.0"."""
    return _library().lr_version_string().decode()


# ---- errors ----

def _text(value):
    return value.decode("utf-8", "replace") if value is not None else None


class Error(Exception):
    """A libreport error: .status (the lr_status_t value), .status_name, .message, and where
    known .file, .line and .column; .errors lists every error of a dataset."""

    def __init__(self, status, message, file=None, line=0, column=0, errors=None):
        self.status = status
        self.status_name = _text(_library().lr_status_to_string(status))
        self.message = message or self.status_name
        self.file, self.line, self.column = file, line, column
        self.errors = errors or []
        super().__init__(self.message)

    @classmethod
    def _from_record(cls, record, fallback_status):
        if not record:
            return cls(fallback_status, None)
        error = record.contents
        return cls(error.status, _text(error.message), _text(error.file), error.line,
                   error.column)


def _utf8(text, what):
    if text is None:
        return None
    if not isinstance(text, str):
        raise TypeError("%s: expected str, got %s" % (what, type(text).__name__))
    return text.encode("utf-8")


def _from_string(function, text, what):
    value = _enum()
    if _library()[function](_utf8(text, what), ctypes.byref(value)) != _SUCCESS:
        raise ValueError("%s: unknown value %r" % (what, text))
    return value.value


# ---- datasets ----

class Dataset:
    """An indicator dataset: Dataset.load(folder), Dataset.load_files(indicators,
    observations), or Dataset() filled with add_indicator() and add_observation()."""

    def __init__(self, _handle=None):
        lib = _library()
        self._handle = _handle if _handle is not None else lib.lr_dataset_create()
        self._check()

    @classmethod
    def load(cls, folder):
        """Loads folder/indicators.csv and observations.csv (and sources.csv, entities.csv
        when present). Raises Error listing every error found, each with file, line, column."""
        return cls(_library().lr_dataset_load(os.fsencode(folder)))

    @classmethod
    def load_files(cls, indicators, observations):
        """As load(), with the two CSV files named separately."""
        return cls(_library().lr_dataset_load_files(os.fsencode(indicators),
                                                    os.fsencode(observations)))

    @classmethod
    def load_memory(cls, indicators, observations, name="memory"):
        """As load_files(), from the CSV texts themselves (str or UTF-8 bytes): nothing is
        written to disk. Errors name "name/indicators.csv" or "name/observations.csv" with
        the line and column in that text."""
        def data(text, what):
            if isinstance(text, str):
                text = text.encode("utf-8", "surrogatepass")
            if not isinstance(text, (bytes, bytearray, memoryview)):
                raise TypeError("%s: expected str or bytes" % what)
            return bytes(text)
        indicators = data(indicators, "indicators")
        observations = data(observations, "observations")
        return cls(_library().lr_dataset_load_from_memory(
            _utf8(name, "name"), indicators, len(indicators), observations, len(observations)))

    def check_glyphs(self):
        """The texts with characters no bundled font can draw (they would print as boxes),
        as a list of Error (status LR_STATUS_MISSING_GLYPH, with file, line and column)."""
        warnings = []

        def receive(record, closure):
            warnings.append(Error._from_record(record, _ENUMS["lr_status_t"][
                "LR_STATUS_MISSING_GLYPH"]))
        callback = _WARNING_FUNC(receive)
        status = _library().lr_dataset_check_glyphs(self._handle, callback, None, None)
        if status != _SUCCESS:
            raise Error(status, _text(_library().lr_status_to_string(status)))
        return warnings

    def _check(self):
        lib = _library()
        status = lib.lr_dataset_status(self._handle)
        if status == _SUCCESS:
            return
        errors = [Error._from_record(lib.lr_dataset_get_error(self._handle, i), status)
                  for i in range(lib.lr_dataset_get_error_count(self._handle))]
        self.close()
        first = errors[0] if errors else Error(status, None)
        raise Error(first.status, "; ".join(_located(e) for e in errors) or first.message,
                    first.file, first.line, first.column, errors)

    def add_indicator(self, id, name_vi, name_en, kind="value", better="higher",
                      pillar="overall", unit_vi="", unit_en="", note=""):
        """Adds an indicator (kind: value, rank, share, growth; better: higher, lower,
        neutral), as a row of indicators.csv. Raises Error when the library refuses it."""
        indicator = _Indicator(
            id=_utf8(id, "id"), name_vi=_utf8(name_vi, "name_vi"),
            name_en=_utf8(name_en, "name_en"), unit_vi=_utf8(unit_vi, "unit_vi"),
            unit_en=_utf8(unit_en, "unit_en"),
            kind=_from_string("lr_indicator_kind_from_string", kind, "kind"),
            better=_from_string("lr_direction_from_string", better, "better"),
            pillar=_utf8(pillar, "pillar"), note=_utf8(note, "note"))
        self._add(_library().lr_dataset_add_indicator(self._handle, ctypes.byref(indicator)))

    def add_observation(self, indicator, entity, year, value=None, low=None, high=None,
                        total=0, status="actual", period="", source=None, quote=None, note=""):
        """Adds a figure, as a row of observations.csv: value, or low and high for a range;
        total is the N of a rank "x/N". source and quote record where the figure comes from
        (optional: for data that does not come from an article, leave them out)."""
        observation = _Observation(
            indicator=_utf8(indicator, "indicator"), entity=_utf8(entity, "entity"),
            year=int(year), period=_utf8(period, "period"),
            value=math.nan if value is None else float(value),
            low=math.nan if low is None else float(low),
            high=math.nan if high is None else float(high), total=int(total),
            status=_from_string("lr_observation_status_from_string", status, "status"),
            source=_utf8(source, "source"), quote=_utf8(quote, "quote"),
            note=_utf8(note, "note"))
        self._add(_library().lr_dataset_add_observation(self._handle,
                                                        ctypes.byref(observation)))

    def set_entity_name(self, entity, name_en):
        """The English name of an entity (as entities.csv gives it)."""
        self._add(_library().lr_dataset_set_entity_name(self._handle, _utf8(entity, "entity"),
                                                        _utf8(name_en, "name_en")))

    def _add(self, status):
        if status != _SUCCESS:
            lib = _library()
            count = lib.lr_dataset_get_error_count(self._handle)
            raise Error._from_record(lib.lr_dataset_get_error(self._handle, count - 1)
                                     if count else None, status)

    @property
    def indicators(self):
        """The indicator ids, in file (or insertion) order."""
        lib = _library()
        return [_text(lib.lr_dataset_get_indicator(self._handle, i).contents.id)
                for i in range(lib.lr_dataset_get_indicator_count(self._handle))]

    def __len__(self):
        """The number of observations."""
        return _library().lr_dataset_get_observation_count(self._handle)

    def close(self):
        """Releases the dataset (charts made of it keep their own reference)."""
        if getattr(self, "_handle", None) and _lib is not None:
            _library().lr_dataset_destroy(self._handle)
            self._handle = None

    __del__ = close


def _located(error):
    where = error.file or ""
    if error.line:
        where += ":%d" % error.line
        if error.column:
            where += ":%d" % error.column
    return "%s: %s" % (where, error.message) if where else error.message


# ---- charts ----

_FORMATS = {"png", "pdf", "svg"}


class Chart:
    """A bar or ranking chart of a dataset. The keyword arguments are the CLI's options:
    indicators, entities, years (lists), language ("vi", "en"), title, subtitle, layout
    ("grouped", "stacked", "percent"), horizontal (bool), sort ("none", "asc", "desc"),
    highlight (an entity), theme ("default", "print"), labels ("fit", "all", "none": the
    value labels of a bar chart), decimals (0-4; default from the data). years take ints,
    "2021-2024" strings or range objects (the years of a range that have data)."""

    def __init__(self, dataset, kind="bar", indicators=(), entities=(), years=(),
                 language=None, title=None, subtitle=None, layout=None, horizontal=None,
                 sort=None, highlight=None, theme=None, labels=None, decimals=None):
        lib = _library()
        if not isinstance(dataset, Dataset) or not dataset._handle:
            raise TypeError("dataset: expected an open lreport.Dataset")
        if isinstance(indicators, str) or isinstance(entities, str):
            raise TypeError("indicators and entities are lists of str")
        self._handle = lib.lr_chart_create(_from_string("lr_chart_kind_from_string", kind,
                                                        "kind"), dataset._handle)
        for indicator in indicators:
            lib.lr_chart_add_indicator(self._handle, _utf8(indicator, "indicator"))
        for entity in entities:
            lib.lr_chart_add_entity(self._handle, _utf8(entity, "entity"))
        for year in ([years] if isinstance(years, (int, str)) else years):
            if isinstance(year, str) and "-" in year.strip()[1:]:
                # "2021-2024", as the CLI takes it: the years of the range that have data.
                first, _, last = year.strip().partition("-")
                lib.lr_chart_add_year_range(self._handle, int(first), int(last))
            elif isinstance(year, range):
                if len(year):
                    lib.lr_chart_add_year_range(self._handle, year[0], year[-1])
            else:
                lib.lr_chart_add_year(self._handle, int(year))
        if labels is not None:
            lib.lr_chart_set_value_labels(self._handle, _from_string(
                "lr_value_labels_from_string", labels, "labels"))
        if decimals is not None:
            lib.lr_chart_set_decimals(self._handle, int(decimals))
        if language is not None:
            lib.lr_chart_set_language(self._handle, _from_string("lr_language_from_string",
                                                                 language, "language"))
        if title is not None:
            lib.lr_chart_set_title(self._handle, _utf8(title, "title"))
        if subtitle is not None:
            lib.lr_chart_set_subtitle(self._handle, _utf8(subtitle, "subtitle"))
        if layout is not None:
            lib.lr_chart_set_bar_layout(self._handle, _from_string("lr_bar_layout_from_string",
                                                                   layout, "layout"))
        if horizontal is not None:
            lib.lr_chart_set_orientation(self._handle, _ENUMS["lr_orientation_t"][
                "LR_ORIENTATION_HORIZONTAL" if horizontal else "LR_ORIENTATION_VERTICAL"])
        if sort is not None:
            lib.lr_chart_set_sort(self._handle, _from_string("lr_sort_from_string", sort, "sort"))
        if highlight is not None:
            lib.lr_chart_set_highlight(self._handle, _utf8(highlight, "highlight"))
        if theme is not None:
            handle = lib.lr_theme_create_preset(_from_string("lr_theme_preset_from_string",
                                                             theme, "theme"))
            lib.lr_chart_set_theme(self._handle, handle)  # the chart takes a reference
            lib.lr_theme_destroy(handle)
        # Setters' errors stick to the chart: report the first one now, with its message.
        self._raise_if(lib.lr_chart_status(self._handle))

    def _raise_if(self, status):
        if status != _SUCCESS:
            raise Error._from_record(_library().lr_chart_get_error(self._handle), status)

    def validate(self):
        """Checks the request against the dataset without drawing; raises Error."""
        self._raise_if(_library().lr_chart_validate(self._handle))

    def _options(self, format, width, height, scale, dpi):
        if format not in _FORMATS:
            raise ValueError("format: expected png, pdf or svg, got %r" % (format,))
        options = _WriteOptions()
        _library().lr_write_options_init(ctypes.byref(options))
        options.format = _from_string("lr_file_format_from_string", format, "format")
        options.width, options.height = float(width), float(height)
        options.scale, options.dpi = float(scale or 0), float(dpi or 0)
        return options

    def render(self, format="png", width=1600, height=900, scale=None, dpi=None):
        """The chart file as bytes: PNG (width x height pixels, times scale; dpi recorded
        in the file), or PDF or SVG (width x height points; scale and dpi must be left
        out). Rendered in memory: no file is written."""
        options = self._options(format, width, height, scale, dpi)
        chunks = []

        def receive(closure, data, length):
            chunks.append(ctypes.string_at(data, length))
            return _SUCCESS

        callback = _WRITE_FUNC(receive)  # kept alive for the call
        self._raise_if(_library().lr_chart_write_to_stream(self._handle, callback, None,
                                                           ctypes.byref(options)))
        return b"".join(chunks)

    def write(self, path, format=None, width=1600, height=900, scale=None, dpi=None):
        """Writes the chart to a file (whole or not at all); format from the extension when
        not given."""
        if format is None:
            format = os.path.splitext(os.fspath(path))[1].lstrip(".").lower()
        options = self._options(format, width, height, scale, dpi)
        self._raise_if(_library().lr_chart_write_with_options(
            self._handle, os.fsencode(path), ctypes.byref(options)))

    def draw(self, context, x, y, width, height):
        """Draws the chart onto a pycairo context (cairo.Context) into the rectangle x, y,
        width, height of its user space, as vectors on PDF, SVG and recording surfaces.

        pycairo gives no cairo_t * to other libraries, and reading it out of pycairo's object
        layout would break with any pycairo build. So the chart is drawn by the library into
        a cairo recording surface, handed to pycairo through pycairo's public C API (the
        cairo.CAPI capsule's Context_FromContext), and painted onto @context: replaying a
        recording is drawing the same operations, at the context's own transformation."""
        import cairo  # pycairo; only needed for drawing

        if not isinstance(context, cairo.Context):
            raise TypeError("context: expected a cairo.Context, got %s"
                            % type(context).__name__)
        surface = _record(self, float(x), float(y), float(width), float(height))
        context.save()
        try:
            context.rectangle(x, y, width, height)
            context.clip()
            context.set_source_surface(surface, 0, 0)
            context.paint()
        finally:
            context.restore()

    def draw_to_cairo_t(self, address, x, y, width, height):
        """Draws onto a raw cairo_t * given as an int (e.g. cairocffi's context._pointer
        cast to an int, or one from another C library)."""
        rect = _Rect(float(x), float(y), float(width), float(height))
        self._raise_if(_library().lr_chart_draw(self._handle, ctypes.c_void_p(address),
                                                ctypes.byref(rect)))

    def describe_layout(self, width, height):
        """Every element of the laid-out chart as text, one per line (for tests)."""
        lib = _library()
        pointer = lib.lr_chart_describe_layout(self._handle, float(width), float(height))
        if not pointer:
            self._raise_if(lib.lr_chart_status(self._handle) or
                           _ENUMS["lr_status_t"]["LR_STATUS_INVALID_ARGUMENT"])
        try:
            return ctypes.string_at(pointer).decode("utf-8")
        finally:
            lib.lr_free(pointer)

    def close(self):
        """Releases the chart."""
        if getattr(self, "_handle", None) and _lib is not None:
            _library().lr_chart_destroy(self._handle)
            self._handle = None

    __del__ = close


# ---- pycairo, through its public C API ----

_cairo = None


def _cairo_library():
    """libcairo as pycairo uses it (already loaded in the process), and pycairo's
    Context_FromContext from the cairo.CAPI capsule."""
    global _cairo
    if _cairo is None:
        import cairo

        lib = ctypes.CDLL("libcairo.so.2")
        lib.cairo_recording_surface_create.restype = ctypes.c_void_p
        lib.cairo_recording_surface_create.argtypes = [ctypes.c_int, ctypes.c_void_p]
        lib.cairo_create.restype = ctypes.c_void_p
        lib.cairo_create.argtypes = [ctypes.c_void_p]
        lib.cairo_surface_destroy.argtypes = [ctypes.c_void_p]
        get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
        get_pointer.restype = ctypes.c_void_p
        get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]

        # The head of Pycairo_CAPI_t (py3cairo.h), unchanged since pycairo 1.8: the fields
        # are only ever appended to.
        class CAPI(ctypes.Structure):
            _fields_ = [("Context_Type", ctypes.py_object),
                        ("Context_FromContext",
                         ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p,
                                           ctypes.py_object, ctypes.py_object))]

        capi = CAPI.from_address(get_pointer(cairo.CAPI, b"cairo.CAPI"))
        _cairo = (lib, capi.Context_FromContext, capi.Context_Type)
    return _cairo


def _record(chart, x, y, width, height):
    """The chart drawn at x, y, width, height into a new cairo recording surface, as a pycairo
    Surface."""
    import cairo

    lib, from_context, context_type = _cairo_library()
    extents = (ctypes.c_double * 4)(x, y, width, height)  # cairo_rectangle_t
    surface = lib.cairo_recording_surface_create(int(cairo.CONTENT_COLOR_ALPHA), extents)
    cr = lib.cairo_create(surface)
    lib.cairo_surface_destroy(surface)  # the context keeps it alive
    # pycairo takes the cairo_t (and destroys it with the Python object).
    context = from_context(cr, context_type, None)
    rect = _Rect(x, y, width, height)
    chart._raise_if(_library().lr_chart_draw(chart._handle, ctypes.c_void_p(cr),
                                             ctypes.byref(rect)))
    return context.get_target()
