import TopoModel
import TopoPlan
import TopoRender
import TopoSystem

/// The topology picture for `plan --format html`: the SVG `graph --format
/// svg` prints, drawn by Graphviz from the same DOT. Without Graphviz the
/// page still comes out, saying what to install instead of showing it.
public enum PlanPicture {
    /// What the page shows where the picture goes, tried once.
    public static func draw(_ topology: ResolvedTopology) -> TopologyPicture {
        do {
            return .svg(try Graphviz.svg(fromDOT: GraphDOTRenderer.render(TopologyGraph(topology))))
        } catch {
            return .unavailable(reason: error.isMissing ? missing : failed)
        }
    }

    static let missing = "Graphviz's 'dot' is not installed here. Install the 'graphviz' package "
        + "(apt-get install graphviz, brew install graphviz) and run maestro-topo plan --format html again."

    /// `dot`'s own messages went to standard error; the page says where to
    /// see them again.
    static let failed = "Graphviz's 'dot' could not draw it; "
        + "maestro-topo graph --format svg on the same file shows why."
}
