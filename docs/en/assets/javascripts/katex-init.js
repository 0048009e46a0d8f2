// Render math with the vendored KaTeX. document$ is Material's page observable, so this also
// runs after instant navigation.
// - Markdown pages: pymdownx.arithmatex (generic mode) leaves \( \) and \[ \] in .arithmatex.
// - Notebook pages (mkdocs-jupyter): the cells keep Jupyter's $ and $$ delimiters.
document$.subscribe(({ body }) => {
  for (const element of body.querySelectorAll(".arithmatex")) {
    renderMathInElement(element, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true },
      ],
      throwOnError: true,
    });
  }
  for (const element of body.querySelectorAll(".jupyter-wrapper .jp-MarkdownOutput")) {
    renderMathInElement(element, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      throwOnError: true,
    });
  }
});
