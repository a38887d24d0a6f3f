using ProductionReady.Detection;
using ProductionReady.Logging;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Detection;

/// <summary>
/// Every token format, from the table in <see cref="TokenFormatSamples"/>: its value is found at its exact place and
/// attributed to the right format, a look-alike (wrong length, character set or checksum) is not, and the log masker
/// masks the one and leaves the other. Values are generated at run time; none is anyone's credential.
/// </summary>
public sealed class TokenFormatCatalogTests
{
    public static TheoryData<int> LiveSamples => Indexes(TokenFormatSamples.Live.Count);

    public static TheoryData<int> TestModeSamples => Indexes(TokenFormatSamples.TestMode.Count);

    [Fact]
    public void Every_format_has_a_sample_and_no_two_formats_are_the_same()
    {
        var formats = TokenFormats.LiveFormatList.Select(f => $"{f.Key} ({f.Value})").ToList();
        Assert.Equal(formats.Count, formats.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(formats.Order(StringComparer.Ordinal), TokenFormatSamples.Live.Select(s => s.ToString()).Order(StringComparer.Ordinal));

        var testModes = TokenFormats.TestModeFormatList.Select(f => $"{f.Key} ({f.Value})").ToList();
        Assert.Equal(testModes.Order(StringComparer.Ordinal), TokenFormatSamples.TestMode.Select(s => s.ToString()).Order(StringComparer.Ordinal));
        Assert.True(formats.Count >= 150, $"{formats.Count} live formats");
    }

    [Theory]
    [MemberData(nameof(LiveSamples))]
    public void A_live_format_is_found_where_it_is_and_its_lookalike_is_not(int index)
    {
        var sample = TokenFormatSamples.Live[index];
        var found = TokenFormats.FindLiveCredential(sample.Text);
        Assert.True(found is not null, $"{sample} not found");
        Assert.Equal(sample.ToString(), $"{found.Value.Kind} ({found.Value.Prefix})");
        Assert.Equal(sample.Text.IndexOf(sample.Secret, StringComparison.Ordinal), found.Value.Start);
        Assert.Equal(sample.Secret.Length, found.Value.Length);
        Assert.Null(TokenFormats.FindTestModeKey(sample.Text));

        var lookalike = TokenFormats.FindLiveCredential(sample.LookalikeText);
        Assert.True(lookalike is null, $"{sample}: the look-alike was taken for {lookalike?.Kind} ({lookalike?.Prefix})");
    }

    [Theory]
    [MemberData(nameof(TestModeSamples))]
    public void A_test_mode_key_is_found_and_is_not_a_live_credential(int index)
    {
        var sample = TokenFormatSamples.TestMode[index];
        var found = TokenFormats.FindTestModeKey(sample.Text);
        Assert.True(found is not null, $"{sample} not found");
        Assert.Equal(sample.ToString(), $"{found.Value.Kind} ({found.Value.Prefix})");
        Assert.Equal(sample.Text.IndexOf(sample.Secret, StringComparison.Ordinal), found.Value.Start);
        Assert.Null(TokenFormats.FindLiveCredential(sample.Text));
        Assert.Null(TokenFormats.FindTestModeKey(sample.LookalikeText));
    }

    [Theory]
    [MemberData(nameof(LiveSamples))]
    public void The_log_masker_masks_every_format_and_leaves_its_lookalike(int index)
    {
        var sample = TokenFormatSamples.Live[index];
        var masker = new SecretMasker(known: null);

        var masked = masker.MaskText("Calling the API with " + sample.Text);
        Assert.DoesNotContain(sample.Secret, masked, StringComparison.Ordinal);
        Assert.Contains(SecretMasker.Mask, masked, StringComparison.Ordinal);

        var lookalike = "Calling the API with " + sample.LookalikeText;
        Assert.Equal(lookalike, masker.MaskText(lookalike));
    }

    [Fact]
    public void GitHub_and_npm_tokens_must_carry_their_checksum()
    {
        var body = TokenFormatSamples.A(30);
        var token = TokenFormatSamples.WithBase62Checksum("gh" + "p_", body);
        Assert.Equal("GitHub token", TokenFormats.FindLiveCredential(token)?.Kind);
        Assert.Null(TokenFormats.FindLiveCredential(TokenFormatSamples.WithWrongChecksum(token)));
        Assert.Null(TokenFormats.FindLiveCredential("gh" + "p_" + new string('a', 36)));
        var npm = TokenFormatSamples.WithBase62Checksum("np" + "m_", body);
        Assert.Equal("npm token", TokenFormats.FindLiveCredential(npm)?.Kind);
        Assert.Null(TokenFormats.FindLiveCredential(TokenFormatSamples.WithWrongChecksum(npm)));
    }

    private static TheoryData<int> Indexes(int count)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
