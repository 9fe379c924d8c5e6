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
