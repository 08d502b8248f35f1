#!/usr/bin/env python3
"""routes.py -- print the route table of src/http/routes.c as
"METHOD PATTERN PERM FLAGS" lines, for tests/http/t_routes.sh."""
import re
import sys

src = open(sys.argv[1], encoding="utf-8").read()
body = src[src.index("const struct route routes[]"):]
for m in re.finditer(r'\{\s*METHOD_(GET|POST)\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*(PERM_\w+)\s*,\s*([^}]*)\}', body):
    flags = re.sub(r"\s+", "", m.group(4)) or "0"
    print(m.group(1), m.group(2), m.group(3), flags)
