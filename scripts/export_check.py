#!/usr/bin/env python3
"""Checks of the exported files; called by scripts/export-check with OUT_DIR."""
import glob
import os
import re
import subprocess
import sys

import openpyxl
import openpyxl.utils

OUT = sys.argv[1]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    sizes = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), path], capture_output=True, text=True).stdout
        width, height = map(float, re.search(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", text).groups())
        sizes.append((width, height))
    return sizes


# The annual report's workbook: figures are numbers and add up under SUM in LibreOffice.
book = openpyxl.load_workbook(os.path.join(OUT, "report.xlsx"))
table3 = book.worksheets[1]
numbers = [cell for row in table3.iter_rows() for cell in row if isinstance(cell.value, (int, float))]
check(len(numbers) >= 100, f"table 三's figures are stored as numbers ({len(numbers)} numeric cells)")
check(table3.page_setup.orientation == "landscape" and table3.page_setup.paperSize in (9, "9"), "table 三 prints on A4 landscape")
check(table3.print_title_rows is not None, f"table 三 repeats its heading rows on each page ({table3.print_title_rows})")
column = max(range(1, table3.max_column + 1), key=lambda c: sum(1 for r in range(1, table3.max_row + 1) if isinstance(table3.cell(r, c).value, int)))
figures = [table3.cell(r, column).value for r in range(1, table3.max_row + 1) if isinstance(table3.cell(r, column).value, (int, float))]
total_row = table3.max_row + 2
letter = openpyxl.utils.get_column_letter(column)
table3.cell(total_row, column).value = f"=SUM({letter}1:{letter}{total_row - 2})"
summed = os.path.join(OUT, "report-sum.xlsx")
book.save(summed)
subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", "--outdir", OUT, summed],
               capture_output=True)
csv_files = glob.glob(os.path.join(OUT, "report-sum*.csv"))
sheet_csv = [f for f in csv_files if "依申请" in f] or csv_files
value = None
if sheet_csv:
    lines = open(sheet_csv[0], encoding="utf-8").read().splitlines()
    if len(lines) >= total_row:
        cells = lines[total_row - 1].split(",")
        value = cells[column - 1].strip('"') if len(cells) >= column else None
check(value is not None and float(value) == float(sum(figures)), f"SUM over table 三's column {column} in LibreOffice gives {value}, the figures add to {sum(figures)}")

# Printed: table 三 and 四 one landscape page wide each; the DOCX on portrait A4.
sizes = pdf_pages(os.path.join(OUT, "report-xlsx.pdf"))
landscape = [w > h for w, h in sizes]
check(len(sizes) <= 4 and sum(landscape) >= 2, f"the workbook prints on {len(sizes)} A4 pages, {sum(landscape)} landscape ({sizes})")
docx_sizes = pdf_pages(os.path.join(OUT, "report-docx.pdf"))
check(all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in docx_sizes), f"the DOCX prints on {len(docx_sizes)} portrait A4 pages")
name = open(os.path.join(OUT, "report-name.txt"), encoding="utf-8").read()
check("%E7%A4%BA%E8%8C%83%E5%8E%BF%E8%B4%A2%E6%94%BF%E5%B1%80" in name and "%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A" in name,
      "the DOCX is named after the unit and the report (示范县财政局…年度报告.docx)")

# The power list: a title row, headings repeated, landscape, every cell tall enough for its text.
powers = openpyxl.load_workbook(os.path.join(OUT, "powers.xlsx")).worksheets[0]
check("权责清单" in str(powers.cell(1, 1).value), f"the power list opens with a title row ({powers.cell(1, 1).value})")
check(powers.page_setup.orientation == "landscape", "the power list prints landscape")
tall = [powers.row_dimensions[r].height or 0 for r in range(3, powers.max_row + 1)]
check(tall and max(tall) > 18, f"multi-line power cells get taller rows (up to {max(tall) if tall else 0} pt)")

print(f"{'FAILED' if failures else 'passed'}: PDFs and PNG pages in {OUT}")
sys.exit(1 if failures else 0)
