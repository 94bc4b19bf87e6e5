#!/usr/bin/env python3
"""Writes tests/data/provinces: a SYNTHETIC dataset of Vietnam's 63 provinces and cities (the
names are real, every figure is made up by a fixed pseudo-random sequence) and a charts.ini of
63 charts, one per province. The shape of a real batch (`lreport charts` over every province)
for the CLI's tests and bench/batch-bench.sh; not data about Vietnam.

Usage: make-provinces.py [OUT_DIR]   (default: the folder beside this script)
"""
import os
import sys

PROVINCES = [
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang", "Bà Rịa – Vũng Tàu",
    "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
    "Yên Bái",
]
YEARS = [2021, 2022, 2023, 2024]
SOURCE = "synthetic-provinces.txt"
INDICATORS = [
    ("synthetic_online_services", "Tỷ lệ dịch vụ công trực tuyến (giả lập)",
     "Share of public services online (synthetic)"),
    ("synthetic_fibre_households", "Tỷ lệ hộ gia đình có cáp quang (giả lập)",
     "Share of households with fibre (synthetic)"),
    ("synthetic_cashless", "Tỷ lệ giao dịch không dùng tiền mặt (giả lập)",
     "Share of cashless payments (synthetic)"),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "provinces")
    os.makedirs(out, exist_ok=True)
    assert len(PROVINCES) == 63
    state = 20260101

    def rand():  # a fixed LCG: the same files on every run and every Python
        nonlocal state
        state = (state * 1103515245 + 12345) % 2**31
        return state / 2**31

    with open(os.path.join(out, "indicators.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("id,name_vi,name_en,unit_vi,unit_en,kind,better,pillar,note\n")
        for ident, vi, en in INDICATORS:
            f.write(f"{ident},{vi},{en},%,%,share,higher,society,Synthetic test data: not real figures\n")
    with open(os.path.join(out, "sources.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("source,label_vi,label_en,date\n")
        f.write(f"{SOURCE},Số liệu giả lập để kiểm thử,Synthetic test data,2025-01\n")
    with open(os.path.join(out, "observations.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("indicator,entity,year,period,value,low,high,n,status,source,quote,note\n")
        for province in PROVINCES:
            for ident, _, _ in INDICATORS:
                value = 10 + 50 * rand()
                for year in YEARS:
                    value = min(100.0, value * (1.05 + 0.2 * rand()))
                    f.write(f"{ident},{province},{year},,{value:.1f},,,,actual,{SOURCE},"
                            f"synthetic,\n")
    with open(os.path.join(out, "charts.ini"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# SYNTHETIC: one chart per province (tests/data/make-provinces.py writes this).\n")
        for number, province in enumerate(PROVINCES, 1):
            f.write(f"\n[chart province-{number:02d}]\nkind=bar\n")
            f.write("indicator=" + ";".join(i for i, _, _ in INDICATORS) + "\n")
            f.write(f"entity={province}\n")
            f.write(f"title_vi={province}: chuyển đổi số (số liệu giả lập)\n")
            f.write(f"title_en={province}: digital transformation (synthetic data)\n")


main()
