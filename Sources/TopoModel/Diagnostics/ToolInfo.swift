/// The tool's name and version, as `--version` prints them and as SARIF and
/// JUnit reports name their producer.
public enum ToolInfo {
    public static let name = "maestro-topo"
    public static let version = "0.1.0"
}
