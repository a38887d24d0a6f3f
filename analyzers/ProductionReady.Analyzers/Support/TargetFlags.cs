
namespace ProductionReady.Analyzers;

/// <summary>How a value reaches its credential target.</summary>
[System.Flags]
internal enum TargetFlags
{
    None = 0,

    /// <summary>A constant (const or static readonly): its value may be the name of a field or key.</summary>
    NameConstant = 1,

    /// <summary>Only the collection's name says it holds secrets: the value must look like one on its own.</summary>
    CollectionName = 2,

    /// <summary>The value is turned into bytes on its way (u8 literal, GetBytes, FromHexString).</summary>
    Bytes = 4,
}
