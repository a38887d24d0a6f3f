using ProductionReady.Logging;

namespace ProductionReady.Tests.Logging;

/// <summary>
/// A text is searched for secrets once per thread and snapshot of the known values (the event's second look, in our
/// Serilog stage, is a reference comparison), and never trusted beyond that: a secret learned later, another masker's
/// known values, another thread, a text that was not clean.
/// </summary>
public sealed class CleanTextsTests
{
    // Built at test time, never committed as one literal.
    private static readonly string Secret = "ct-" + Guid.NewGuid().ToString("N") + "-Qx";

    private static string NewText(string inner) => string.Concat("request ", inner, " answered");

    [Fact]
    public void A_clean_text_is_remembered_by_reference_for_its_snapshot_only()
    {
        var text = NewText("4bf92f3577b34da6a3ce929d0e0e4736");
        var snapshot = new object();
        CleanTexts.Remember(text, snapshot);

        Assert.True(CleanTexts.Contains(text, snapshot));
        Assert.False(CleanTexts.Contains(new string(text.AsSpan()), snapshot)); // an equal text is not the same instance
        Assert.False(CleanTexts.Contains(text, new object()));                 // another snapshot of the known values
    }

    [Fact]
    public void A_few_texts_are_kept_and_the_oldest_forgotten()
    {
        var snapshot = new object();
        var first = NewText("first-of-many-texts");
        CleanTexts.Remember(first, snapshot);
        for (var i = 0; i < 64; i++)
        {
            CleanTexts.Remember(NewText(i.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)), snapshot);
        }

        Assert.False(CleanTexts.Contains(first, snapshot));
    }

    [Fact]
    public async Task Another_thread_searches_again()
    {
        var text = NewText("searched-on-the-test-thread");
        var snapshot = new object();
        CleanTexts.Remember(text, snapshot);

        var elsewhere = await Task.Factory.StartNew(() => CleanTexts.Contains(text, snapshot), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.False(elsewhere);
    }

    [Fact]
    public void A_text_found_clean_is_masked_once_the_secret_in_it_becomes_known()
    {
        var known = new List<string>();
        var masker = new SecretMasker(new CapturedLog.KnownSecrets(known));
        var text = NewText(Secret);
        Assert.Same(text, masker.MaskText(text)); // not known yet: clean, and remembered

        known.Add(Secret);
        Assert.Equal(NewText(SecretMasker.Mask), masker.MaskText(text));
    }

    [Fact]
    public void A_text_one_masker_found_clean_is_still_masked_by_another_that_knows_the_secret_in_it()
    {
        var text = NewText(Secret);
        Assert.Same(text, new SecretMasker(null).MaskText(text));
        Assert.Same(text, new SecretMasker(new CapturedLog.KnownSecrets([])).MaskText(text));

        Assert.Equal(NewText(SecretMasker.Mask), new SecretMasker(new CapturedLog.KnownSecrets([Secret])).MaskText(text));
    }

    [Fact]
    public void A_text_that_held_a_secret_is_searched_every_time()
    {
        var masker = new SecretMasker(new CapturedLog.KnownSecrets([Secret]));
        var text = NewText(Secret);
        Assert.Equal(NewText(SecretMasker.Mask), masker.MaskText(text));
        Assert.Equal(NewText(SecretMasker.Mask), masker.MaskText(text));
    }
}
