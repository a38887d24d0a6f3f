using System.Diagnostics.CodeAnalysis;
using Serilog.Core;
using Serilog.Events;

namespace ProductionReady.Logging;

/// <summary>
/// Stands in for a logged object whose text holds a secret: every provider that writes the object's text gets the
/// masked text. Our Serilog pipeline, asked to destructure it (<c>{@Order}</c>), destructures the original instead
/// (<see cref="Destructuring"/>), and its masking stage then masks the members by name, keeping the structure.
/// </summary>
internal sealed class MaskedObject
{
    private readonly string _maskedText;

    public MaskedObject(object original, string maskedText)
    {
        Original = original;
        _maskedText = maskedText;
    }

    /// <summary>The object logged; only ever destructured inside our Serilog pipeline, ahead of its masking stage.</summary>
    public object Original { get; }

    public override string ToString() => _maskedText;

    /// <summary>Destructures the original object, for the masking stage to mask member by member.</summary>
    internal sealed class Destructuring : IDestructuringPolicy
    {
        public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
        {
            if (value is MaskedObject masked)
            {
                result = propertyValueFactory.CreatePropertyValue(masked.Original, destructureObjects: true);
                return true;
            }

            result = null;
            return false;
        }
    }
}
