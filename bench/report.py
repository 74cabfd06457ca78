#!/usr/bin/env python3
"""Turn bench/run.sh's raw samples into the results table (stdout), results-<date>-<HHMM>.md and results.json.

Raw samples: one line per timed run, "size<TAB>tool<TAB>round<TAB>wall µs<TAB>peak RSS KiB<TAB>CPU s".
Pages: one line per size, "size<TAB>Markdown files<TAB>dossier pages<TAB>hugo pages<TAB>floor pages".
Medians of wall and CPU time (user + system, all threads); peak memory is the largest of the runs. Python 3 stdlib only.
"""

import argparse
import datetime as dt
import json
import math
import os
import platform
import statistics
from pathlib import Path

TOOLS = ["dossier-check", "dossier-build", "hugo", "floor", "output-copy", "dossier-incremental",
         "serve-render", "serve-page", "serve-build"]
# Figures `dossier serve` reports (bench/serve_edit.py): wall time only, no CPU or memory of their own.
SERVE_TOOLS = ("serve-render", "serve-page", "serve-build")
# PRODUCT.md §10, at 10k records.
TARGET_SIZE = 10000


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": mem_gib,
            "kernel": platform.release(), "os": platform.platform()}


def load(raw_paths, pages_paths):
    samples = {}
    lines = [line for path in raw_paths for line in Path(path).read_text().splitlines()]
    for line in lines:
        size, tool, _round, micros, rss, cpu = line.split("\t")
        entry = samples.setdefault(int(size), {}).setdefault(tool, {"wall": [], "rss": [], "cpu": []})
        entry["wall"].append(int(micros) / 1e6)
        entry["rss"].append(int(rss))
        entry["cpu"].append(float(cpu))
    pages = {}
    for line in [line for path in pages_paths for line in Path(path).read_text().splitlines()]:
        size, files, dossier, hugo, floor = (int(x) for x in line.split("\t"))
        pages[size] = {"markdown_files": files, "dossier": dossier, "hugo": hugo, "floor": floor}
    return samples, pages


def summarise(samples, pages):
    sizes = {}
    for size in sorted(samples):
        tools = {}
        for tool in TOOLS:
            if tool not in samples[size]:
                continue
            s = samples[size][tool]
            tools[tool] = {"median_s": round(statistics.median(s["wall"]), 4), "min_s": round(min(s["wall"]), 4),
                           "max_s": round(max(s["wall"]), 4), "cpu_median_s": round(statistics.median(s["cpu"]), 3),
                           "peak_mib": round(max(s["rss"]) / 1024, 1),
                           "samples_s": [round(x, 4) for x in s["wall"]], "samples_cpu_s": s["cpu"]}
        med = {t: v["median_s"] for t, v in tools.items()}
        cpu = {t: v["cpu_median_s"] for t, v in tools.items()}
        ratios = {"hugo_over_build": round(med["hugo"] / med["dossier-build"], 3),
                  "build_over_floor": round(med["dossier-build"] / med["floor"], 3),
                  "cpu_hugo_over_build": round(cpu["hugo"] / cpu["dossier-build"], 3),
                  "cpu_build_over_floor": round(cpu["dossier-build"] / max(cpu["floor"], 0.01), 3),
                  "check_s": med["dossier-check"],
                  "build_ms_per_1k_records": round(med["dossier-build"] / size * 1000 * 1000, 1),
                  "check_ms_per_1k_records": round(med["dossier-check"] / size * 1000 * 1000, 1)}
        if "output-copy" in med:
            # Writing Dossier's output alone (the floor's code copying it), as a share of the floor.
            ratios["output_copy_over_floor"] = round(med["output-copy"] / med["floor"], 3)
        if "dossier-incremental" in med:
            ratios["incremental_s"] = med["dossier-incremental"]
        for tool in SERVE_TOOLS:
            if tool in med:
                ratios[tool.replace("-", "_") + "_s"] = med[tool]
        sizes[size] = {"records": size, "pages": pages.get(size, {}), "tools": tools, "ratios": ratios}
    return sizes


def targets(sizes):
    """The §10 targets at 10k records (None: not measured in this run)."""
    at = sizes.get(TARGET_SIZE)
    if not at:
        return {}
    t, r = at["tools"], at["ratios"]
    peak = max(t["dossier-build"]["peak_mib"], t["dossier-check"]["peak_mib"])
    out = {
        "build_3x_faster_than_hugo": {"value": r["hugo_over_build"], "target": ">= 3", "met": r["hugo_over_build"] >= 3},
        "build_within_2x_of_floor": {"value": r["build_over_floor"], "target": "<= 2", "met": r["build_over_floor"] <= 2},
        "check_under_0.5s": {"value": r["check_s"], "target": "< 0.5 s", "met": r["check_s"] < 0.5},
        "peak_memory_under_300mib": {"value": peak, "target": "< 300 MiB", "met": peak < 300},
        # One changed record re-rendered: what `serve` does with an edit (its page, PagePreview).
        "changed_record_rerendered_under_100ms": {"value": r.get("serve_render_s"), "target": "< 0.1 s",
                                                  "met": r["serve_render_s"] < 0.1 if "serve_render_s" in r else None},
    }
    return out


def scaling(sizes):
    """Growth exponent of build and check time between the smallest and the largest size (1.0 = linear)."""
    if len(sizes) < 2:
        return {}
    lo, hi = min(sizes), max(sizes)
    out = {"from": lo, "to": hi, "wall": {}, "cpu": {}}
    for tool in ("dossier-build", "dossier-check", "hugo", "floor"):
        for kind, key in (("wall", "median_s"), ("cpu", "cpu_median_s")):
            a, b = sizes[lo]["tools"][tool][key], sizes[hi]["tools"][tool][key]
            out[kind][tool] = round(math.log(b / a) / math.log(hi / lo), 2) if a > 0 and b > 0 else None
    return out


def markdown(result):
    lines = [f"Dossier benchmark, {result['date']}: {result['runs']} interleaved rounds per size; median wall "
             f"time (and its min and max), median CPU time (user + system, all threads), peak RSS over the rounds.",
             "",
             f"Machine: {result['machine']['nproc']} cores, {result['machine']['cpu']}, "
             f"{result['machine']['memory_gib']} GiB RAM. {result['versions']}. "
             f"Floor: {result['floor_threads']} thread(s). As of {result['as_of']}. Load average (1, 5, 15 min) at "
             f"start / end: {result['load_average']}.", "",
             "| records | tool | median s | min s | max s | CPU s | peak MiB |", "|---:|---|---:|---:|---:|---:|---:|"]
    for size, data in result["sizes"].items():
        for tool, v in data["tools"].items():
            cpu_peak = "– | –" if tool in SERVE_TOOLS else f"{v['cpu_median_s']:.2f} | {v['peak_mib']:.0f}"
            lines.append(f"| {int(size):,} | {tool} | {v['median_s']:.3f} | {v['min_s']:.3f} | {v['max_s']:.3f} "
                         f"| {cpu_peak} |")
    lines += ["", "Ratios of medians, wall time (CPU time in brackets):", "",
              "| records | files | pages (dossier / hugo / floor) | hugo ÷ build | build ÷ floor | check s "
              "| build --incremental s | serve: page ready / served / rebuilt s | build ms per 1k records |",
              "|---:|---:|---|---:|---:|---:|---:|---|---:|"]
    for size, data in result["sizes"].items():
        r, p = data["ratios"], data["pages"]
        inc = f"{r['incremental_s']:.3f}" if "incremental_s" in r else "n/a"
        serve = " / ".join(f"{r[k]:.3f}" if k in r else "n/a" for k in ("serve_render_s", "serve_page_s", "serve_build_s"))
        lines.append(f"| {int(size):,} | {p.get('markdown_files', '?')} | {p.get('dossier', '?')} / {p.get('hugo', '?')}"
                     f" / {p.get('floor', '?')} | {r['hugo_over_build']:.2f} ({r['cpu_hugo_over_build']:.2f}) "
                     f"| {r['build_over_floor']:.2f} ({r['cpu_build_over_floor']:.2f}) "
                     f"| {r['check_s']:.3f} | {inc} | {serve} | {r['build_ms_per_1k_records']:.0f} |")
    copies = [(size, data["ratios"]["output_copy_over_floor"]) for size, data in result["sizes"].items()
              if "output_copy_over_floor" in data["ratios"]]
    if copies:
        lines += ["", "Output copy ÷ floor (copying Dossier's output with the floor's code, nothing rendered; of the "
                      "2× budget this much is spent on writing Dossier's larger output alone): "
                  + ", ".join(f"{int(size):,}: {ratio:.2f}" for size, ratio in copies)]
    if result["scaling"]:
        s = result["scaling"]
        lines += ["", f"Growth exponent from {s['from']:,} to {s['to']:,} records (time ∝ records^k; 1.00 is "
                      f"linear), wall (CPU): " + ", ".join(f"{t} {s['wall'][t]} ({s['cpu'][t]})"
                                                            for t in ("dossier-build", "dossier-check", "hugo", "floor"))]
    if result["targets"]:
        lines += ["", f"Targets at {TARGET_SIZE:,} records (PRODUCT.md §10):", "",
                  "| target | value | goal | met |", "|---|---:|---|---|"]
        for name, t in result["targets"].items():
            met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
            value = "n/a" if t["value"] is None else t["value"]
            lines.append(f"| {name} | {value} | {t['target']} | {met} |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    # Several files combine runs (say 1k and 10k with 5 rounds, 100k with 1) into one table.
    ap.add_argument("--raw", required=True, nargs="+")
    ap.add_argument("--pages", required=True, nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--floor-threads", type=int, required=True)
    ap.add_argument("--incremental", type=int, default=0)
    ap.add_argument("--versions", default="")
    ap.add_argument("--load", default="unknown", help="load average at the start / at the end")
    args = ap.parse_args()

    samples, pages = load(args.raw, args.pages)
    sizes = summarise(samples, pages)
    result = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "runs": args.runs, "as_of": args.as_of,
              "floor_threads": args.floor_threads, "incremental_measured": bool(args.incremental),
              "machine": machine(), "versions": args.versions, "load_average": args.load,
              "sizes": {str(k): v for k, v in sizes.items()}, "scaling": scaling(sizes), "targets": targets(sizes)}
    text = markdown(result)
    out = Path(args.out)
    (out / "results.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    md_path = out / f"results-{dt.datetime.now().strftime('%Y-%m-%d-%H%M')}.md"
    md_path.write_text(text)
    print()
    print(text, end="")
    print(f"\nwritten: {md_path} and {out / 'results.json'}")


if __name__ == "__main__":
    main()
