using Emulator.State;
using Microsoft.OpenApi;

namespace Emulator.ControlPlane;

/// <summary>
/// The emulator's own REST API under /_emulator (documented by Swashbuckle, UI at /_emulator/swagger):
/// health, reset and a view of the whole state.
/// </summary>
public static class ControlPlaneEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ControlPlaneJson.Default));
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger => swagger.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "AWS Organizations and IAM Identity Center emulator: control plane",
            Version = "v1",
            Description = "Endpoints that are not part of any AWS API: health, reset and a view of the emulator's state.",
        }));
    }

    /// <summary>Swashbuckle's document and UI (its own middleware, under /_emulator/swagger).</summary>
    public static void UseDocumentation(IApplicationBuilder app)
    {
        app.UseSwagger(swagger => swagger.RouteTemplate = "_emulator/swagger/{documentName}/swagger.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "_emulator/swagger";
            ui.SwaggerEndpoint("/_emulator/swagger/v1/swagger.json", "Control plane v1");
        });
    }

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/_emulator").WithTags("Control plane");
        group.MapGet("/health", (StateStore store) => TypedResults.Ok(store.Degraded is { } reason
                ? new HealthResponse("degraded", $"writes fail: {reason}")
                : new HealthResponse("ok")))
            .WithName("Health").WithSummary("Answers 200 while the emulator serves requests; status 'degraded' (with the reason) while writes cannot be saved.");
        group.MapPost("/reset", (StateStore store) =>
            {
                store.Reset();
                return TypedResults.Ok(new HealthResponse("reset"));
            })
            .WithName("Reset").WithSummary("Deletes all state: organizations, accounts, roles, credentials.");
        group.MapGet("/state", (StateStore store) => TypedResults.Ok(store.Read(StateView.Of)))
            .WithName("State").WithSummary("Organizations, accounts, trusted services and the roles of every account.");
        SsoControlPlane.Map(group);
        TrailEndpoints.Map(group);
        IdentitySourceEndpoints.Map(group);
    }
}

public sealed record HealthResponse(
    string Status, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);
