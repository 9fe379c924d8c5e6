using Emulator.Protocol;

namespace Emulator.Services.CloudTrail;

/// <summary>CloudTrail (awsJson1_1, CloudTrail_20131101): LookupEvents over the event trail; every other operation answers 501.</summary>
public static class CloudTrailService
{
    public static ServiceDefinition Definition()
    {
        var table = new OperationTable(records: CloudTrailJson.Default);
        LookupEventsOperation.Register(table);
        return new ServiceDefinition(ServiceModel.Load("cloudtrail"), new AwsJsonProtocol(), table, CloudTrailErrors.Validation);
    }
}
