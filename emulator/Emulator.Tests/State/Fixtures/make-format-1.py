"""Makes the state behind Fixtures/format-1.json, with the emulator at commit c410314 (format 1, before storage keys): run
the emulator with --data <file>, then `python3 make-format-1.py http://127.0.0.1:PORT`, then stop it (Ctrl-C or SIGTERM:
it checkpoints). format-1.json is that file's every collection as LiteDB's JSON (LiteDB.JsonSerializer.Serialize of a
document {collection name: [documents]}, read with the file opened read-only), so no database file is kept in git."""
import sys, boto3
url = sys.argv[1]
kw = dict(endpoint_url=url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
org = boto3.client("organizations", **kw)
org.create_organization(FeatureSet="ALL")
root = org.list_roots()["Roots"][0]["Id"]
ou = org.create_organizational_unit(ParentId=root, Name="workloads")["OrganizationalUnit"]["Id"]
ids = []
for name in ("alpha", "beta", "gamma"):
    status = org.create_account(AccountName=name, Email=f"{name}@example.com")["CreateAccountStatus"]
    ids.append(org.describe_create_account_status(CreateAccountRequestId=status["Id"])["CreateAccountStatus"]["AccountId"])
org.move_account(AccountId=ids[0], SourceParentId=root, DestinationParentId=ou)
org.tag_resource(ResourceId=ids[1], Tags=[{"Key": "team", "Value": "blue"}])
org.enable_aws_service_access(ServicePrincipal="sso.amazonaws.com")
iam = boto3.client("iam", **kw)
iam.create_role(RoleName="deployer", AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}', Description="format-1 fixture")
print(" ".join(ids))
