using ProductionReady.Info;

namespace ProductionReady.Tests.Info;

/// <summary>What the info document shows of a setting: the value, or <c>***</c> when it is or holds a secret.</summary>
public sealed class InfoSettingsMaskingTests
{
    [Fact]
    public void A_value_that_contains_a_known_secret_is_masked_whatever_its_key()
    {
        var secret = string.Concat("k7Qz", "Vt2p", "Lm9x", "Rw4s");
        Assert.Equal(InfoDocument.Masked, InfoDocument.Mask("ProductionReady:Metrics:AllowAnyAddressReason", "reason " + secret, [secret]));
        Assert.Equal("a plain reason", InfoDocument.Mask("ProductionReady:Metrics:AllowAnyAddressReason", "a plain reason", [secret]));
    }

    [Fact]
    public void A_secret_name_or_a_connection_string_password_is_masked()
    {
        Assert.Equal(InfoDocument.Masked, InfoDocument.Mask("ProductionReady:Something:ApiKey", "anything", []));
        Assert.Equal(InfoDocument.Masked, InfoDocument.Mask("ProductionReady:Something:Store", "Host=db;Username=app;" + "Pass" + "word=Xk29fhQ7wLz", []));
        Assert.Equal("/info", InfoDocument.Mask("ProductionReady:Info:Path", "/info", []));
    }
}
