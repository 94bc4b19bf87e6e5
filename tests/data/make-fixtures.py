#!/usr/bin/env python3
"""Writes the dataset test fixtures (tests/data/good/*, tests/data/bad/*) byte for byte.

Some fixtures hold bytes an editor would "fix" (CRLF line ends, a byte-order mark, invalid
UTF-8, decomposed Vietnamese), so they are generated rather than edited: change this script
and run it from anywhere (python3 tests/data/make-fixtures.py). It prints, for every bad case,
the line and column of the ⟦ marker it removed: where the loader must report the error
(columns in characters, 1-based; a leading byte-order mark takes no column). tests/test-dataset.c
hard-codes those positions.
"""
import os
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "⟦"

IND_HEADER = "id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note"
OBS_HEADER = "indicator,entity,year,period,value,low,high,n,status,source,quote,note"


def nfd(text):
    return unicodedata.normalize("NFD", text)


IND_ROWS = [
    "ecommerce_revenue,Doanh thu thương mại điện tử bán lẻ,Retail e-commerce revenue,tỷ USD,"
    "billion USD,value,higher,economy,",
    "egov_rank,Xếp hạng Chính phủ điện tử,E-government development rank,,,rank,lower,"
    "government,UN EGDI",
    "internet_share,Tỷ lệ người dùng Internet,Share of Internet users,%,%,share,higher,society,",
    "digital_growth,Tăng trưởng kinh tế số,Digital economy growth,%,%,growth,higher,economy,",
]
IND = "\n".join([IND_HEADER] + IND_ROWS) + "\n"

# Two valid observation rows most bad cases put around the bad one (lines 2 and 4).
G2 = "ecommerce_revenue,Việt Nam,2023,,20.5,,,,actual,000_a.txt,20.5 tỷ USD,"
G4 = "egov_rank,Việt Nam,2024,,71,,,193,actual,001_b.txt,71/193,"


def obs(*rows):
    return "\n".join([OBS_HEADER] + list(rows)) + "\n"


def around(bad):
    """Header, a good row, @bad on line 3, a good row."""
    return obs(G2, bad, G4)


GOOD_BASIC_IND = "\n".join([
    IND_HEADER,
    IND_ROWS[0],
    nfd(IND_ROWS[1]),  # decomposed name_vi: comes back NFC
    IND_ROWS[2],
    IND_ROWS[3],
]) + "\n"

GOOD_BASIC_OBS = obs(
    G2,
    "ecommerce_revenue,Việt Nam,2024,,,27.7,28,,estimate,000_a.txt,27.7–28 tỷ USD,"
    "range without a value",
    "egov_rank," + nfd("Việt Nam") + ",2022,,86,,,193,actual,001_b.txt,86/193,",
    G4,
    "internet_share,Việt Nam,2023,H1,78.1,,,,actual,002_c.txt,78.1%,",
    "digital_growth,Việt Nam,2023,,-3.5,,,,forecast,002_c.txt,giảm 3.5%,",
    "ecommerce_revenue,Hà Nội,2024,09-30,4.2,4,4.5,,target,003_d.txt,4.2 tỷ USD,",
    "ecommerce_revenue,Việt Nam,2023,,20.5,,,,actual,001_b.txt,20.5 tỷ USD,"
    "same figure from another article",
    "internet_share,Việt Nam,2024,11M,80,,,,actual,002_c.txt,80%,",
    "internet_share,Việt Nam,2024,Q4,0,,,,actual,002_c.txt,0%,",
    "internet_share,Việt Nam,2024,02-29,100,,,,estimate,002_c.txt,100%,",
    "egov_rank,Singapore,2024,,1,,,193,actual,001_b.txt,1/193,",
    "egov_rank,Nam Sudan,2024,,193,,,193,actual,001_b.txt,193/193,",
)

GOOD_QUOTED_IND = "\n".join([
    IND_HEADER,
    IND_ROWS[0],
    IND_ROWS[1],
    'internet_share,"Tỷ lệ người dùng Internet","Share of Internet users",%,%,share,higher,'
    'society,"Out of ""all"" people, not households"',
    IND_ROWS[3],
]) + "\n"

GOOD_QUOTED_OBS = obs(
    'ecommerce_revenue,"Việt Nam",2023,,20.5,,,,actual,000_a.txt,"đạt 20,5 tỷ USD, tăng 25%",',
    'ecommerce_revenue,Việt Nam,2024,,21,,,,estimate,000_a.txt,'
    '"gọi là ""kinh tế số"" năm 2024","two-line\nnote, spanning\nthree lines"',
    'egov_rank,Việt Nam,2024,,"71",,,193,actual,001_b.txt,"xếp thứ 71/193",',
    'egov_rank,Việt Nam,2022,,86,,,193,actual,001_b.txt,"dòng một\ndòng hai",""',
    "internet_share,Việt Nam,2023,,78.1,,,,actual,002_c.txt,78.1%,",
)

# name: (indicators text, observations text or None for a missing file); a ⟦ marks where the
# error is. Text is str; bytes that are not UTF-8 are written as \udcXX (surrogateescape).
BAD = {
    "unterminated_quote": (IND, around(
        'ecommerce_revenue,Việt Nam,2024,,21,,,,actual,000_a.txt,⟦"đạt 21 tỷ USD,')),
    "malformed_quote": (IND, around(
        'ecommerce_revenue,Việt Nam,2024,,21,,,,actual,000_a.txt,"đạt 21"⟦x tỷ USD,')),
    "quote_in_unquoted": (IND, around(
        'ecommerce_revenue,Việt Nam,2024,,21,,,,actual,000_a.txt,đạt ⟦"21" tỷ USD,')),
    "too_few_columns": (IND, around(
        "⟦ecommerce_revenue,Việt Nam,2024,,21,,,,actual,000_a.txt,21 tỷ USD")),
    "too_many_columns": (IND, around(
        "⟦ecommerce_revenue,Việt Nam,2024,,21,,,,actual,000_a.txt,đạt 21, tỷ USD,")),
    "header_wrong": (IND, obs(G2, G4).replace(
        "indicator,entity,", "indicator,⟦entiti,", 1)),
    "header_missing_column": (IND, obs(G2, G4).replace(
        "year,period,value", "year,⟦value", 1)),
    "header_extra_column": (IND, obs(G2, G4).replace(
        "quote,note\n", "quote,note,⟦extra\n", 1)),
    "no_header": (IND, "⟦" + G2 + "\n" + G4 + "\n"),
    "utf8_invalid": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,21,,,,actual,000_a.txt,đạt 21 tỷ ⟦\udcff USD,")),
    "utf8_invalid_quoted": (IND, around(
        'ecommerce_revenue,"Việt ""Nam"" ⟦\udcff",2024,,21,,,,actual,000_a.txt,21 tỷ USD,')),
    "utf8_truncated_indicators": (IND.replace(
        "Tăng trưởng kinh tế số", "Tăng trưởng ⟦\udcc3", 1), obs(G2, G4)),
    "value_decimal_comma": (IND, around(
        'ecommerce_revenue,Việt Nam,2024,,⟦"27,7",,,,actual,000_a.txt,"27,7 tỷ USD",')),
    "value_text": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,⟦abc,,,,actual,000_a.txt,21 tỷ USD,")),
    "value_nan": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,⟦NaN,,,,actual,000_a.txt,21 tỷ USD,")),
    "value_inf": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,⟦-inf,,,,actual,000_a.txt,21 tỷ USD,")),
    "value_overflow": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,20,19,⟦1e999,,actual,000_a.txt,21 tỷ USD,")),
    "rank_zero": (IND, around(
        "egov_rank,Việt Nam,2023,,⟦0,,,193,actual,001_b.txt,0/193,")),
    "rank_above_n": (IND, around(
        "egov_rank,Việt Nam,2023,,⟦200,,,193,actual,001_b.txt,200/193,")),
    "rank_fraction": (IND, around(
        "egov_rank,Việt Nam,2023,,⟦71.5,,,193,actual,001_b.txt,71.5/193,")),
    "share_above_100": (IND, around(
        "internet_share,Việt Nam,2023,,⟦100.5,,,,actual,002_c.txt,100.5%,")),
    "unknown_indicator": (IND, around(
        "⟦ecommerce_revenu,Việt Nam,2024,,21,,,,actual,000_a.txt,21 tỷ USD,")),
    # The same key as line 2, the entity decomposed: duplicates are found after NFC.
    "duplicate": (IND, around(
        "⟦ecommerce_revenue," + nfd("Việt Nam") + ",2023,,20.6,,,,actual,000_a.txt,20.6,again")),
    "empty_file": (IND, "⟦"),
    "whitespace_file": (IND, "⟦  \n\t\r\n   \n"),
    "missing_file": (IND, None),
    "low_without_high": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,,27.7,⟦,,estimate,000_a.txt,27.7 tỷ USD,")),
    "high_without_low": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,,⟦,28,,estimate,000_a.txt,28 tỷ USD,")),
    "low_above_high": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,,⟦30,28,,estimate,000_a.txt,30–28 tỷ USD,")),
    "value_outside_range": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,⟦31,27.7,28,,estimate,000_a.txt,31 tỷ USD,")),
    "missing_value": (IND, around(
        "ecommerce_revenue,Việt Nam,2024,,⟦,,,,estimate,000_a.txt,tỷ USD,")),
    "bad_period": (IND, around(
        "internet_share,Việt Nam,2023,⟦Q5,78.1,,,,actual,002_c.txt,78.1%,")),
    "bad_date_period": (IND, around(
        "internet_share,Việt Nam,2023,⟦02-30,78.1,,,,actual,002_c.txt,78.1%,")),
    "bad_status": (IND, around(
        "internet_share,Việt Nam,2023,,78.1,,,,⟦actul,002_c.txt,78.1%,")),
    "bad_year": (IND, around(
        "internet_share,Việt Nam,⟦2O23,,78.1,,,,actual,002_c.txt,78.1%,")),
    "bad_n": (IND, around(
        "egov_rank,Việt Nam,2023,,71,,,⟦0,actual,001_b.txt,71/0,")),
    "missing_quote": (IND, around(
        "internet_share,Việt Nam,2023,,78.1,,,,actual,002_c.txt,⟦,")),
    "empty_entity": (IND, around(
        "internet_share,⟦,2023,,78.1,,,,actual,002_c.txt,78.1%,")),
    "bad_kind": (IND.replace(",share,higher,", ",⟦percent,higher,", 1),
                 obs(G2, G4)),
    "bad_better": (IND.replace(",share,higher,", ",share,⟦more,", 1), obs(G2, G4)),
    "bad_pillar": (IND.replace(",higher,society,", ",higher,⟦people,", 1), obs(G2, G4)),
    "bad_id": (IND.replace("internet_share,", "⟦Internet-Share,", 1), obs(G2, G4)),
    "duplicate_indicator": (IND + "⟦" + IND_ROWS[0] + "\n", obs(G2, G4)),
    # A line of spaces between records must not shift the position of the next record.
    "after_blank_line": (IND, obs(G2, "   ", "⟦ecommerce_revenu,Việt Nam,2024,,21,,,,actual,"
                                  "000_a.txt,21 tỷ USD,", G4)),
    # An error after a multi-line quoted field is on its own line, not the record's first.
    "after_multiline": (IND, obs(
        'ecommerce_revenue,Việt Nam,2023,,20.5,,,,actual,000_a.txt,"20.5\ntỷ\nUSD",',
        "internet_share,Việt Nam,2023,,⟦101,,,,actual,002_c.txt,101%,", G4)),
    "bom_header": ("\ufeff" + IND.replace("id,", "⟦ID,", 1), obs(G2, G4)),
}

# One fixture with an error of many kinds: every one must be listed, in file order.
MANY_IND = IND.replace(",rank,lower,", ",rank,⟦lowest,", 1)
MANY_OBS = obs(
    G2,                                                                          # 2
    "internet_share,Việt Nam,⟦23,,78.1,,,,actual,002_c.txt,78.1%,",             # 3
    'internet_share,Việt Nam,2024,,80,,,,actual,002_c.txt,80%,"a note\non two lines"',  # 4-5
    'ecommerce_revenue,Việt Nam,2022,,⟦"16,4",,,,actual,000_a.txt,16.4,',       # 6
    "⟦egov_rank,Việt Nam,2024,,71,,,193,actual,001_b.txt,71/193,",               # 7
    "digital_growth,Việt Nam,2023,,-3.5,,,,forecast,002_c.txt,giảm 3.5%,",      # 8
    "internet_share,Việt Nam,2023,⟦02-30,78.1,,,,actual,002_c.txt,78.1%,",      # 9
    "⟦ecommerce_revenue,Việt Nam,2023,,20.5,,,,actual,000_a.txt,dup,",           # 10
    "internet_share,Việt Nam,2022,,⟦101,,,,actual,002_c.txt,101%,",             # 11
    "⟦internet_share,Việt Nam,2021,,70,,,actual,002_c.txt,70%,",                 # 12
    "internet_share,Việt Nam,2020,,70,,,,⟦done,002_c.txt,70%,",                  # 13
    "internet_share,Việt Nam,2019,,60,,,,actual,002_c.txt,60%,Đà Nẵng ⟦\udcfe",  # 14
    "digital_growth,Việt Nam,2024,,20,,,,estimate,002_c.txt,20%,",              # 15
)


def to_bytes(text):
    return text.encode("utf-8", "surrogateescape")


def marker_position(text):
    """(line, column) of the marker in @text, columns in characters, the BOM not counted."""
    index = text.index(MARK)
    before = text[:index]
    line = before.count("\n") + 1
    line_text = before[before.rfind("\n") + 1:]
    if line == 1 and line_text.startswith("\ufeff"):
        line_text = line_text[1:]
    return line, len(line_text) + 1


def write(directory, name, text, crlf=False, bom=False):
    os.makedirs(directory, exist_ok=True)
    if text is None:
        return
    if crlf:
        text = text.replace("\n", "\r\n")
    if bom:
        text = "\ufeff" + text
    with open(os.path.join(directory, name), "wb") as out:
        out.write(to_bytes(text.replace(MARK, "")))


def report(case, name, text):
    if text is not None and MARK in text:
        line, column = marker_position(text)
        print(f"{case:28} {name:17} line {line:2} column {column:3}")


def main():
    for folder in ("good", "bad"):
        shutil.rmtree(os.path.join(HERE, folder), ignore_errors=True)
    for name, options in (("basic", {}), ("crlf", {"crlf": True}), ("bom", {"bom": True})):
        write(os.path.join(HERE, "good", name), "indicators.csv", GOOD_BASIC_IND, **options)
        write(os.path.join(HERE, "good", name), "observations.csv", GOOD_BASIC_OBS, **options)
    for name, options in (("quoted", {}), ("quoted_crlf", {"crlf": True})):
        write(os.path.join(HERE, "good", name), "indicators.csv", GOOD_QUOTED_IND, **options)
        write(os.path.join(HERE, "good", name), "observations.csv", GOOD_QUOTED_OBS, **options)
    for case, (indicators, observations) in sorted(BAD.items()):
        write(os.path.join(HERE, "bad", case), "indicators.csv", indicators)
        write(os.path.join(HERE, "bad", case), "observations.csv", observations)
        report(case, "indicators.csv", indicators)
        report(case, "observations.csv", observations)
    write(os.path.join(HERE, "bad", "many"), "indicators.csv", MANY_IND)
    write(os.path.join(HERE, "bad", "many"), "observations.csv", MANY_OBS)
    report("many", "indicators.csv", MANY_IND)
    rest = MANY_OBS
    while MARK in rest:
        report("many", "observations.csv", rest)
        index = rest.index(MARK)
        rest = rest[:index] + rest[index + 1:]
    return 0


if __name__ == "__main__":
    sys.exit(main())
