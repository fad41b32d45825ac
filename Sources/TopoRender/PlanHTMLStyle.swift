/// The plan page's style sheet, inline in the page: system fonts only, no
/// URL anywhere, and sections that keep together when printed.
enum PlanHTMLStyle {
    static let sheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
               color: #1b1f23; background: #fff; margin: 2em auto; max-width: 75em; padding: 0 1.5em; line-height: 1.45; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; }
        h2 { font-size: 1.3em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; margin-top: 2em; }
        h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
        code { background: #f3f4f6; padding: 0.05em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
        pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; padding: 0.7em 1em; overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.4em 0 1em; width: 100%; }
        th, td { border: 1px solid #d0d7de; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; }
        figure { margin: 1em 0; text-align: center; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9em; color: #57606a; }
        .note { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 0.7em 1em; }
        .summary { color: #57606a; }
        @media print { section { break-inside: avoid-page; } nav { display: none; } a { color: inherit; text-decoration: none; } }

        """
}
