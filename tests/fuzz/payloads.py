"""Hostile text: what students paste, what the web serves, and what attacks every format we write.

Each payload is put in every text field of a map (see ``test_payloads.py``): claim text, label,
note, tags, source fields, step label, scheme and note, group, the title, and data keys and values.
Each one targets a syntax some output has: markup (HTML, SVG, XML), DOT, Argdown, Kialo, Markdown,
YAML and JSON, or the characters that break files (controls, surrogates, non-characters, line
separators) and the people reading them (bidirectional overrides).
"""

from __future__ import annotations

__all__ = ["PAYLOADS"]

PAYLOADS: tuple[str, ...] = (
    # markup: HTML, SVG, XML
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><text>x</text></svg>",
    "]]><![CDATA[ & ]]>",
    "<!-- open comment",
    "--> closed comment",
    "&amp; &lt;b&gt; &#x41; &bogus; &",
    "\" onmouseover=\"alert(1)\" '",
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>&e;",
    "<b>bold</b> <i>it</i> <br/>",
    # DOT and Graphviz labels
    'quote " and backslash \\ at the end \\',
    "\\l\\r\\n\\N\\G\\E\\T\\H \\\\l",
    "label=<<b>html</b>> ];\n digraph { a -> b }",
    "}} node [shape=none] {{",
    # Argdown
    "[Title]: a new statement",
    "<Argument>: a new argument",
    "  + [Support]: injected relation\n  - [Attack]: another",
    "// a line comment",
    "/* a block comment */ text /*",
    "(1) premise\n----\n(2) conclusion",
    "#tag #(bracket tag) @[mention] @<arg>",
    "{key: value, nested: {a: [1, 2]}}",
    "https://example.org/a?b=1#frag // not a comment",
    "===\ntitle: front matter\n===",
    ") closing paren and ( opening",
    "@include(../../etc/passwd)",
    # Kialo and Markdown
    "1.1. Con: a fake statement",
    "Discussion Title: a fake header\n1. fake thesis",
    "-> See 1.",
    "Pro: starts like a stance",
    "Sources:\n[1] https://example.org",
    "[link](javascript:alert(1)) ![img](data:text/html,x)",
    "# Heading\n* bullet\n> quote\n---",
    "*emph* _under_ `code` ~strike~ | table |",
    # YAML and JSON
    "key: value\n- item\n? complex",
    "!!python/object:os.system ls",
    "&anchor *alias <<: merge",
    "yes",
    "null",
    '{"format": "argmap", "claims": []}',
    # characters that break files
    "\x00NUL and \x01\x02\x1f C0 controls",
    "vertical\x0btab and form\x0cfeed, as pasted from Word",
    "carriage\rreturn and\r\nCRLF",
    "next\x85line, line\u2028separator, paragraph\u2029separator",
    "non-characters \ufffe \uffff and BOM \ufeff",
    "right-to-left \u202eoverride\u202c and \u2066isolate\u2069",
    "zero\u200bwidth\u200djoiner \u00a0nbsp",
    "lone surrogates \ud800 and \udfff",
    "emoji \U0001F600 and \U0001F1FA\U0001F1F8 flags, \u0301combining",
    "x" * 5000,
    "javascript:alert(document.cookie)",
    "  \t leading and trailing space \t  ",
)
