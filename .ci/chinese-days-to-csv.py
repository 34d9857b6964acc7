#!/usr/bin/env python3
"""Converts the holiday data of the npm package chinese-days into src/main/resources/calendar/cn-holidays.csv.

Usage:  cd /tmp && npm pack chinese-days && tar xzf chinese-days-*.tgz
        python3 .ci/chinese-days-to-csv.py /tmp/package > src/main/resources/calendar/cn-holidays.csv

Only days that differ from the plain Monday-Friday week are listed: HOLIDAY (a day off of a
statutory holiday period, weekends inside the period included) and WORKDAY (a 调休 make-up working
day on a Saturday or Sunday). The name is the package's Chinese name, unchanged.
"""
import json
import sys

root = sys.argv[1]
pkg = json.load(open(f"{root}/package.json", encoding="utf-8"))
data = json.load(open(f"{root}/dist/chinese-days.json", encoding="utf-8"))
rows = []
for kind, key in (("HOLIDAY", "holidays"), ("WORKDAY", "workdays")):
    for day, value in data[key].items():
        rows.append((day, kind, value.split(",")[1]))
rows.sort()
years = sorted({r[0][:4] for r in rows})
print(f"# Mainland China statutory holidays (HOLIDAY) and 调休 make-up working days (WORKDAY), {years[0]}-{years[-1]}.")
print(f"# Source: npm package {pkg['name']} {pkg['version']} ({pkg['repository']['url']}), licence {pkg['license']},")
print("# file dist/chinese-days.json, converted by .ci/chinese-days-to-csv.py; Copyright (c) 2024 Yawei sun,")
print("# licence text in LICENSE-chinese-days.txt next to this file. Each year follows the State Council")
print("# notice (国务院办公厅关于某年部分节假日安排的通知). Days not listed are working days Monday-Friday and rest days")
print("# on Saturday and Sunday. Loaded once per year into calendar_day; admins edit the table, not this file.")
print("day,kind,name")
for r in rows:
    print(",".join(r))
