"""boto3's ListAccounts paginator over an organization of 46 accounts, with pages of 20."""
from common import client, create_account, main


def run():
    orgs = client("organizations")
    orgs.create_organization(FeatureSet="ALL")
    created = {create_account(orgs, f"acct{i:02d}") for i in range(45)}
    assert len(created) == 45, f"account ids must be distinct: {len(created)}"

    pages = list(orgs.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 20}))
    sizes = [len(p["Accounts"]) for p in pages]
    ids = [a["Id"] for p in pages for a in p["Accounts"]]

    assert len(ids) == 46, f"expected 46 accounts, got {len(ids)} in pages {sizes}"
    assert len(set(ids)) == 46, f"accounts repeated across pages: {sizes}"
    assert set(ids) == created | {orgs.describe_organization()["Organization"]["MasterAccountId"]}
    assert all(s <= 20 for s in sizes), f"a page exceeded PageSize: {sizes}"
    assert "NextToken" not in pages[-1], "the last page must not carry a NextToken"
    first = orgs.list_accounts()
    assert len(first["Accounts"]) <= 20 and "NextToken" in first, "an unpaged call returns at most 20 and a token"


main(run)
