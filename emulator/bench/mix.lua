-- wrk script: alternates EnableAWSServiceAccess / DisableAWSServiceAccess for sso.amazonaws.com (durable writes).
local headers = {
  ["Content-Type"] = "application/x-amz-json-1.1",
  ["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0",
}
local body = '{"ServicePrincipal":"sso.amazonaws.com"}'
local n = 0

request = function()
  n = n + 1
  if n % 2 == 1 then
    headers["X-Amz-Target"] = "AWSOrganizationsV20161128.EnableAWSServiceAccess"
  else
    headers["X-Amz-Target"] = "AWSOrganizationsV20161128.DisableAWSServiceAccess"
  end
  return wrk.format("POST", "/", headers, body)
end

-- Report the first few unexpected answers on stderr, so a non-2xx count in the table can be explained.
local reported = 0
response = function(status, headers, body)
  if status >= 300 and reported < 3 then
    reported = reported + 1
    io.stderr:write(string.format("non-2xx %d: %s\n", status, body))
  end
end
