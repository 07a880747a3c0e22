#!/usr/bin/env python3
"""Search latency of a running `disclosure serve` through its public API, on the peers' query set.

    bench_search.py BASE_URL N [--rounds 3] [--out DIR]

Uses ../shared/bench/common.py (same warm-up pass, median of rounds per query, nearest-rank
p95/p99 over the queries) so the figures sit beside the peers'. Four modes: newest first and
relevance, each without and with facet counts. Each query's `total` is compared
with the brute-force scan's exact hit count (results/scan-N.json) when that file exists.
"""
import argparse, http.client, json, os, sys, time, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench"))
sys.path.insert(0, BENCH)
from common import load_queries, loadavg, qclass, summarize, time_queries  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("base")
ap.add_argument("n", type=int)
ap.add_argument("--rounds", type=int, default=3)
ap.add_argument("--out", default=os.environ.get("BENCH_DATA", "/tmp/bench-data") + "/disclosure")
a = ap.parse_args()
os.makedirs(a.out, exist_ok=True)
url = urllib.parse.urlparse(a.base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def search(q, sort, facets):
    path = "/api/v1/public/search?q=" + urllib.parse.quote(q) + ("&sort=date" if sort == "date" else "") + ("" if facets else "&facets=0")
    conn.request("GET", path)
    response = conn.getresponse()
    body = json.loads(response.read())
    if response.status != 200:
        raise SystemExit(f"{q}: HTTP {response.status} {body}")
    return [item["id"] for item in body["items"]], body["total"]


truth = {}
scan = os.path.join(BENCH, "results", f"scan-{a.n}.json")
if os.path.exists(scan):
    truth = {r["q"]: r["hits"] for r in json.load(open(scan, encoding="utf-8"))["queries"]}

queries = load_queries()
results = {}

# The engine keeps what it derives from its immutable segments (frequent terms' bitmaps, common
# phrases' verified occurrences), so the timed modes below — after a warm-up pass, like the peers'
# — measure a warm server. Before anything else, each query's first search after the server
# started is timed once: the figure a citizen meets when nobody has asked that query yet.
first = []
for q in queries:
    started = time.perf_counter()
    _, hits = search(q, "rank", True)
    first.append({"q": q, "class": qclass(q), "ms": (time.perf_counter() - started) * 1000, "hits": hits})
results["first sight"] = {"summary": summarize(first), "queries": first}
print(f"== disclosure relevance+facets, first search of each query after start, {a.n} docs (ms, one round)")
for r in summarize(first):
    print(f"   {r['class']:8} n={r['n']:>4} median {r['median_ms']:>8.2f}  p95 {r['p95_ms']:>8.2f}  p99 {r['p99_ms']:>8.2f}  mean {r['mean_ms']:>8.2f}")
sys.stdout.flush()
for name, sort, facets in [("newest", "date", False), ("relevance", "rank", False), ("newest+facets", "date", True), ("relevance+facets", "rank", True)]:
    per_query = time_queries(queries, lambda q: search(q, sort, facets), a.rounds)
    summary = summarize(per_query)
    # Without facets the API reports only the page, so totals are compared in the facet modes.
    exact = sum(1 for r in per_query if r["q"] in truth and r["hits"] == truth[r["q"]]) if facets else None
    results[name] = {"summary": summary, "exact_counts": exact, "compared": len(truth), "queries": per_query}
    print(f"== disclosure {name}, {a.n} docs (ms over {len(queries)} queries, median of {a.rounds} rounds)")
    if exact is not None and truth:
        print(f"   totals equal to the brute-force hit count: {exact}/{len(truth)}")
        wrong = [(r["q"], r["hits"], truth[r["q"]]) for r in per_query if r["q"] in truth and r["hits"] != truth[r["q"]]][:8]
        for q, got, want in wrong:
            print(f"   differs: {q!r} ours {got} scan {want}")
    for r in summary:
        print(f"   {r['class']:8} n={r['n']:>4} median {r['median_ms']:>8.2f}  p95 {r['p95_ms']:>8.2f}  p99 {r['p99_ms']:>8.2f}  mean {r['mean_ms']:>8.2f}")
    sys.stdout.flush()

# Issue 20, bad input: hostile queries must answer 200 or 400 and take no longer than the slowest
# benchmark query (relevance with facets, the page's mode).
hostile = {
    "5000 x 税": "税" * 5000, "5000 mixed CJK": "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(5000)),
    "834 x 政府信息公开": "政府信息公开" * 834, "2000 one-letter terms": " ".join("b" * 1 for _ in range(2000)),
    "control characters": "\x00\x07\x1b政府", "FTS syntax": '"*(NEAR) OR \'政府',
}
slowest = max(r["ms"] for r in results["relevance+facets"]["queries"])


def hostile_time(raw, path=None):
    times = []
    for _ in range(3):
        conn.request("GET", path or ("/api/v1/public/search?q=" + urllib.parse.quote(raw)))
        started = time.perf_counter()
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter() - started) * 1000)
        if response.status not in (200, 400):
            raise SystemExit(f"hostile query {raw[:20]!r}: HTTP {response.status}")
    return sorted(times)[1]


hostile_ms = {name: hostile_time(raw) for name, raw in hostile.items()}
hostile_ms["lone surrogate %ED%A0%80"] = hostile_time("", "/api/v1/public/search?q=%ED%A0%80%E6%94%BF")
print(f"== hostile queries (200 or 400, median of 3): slowest {max(hostile_ms.values()):.1f} ms; slowest benchmark query {slowest:.1f} ms")
for name, ms in hostile_ms.items():
    print(f"   {name:28} {ms:8.1f} ms")
results["hostile"] = hostile_ms

with open(os.path.join(a.out, f"search-{a.n}.json"), "w", encoding="utf-8") as f:
    json.dump({"n": a.n, "loadavg": loadavg(), "when": time.strftime("%Y-%m-%d %H:%M:%S"), "modes": results}, f, ensure_ascii=False)
