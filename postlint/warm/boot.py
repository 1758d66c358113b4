"""Start a warm server: `python boot.py SOCKET LOCK PATH...`, as `client.start_server` runs it.

Run as a script, so that the first entry of the import path is this folder, never the
caller's working folder (which `-c` or `-m` would put there); the caller's own import path
then replaces it before anything of postlint is imported.
"""

import sys

socket_path, lock_path = sys.argv[1], sys.argv[2]
sys.path[:] = sys.argv[3:]

from postlint.warm.server import serve  # noqa: E402 - only once the import path is the caller's

serve(socket_path, lock_path)
