-- wrk script: ListAWSServiceAccessForOrganization as the default-account key "test" (AWS JSON 1.1, unsigned signature).
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AWSOrganizationsV20161128.ListAWSServiceAccessForOrganization"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0"

-- Report the first few unexpected answers on stderr, so a non-2xx count in the table can be explained.
local reported = 0
response = function(status, headers, body)
  if status >= 300 and reported < 3 then
    reported = reported + 1
    io.stderr:write(string.format("non-2xx %d: %s\n", status, body))
  end
end
