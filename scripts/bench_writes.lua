-- wrk script for scripts/bench-writes: POST /api/v1/records (an audited write: the record, its
-- audit entry and the chain head in one transaction) with a bearer token, counting 5xx and 503.
--   TOKEN=dsc_… wrk -t2 -c16 -d15s --latency -s bench_writes.lua http://127.0.0.1:8080
local token = os.getenv("TOKEN")
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end
function init(args)
  server_errors = 0
  busy = 0
  sequence = 0
end
request = function()
  sequence = sequence + 1
  local body = string.format(
    '{"unitCode":"CZJ","kind":"training","date":"2026-06-02","title":"政务公开培训 %d-%d","attendees":"全体干部","attendeeCount":30}',
    id, sequence)
  return wrk.format("POST", "/api/v1/records",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
response = function(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
  if status == 503 then busy = busy + 1 end
end
done = function(summary, latency, requests)
  local errors, unavailable = 0, 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("server_errors")
    unavailable = unavailable + thread:get("busy")
  end
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f requests=%d non2xx=%d errors5xx=%d busy503=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, errors, unavailable,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
