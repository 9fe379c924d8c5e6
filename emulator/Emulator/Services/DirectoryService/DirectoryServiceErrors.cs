using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.DirectoryService;

/// <summary>AWS Directory Service's errors (all HTTP 400 but ServiceException); every ds message text lives here.</summary>
public static class DirectoryServiceErrors
{
    public static AwsException Validation(IReadOnlyList<Violation> violations) => InvalidParameter(InputValidator.Describe(violations));

    public static AwsException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static AwsException NotFound(string directoryId) =>
        new("EntityDoesNotExistException", $"Directory {directoryId} does not exist.");

    public static AwsException DirectoriesNotFound(IEnumerable<string> directoryIds) =>
        new("EntityDoesNotExistException", $"Directories [{string.Join(", ", directoryIds)}] do not exist.");

    public static AwsException AliasTaken(string alias) => new("EntityAlreadyExistsException", $"Alias {alias} already exists.");

    public static AwsException AliasAlreadySet(string directoryId) =>
        new("InvalidParameterException", $"Directory {directoryId} already has an alias; an alias cannot be changed.");

    public static AwsException InvalidNextToken() => new("InvalidNextTokenException", "The NextToken value is not valid.");

    public static AwsException NoLocalDomainController() =>
        new("UnsupportedOperationException",
            "CreateMicrosoftAD needs a domain controller to point at: start the emulator with --ad-dc-address <IPv4 of the DC> (EMULATOR_AD_DC_ADDRESS).");

    public static AwsException InUseByIdentityCenter(string directoryId, string instanceArn) =>
        new("ClientException", $"Directory {directoryId} is the identity source of IAM Identity Center instance {instanceArn}; change the identity source first.");
}
