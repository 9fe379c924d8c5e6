-- wrk script: ListAWSServiceAccessForOrganization as the default-account key "test" (AWS JSON 1.1, unsigned signature).
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AWSOrganizationsV20161128.ListAWSServiceAccessForOrganization"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0"
