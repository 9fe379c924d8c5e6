-- wrk script: one request, repeated. Set by the environment (run.sh):
--   BENCH_SERVICE  signing scope (organizations, iam)     BENCH_TARGET  X-Amz-Target, or empty for a form post
--   BENCH_BODY     request body                               BENCH_KEY     access key id (default test: the root user)
local service = os.getenv("BENCH_SERVICE") or "organizations"
local target = os.getenv("BENCH_TARGET") or ""
local key = os.getenv("BENCH_KEY") or "test"
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or "{}"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=" .. key .. "/20260101/us-east-1/" .. service .. "/aws4_request, SignedHeaders=host, Signature=0"
if target ~= "" then
  wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
  wrk.headers["X-Amz-Target"] = target
else
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

-- Report the first few unexpected answers on stderr, so a non-2xx count in the table can be explained.
local reported = 0
response = function(status, headers, body)
  if status >= 300 and reported < 3 then
    reported = reported + 1
    io.stderr:write(string.format("non-2xx %d: %s\n", status, body))
  end
end
