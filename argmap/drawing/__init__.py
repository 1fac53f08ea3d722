"""Drawing maps: DOT building, themes, the layout engine, SVG, PNG/PDF and the self-contained page.

The pipeline, one module a stage:

- :mod:`~argmap.drawing.dot` builds the DOT of a map (a :class:`~argmap.drawing.dot.Drawing`,
  which also says what each drawn element stands for), with :mod:`~argmap.drawing.themes`,
  :mod:`~argmap.drawing.labels` and :mod:`~argmap.drawing.prompts`;
- :mod:`~argmap.drawing.svg` lays a drawing out as finished SVG (the only caller of
  :mod:`~argmap.drawing.engine`, the font fallback and :mod:`~argmap.drawing.accessibility`);
- :mod:`~argmap.drawing.raster` turns SVG into PNG or PDF;
- :mod:`~argmap.drawing.page` builds self-contained HTML pages; :mod:`~argmap.drawing.html` is
  the interactive map page on top of it (with :mod:`~argmap.drawing.inline_svg` and
  :mod:`~argmap.drawing.folds`);
- :mod:`~argmap.drawing.output` is the entry point: a map and
  :class:`~argmap.drawing.options.DrawingOptions` in, the bytes of a picture out.

Drawing takes evaluations and critical questions as data; ``argmap.render`` (in
``argmap.formats``) writes the files.
"""
