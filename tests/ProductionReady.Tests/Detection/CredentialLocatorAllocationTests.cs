using ProductionReady.Detection;

namespace ProductionReady.Tests.Detection;

/// <summary>
/// <see cref="CredentialLocator.FindPassword"/> runs on every log message the masker sees and every string literal the
/// analyzers judge: on text with '=' and ',' that holds no credential it must not allocate. The results of the
/// in-place walks are pinned beside (the same answers as the copying code they replaced).
/// </summary>
public sealed class CredentialLocatorAllocationTests
{
    public static TheoryData<string> NonMatchingTexts => new()
    {
        "Request finished in 12 ms, status=200, path=/api/items",
        "Retrying (attempt=3, delay=00:00:02, reason=timeout)",
        "a=1, b=2, c=3",
        "cache-1:6379,ssl=true,abortConnect=false",
        "Host=db;Port=5432;Database=shop;Username=app",
        "Key=Value; Other=Thing, More=Stuff",
    };

    [Theory]
    [MemberData(nameof(NonMatchingTexts))]
    public void A_text_without_a_password_costs_no_allocation(string text)
    {
        Assert.Null(CredentialLocator.FindPassword(text));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = CredentialLocator.FindPassword(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(found);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("cache-1:6379,password=hunter2x,ssl=true", "hunter2x", null)]
    [InlineData("cache-1:6379, user = app , PASSWORD = hunter2x ,ssl=true", "hunter2x", "app")]
    [InlineData("cache-1:6379,Password=hunter2x", "hunter2x", null)]
    public void A_redis_password_is_found_in_any_case(string text, string password, string? user)
    {
        var found = Assert.NotNull(CredentialLocator.FindPassword(text));

        Assert.Equal(password, found.ValueIn(text));
        Assert.Equal(user, found.UserName);
    }

    [Theory]
    [InlineData("Host=db; User Id = app ;PWD=hunter2x", "hunter2x", "app")]
    [InlineData("Server=db;Password='hun;ter2'';x';Database=d", "hun;ter2'';x", null)]
    [InlineData("Data Source=db;Uid=app;Password=\"p\"\"w\"", "p\"\"w", "app")]
    public void A_connection_string_password_is_found_in_place(string text, string password, string? user)
    {
        var found = Assert.NotNull(CredentialLocator.FindPassword(text));

        Assert.Equal(password, found.ValueIn(text));
        Assert.Equal(user, found.UserName);
    }

    [Theory]
    [InlineData("cache-1:6379,password=,ssl=true")]
    [InlineData("not an endpoint!,password=hunter2x")]
    [InlineData("Host=db;Password=")]
    public void No_password_where_the_shape_is_wrong(string text)
        => Assert.Null(CredentialLocator.FindPassword(text));
}
