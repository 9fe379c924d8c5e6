using Emulator.Core;

namespace Emulator.Services.Sts;

public sealed record GetAccessKeyInfoRequest(string AccessKeyId);

public sealed record GetAccessKeyInfoResponse(string Account);

/// <summary>
/// GetAccessKeyInfo: the account an access key id (or a role/user unique id) belongs to, decoded from the id itself as
/// AWS does — so it answers for any well-formed id, issued here or not, valid or not.
/// </summary>
public static class AccessKeyInfoOperations
{
    public static void Register(OperationTable table)
    {
        table.Read<GetAccessKeyInfoRequest, GetAccessKeyInfoResponse>("GetAccessKeyInfo", Get);
    }

    public static GetAccessKeyInfoResponse Get(OperationContext context, GetAccessKeyInfoRequest request) =>
        new(KeyIds.AccountOf(request.AccessKeyId) ?? throw StsErrors.UndecodableAccessKeyId(request.AccessKeyId));
}
