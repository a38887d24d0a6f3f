#!/usr/bin/env bash
# Analyzer cost on a large real C# code base, from the compiler's own analyzer report (-p:ReportAnalyzer=true).
#
# Code base: Newtonsoft.Json 13.0.3 (net6.0 assembly of the NuGet package), decompiled to a C# project with
# ilspycmd 9.1.0.7988 (~52,000 lines, 250+ files); four decompiler artifacts are patched so it compiles.
# It is compiled once to warm up and then three times per variant (--no-incremental, through the compiler
# server as everyday builds are): with the ProductionReady analyzers, and with SonarAnalyzer.CSharp
# 9.32.0.97167 (the last open-source-licensed version) whose S2068 rule (DoNotHardcodeCredentials) is the
# comparison. Prints the Csc task time and each analyzer's time. COLD=1 compiles without the server instead
# (a fresh compiler process each time: every analyzer pays its JIT and first-use costs).
#
# Usage: tests/ProductionReady.Benchmarks/Analyzers/measure-analyzers.sh [work-dir]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=${1:-$(mktemp -d /tmp/prd-analyzer-perf.XXXXXX)}
runs=${RUNS:-3}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "work dir: $work"
mkdir -p "$work"
cd "$work"

# 1. Tools and packages through the ordinary clients.
[ -x ilspy/ilspycmd ] || dotnet tool install --tool-path ilspy ilspycmd --version 9.1.0.7988 >/dev/null
mkdir -p fetch
cat > fetch/fetch.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.3" /></ItemGroup>
</Project>
XML
dotnet restore fetch >/dev/null
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
dotnet build "$repo/analyzers/ProductionReady.Analyzers" -c Release -nologo -v:q >/dev/null

# 2. Decompile and patch the decompiler's artifacts.
if [ ! -f src/Newtonsoft.Json.csproj ]; then
  DOTNET_ROLL_FORWARD=Major ilspy/ilspycmd -p -o src "$packages/newtonsoft.json/13.0.3/lib/net6.0/Newtonsoft.Json.dll" >/dev/null
  sed -i 's/public override IEnumerable<T?> Values<T>()/public override IEnumerable<T?> Values<T>() where T : default/' src/Newtonsoft.Json.Linq/JContainer.cs
  sed -i 's/EventHandler<ErrorEventArgs>/EventHandler<Newtonsoft.Json.Serialization.ErrorEventArgs>/; s/internal void OnError(ErrorEventArgs e)/internal void OnError(Newtonsoft.Json.Serialization.ErrorEventArgs e)/' \
    src/Newtonsoft.Json/JsonSerializer.cs src/Newtonsoft.Json.Serialization/JsonSerializerProxy.cs
fi
cat > src/Newtonsoft.Json.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <AssemblyName>Newtonsoft.Json</AssemblyName>
    <GenerateAssemblyInfo>false</GenerateAssemblyInfo>
    <TargetFramework>net10.0</TargetFramework>
    <LangVersion>12.0</LangVersion>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <Nullable>annotations</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS0618;CS8500;CS0169;CS0649;CS0414;CS0108;CS0162;CS0219;CS1998;SYSLIB0011;SYSLIB0050;SYSLIB0051</NoWarn>
    <RootNamespace />
  </PropertyGroup>
  <ItemGroup Condition="'\$(Variant)' == 'productionready'">
    <Analyzer Include="$repo/analyzers/ProductionReady.Analyzers/bin/Release/netstandard2.0/ProductionReady.Analyzers.dll" />
  </ItemGroup>
  <ItemGroup Condition="'\$(Variant)' == 'sonar'">
    <PackageReference Include="SonarAnalyzer.CSharp" Version="9.32.0.97167" PrivateAssets="all" />
    <!-- S2068 is a security-hotspot rule: it runs only when SonarLint.xml activates it (as SonarQube does). -->
    <AdditionalFiles Include="SonarLint.xml" />
  </ItemGroup>
</Project>
XML
cat > src/SonarLint.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<AnalysisInput>
  <Settings></Settings>
  <Rules>
    <Rule><Key>S2068</Key><Parameters><Parameter><Key>credentialWords</Key><Value>password, passwd, pwd, passphrase</Value></Parameter></Parameters></Rule>
  </Rules>
  <Files></Files>
</AnalysisInput>
XML
echo "code base: $(find src -name '*.cs' | wc -l) files, $(find src -name '*.cs' -exec cat {} + | wc -l) lines"

# 3. Compile and read the compiler's report.
for variant in ${VARIANTS:-productionready sonar}; do
  dotnet restore src -p:Variant=$variant >/dev/null
  shared=true
  [ "${COLD:-0}" = 1 ] && shared=false
  dotnet build src -c Release --no-restore --no-incremental -nodeReuse:false -p:UseSharedCompilation=$shared -p:Variant=$variant > /dev/null
  for run in $(seq 1 "$runs"); do
    log="$work/$variant-$run.log"
    dotnet build src -c Release --no-restore --no-incremental -nodeReuse:false -p:UseSharedCompilation=$shared \
      -p:Variant=$variant -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log"
    csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{print $1}')
    total=$(grep -m1 'Total analyzer execution time' "$log" | grep -oE '[0-9]+\.[0-9]+')
    if [ "$variant" = productionready ]; then
      ours=$(grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+ProductionReady\.Analyzers, ' "$log" | head -1 | awk '{print $1}')
      echo "$variant run $run: Csc ${csc} ms; all analyzers ${total} s; ProductionReady.Analyzers ${ours} s"
      grep -E 'ProductionReady\.Analyzers\.[A-Za-z]+Analyzer' "$log" | head -6 | sed 's/^/    /'
    else
      s2068=$(grep -E 'DoNotHardcodeCredentials' "$log" | head -1 | awk '{print $1}')
      echo "$variant run $run: Csc ${csc} ms; all analyzers ${total} s; S2068 (DoNotHardcodeCredentials) ${s2068} s"
    fi
  done
done

# 4. In isolation: the same bound compilation, each rule alone, in one process (no other build competing).
mkdir -p inprocess
cp "$repo/tests/ProductionReady.Benchmarks/Analyzers/InProcessComparison.cs.txt" inprocess/Program.cs
cat > inprocess/inprocess.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.14.0" />
    <Reference Include="$repo/analyzers/ProductionReady.Analyzers/bin/Release/netstandard2.0/ProductionReady.Analyzers.dll" />
  </ItemGroup>
</Project>
XML
dotnet build inprocess -c Release -nologo -v:q >/dev/null
dotnet inprocess/bin/Release/net10.0/inprocess.dll "$work/src" "$packages/sonaranalyzer.csharp/9.32.0.97167/analyzers" "${ITERATIONS:-9}"
