import TopoModel

/// DIR as the writer works with it: a path whose last part is the folder's
/// own name. The lock and the temporary folder go beside DIR, into the
/// folder above that last part; with `DIR/.` they would land inside DIR
/// itself (which is then no longer empty), so a trailing `/.` is dropped.
/// A last part that is no name (`.`, `..`) is refused: the bundle takes
/// DIR's place as a whole, which needs DIR's name in its parent.
enum BundleTarget {
    static func resolve(_ directory: String) throws(ToolError) -> String {
        var target = directory
        while true {
            if target.utf8.count > 1, target.hasSuffix("/") {
                target.removeLast()
            } else if target.hasSuffix("/."), target != "/." {
                target.removeLast(2)
            } else {
                break
            }
        }
        if target == "/." { target = "/" }
        let last = target.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        switch last {
        case "" where target.isEmpty:
            throw ToolError.refused(path: directory, reason: "no folder is named; give the bundle folder's path")
        case "":
            throw ToolError.refused(path: directory, reason: "the root folder cannot hold a bundle; name a folder for it")
        case ".":
            throw ToolError.refused(
                path: directory,
                reason: "it is the current folder, which the bundle would replace as a whole (a shell in it would be "
                    + "left in the removed one); name it from outside, for example ../NAME")
        case "..":
            throw ToolError.refused(
                path: directory,
                reason: "a path ending in '..' does not say the folder's own name, which the bundle needs to take its "
                    + "place; name the folder itself, for example by its absolute path")
        default:
            return target
        }
    }
}
