#!/usr/bin/env python3
"""doxygen INPUT_FILTER: rewrites the gtk-doc style comments of libreport's headers into
doxygen's, keeping every line where it is (so doxygen's warnings name the header's lines).

    /**                                   /**
     * lr_chart_draw:                      *
     * @chart: a chart                     * @param chart a chart
     * @value: (out): where                * @param[out] value where
     * Returns: the status                 * @return the status
     * Since: 0.1                          * @since 0.1
     */                                    */

- The leading "NAME:" (or "NAME, NAME, ...:") is dropped: doxygen documents the declaration
  that follows. A block naming several functions becomes a member group (/**@{*/ ... /**@}*/)
  whose documentation DISTRIBUTE_GROUP_DOC gives to each.
- In a struct's block, "@field: text" becomes the field's own documentation (/**< text */
  after the field in the struct body).
- An enum value's trailing /* comment */ becomes its documentation (/**< ... */).
- The header's first comment becomes its @file documentation.
- "@name" elsewhere in the text becomes "@p name"; <, > and & are escaped (the text is not
  HTML).

Usage: gtkdoc-filter.py HEADER (writes the filtered header to standard output).
"""
import os
import re
import sys

BLOCK = re.compile(r"/\*\*(?!<)(.*?)\*/", re.S)
NAMES = re.compile(r"^\s*\*?\s*((?:[A-Za-z_]\w*\s*,\s*(?:\*\s*)?)*[A-Za-z_]\w*)\s*:(?!:)")
# "@name: text", "@a, @b: text" (several arguments alike), "@name: (out): text".
ARG_LINE = re.compile(r"^(\s*\*\s*)@(\w+(?:\s*,\s*@\w+)*):\s*(?:\((out|in|inout)\):\s*)?(.*)$")


def escape(text):
    text = text.replace("&", "\\&").replace("<", "\\<").replace(">", "\\>")
    text = text.replace("#include", "\\#include")
    text = re.sub(r"(?<![\w\\])@(?!(?:def|param|return|since)\b)(\w+)", r"@p \1", text)
    text = re.sub(r"\bReturns:", "@return", text)
    return re.sub(r"\bSince:", "@since", text)


def convert_block(body, following):
    """(new comment body, member group names or None, field docs or None)."""
    match = NAMES.match(body)
    names = []
    if match:
        names = [n.strip(" *\n") for n in match.group(1).split(",")]
        blank = re.sub(r"[^\n]", " ", body[match.start(1):match.end()])
        # A macro is named explicitly: its #define may sit in a branch of #if further on.
        # (Only when the name has its line: @def takes the rest of the line.)
        if (len(names) == 1 and re.fullmatch(r"LR_[A-Z0-9_]+", names[0])
                and not body[match.end():].split("\n", 1)[0].strip()):
            blank = ("@def " + names[0]).ljust(len(blank))
        body = body[:match.start(1)] + blank + body[match.end():]
    is_struct = re.match(r"\s*typedef\s+struct\s*\{", following) is not None
    fields = {}
    lines = body.split("\n")
    out = []
    current = None  # the field whose documentation continues on this line
    for line in lines:
        arg = ARG_LINE.match(line)
        if arg:
            prefix, name, direction, text = arg.groups()
            name = re.sub(r"\s*,\s*@", ",", name)
            if is_struct:
                fields[name] = [text]
                current = name
                out.append(prefix.rstrip())
                continue
            current = None
            tag = "@param[%s]" % direction if direction else "@param"
            out.append("%s%s %s %s" % (prefix, tag, name, escape(text)))
            continue
        if current is not None:
            continuation = re.match(r"^\s*\*\s{2,}(\S.*)$", line)
            if continuation:
                fields[current].append(continuation.group(1))
                out.append(" *")
                continue
            current = None
        out.append(escape(line))
    return "\n".join(out), (names if len(names) > 1 else None), (fields if is_struct else None)


def document_fields(struct_text, fields):
    """Appends /**< doc */ to each field declaration named in @fields (on its line)."""
    lines = struct_text.split("\n")
    for i, line in enumerate(lines):
        declaration = re.match(r"^(\s*[^;{}]*?;)(.*)$", line)
        if not declaration or "typedef" in line:
            continue
        names = re.findall(r"(\w+)\s*(?:\[[^]]*\])?\s*(?:,|;)", declaration.group(1))
        docs = [" ".join(fields[n]) for n in names if n in fields]
        if docs:
            lines[i] = declaration.group(1) + " /**< " + escape(" ".join(docs)) + " */" + \
                declaration.group(2)
    return "\n".join(lines)


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    out = []
    at = 0
    pending_group_end = None  # the last name of an open member group
    for match in BLOCK.finditer(text):
        out.append(text[at:match.start()])
        following = text[match.end():]
        body, group, fields = convert_block(match.group(1), following)
        if group:
            out.append("/**@{*/")
            pending_group_end = group[-1]
        out.append("/**" + body + "*/")
        at = match.end()
        if fields is not None:
            end = following.index("}")
            out.append(document_fields(following[:end], fields))
            at += end
        if pending_group_end:
            # Close the group after the last named declaration's ';'.
            name = re.search(r"\b%s\s*\(" % re.escape(pending_group_end), text[at:])
            if name:
                close = text.index(";", at + name.end()) + 1
                nxt = BLOCK.search(text, at)
                if not nxt or nxt.start() > close:
                    out.append(text[at:close] + " /**@}*/")
                    at = close
                    pending_group_end = None
    out.append(text[at:])
    result = "".join(out)
    # Enum values: their trailing comment is their documentation.
    result = re.sub(r"^(\s*LR_\w+(?:\s*=\s*[^,/\n]+)?,?\s*)/\*(?!\*)(.*?)\*/", r"\1/**<\2*/",
                    result, flags=re.M)
    # The header's opening comment ("libreport: charts. ...") documents the file: without
    # that, doxygen documents (and checks) nothing else in it.
    if sys.argv[1].endswith(".h") and result.startswith("/* "):
        result = "/** @file %s %s" % (os.path.basename(sys.argv[1]),
                                      result[3:].replace("#include", "\\#include", 1))
    sys.stdout.write(result)


if __name__ == "__main__":
    main()
