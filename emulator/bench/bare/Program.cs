var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "application/x-amz-json-1.1";
    return context.Response.WriteAsync("{}");
});
app.Run();
