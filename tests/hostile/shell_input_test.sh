#!/usr/bin/env bash
# The shell's handling of its input, beside the golden scripts (which need a
# readable .py): a directory, a missing or unreachable file, null bytes in a
# file or on stdin, and endless input (/dev/zero), each with the message and the
# exit status CPython gives (CPython reads /dev/zero forever; the shell stops at
# the first null byte). Usage: shell_input_test.sh SHELL
set -uo pipefail

shell=$1
tmp=$(mktemp -d)
trap 'rm -rf "${tmp}"' EXIT
failed=0

# expect NAME STATUS OUTPUT COMMAND...: COMMAND prints OUTPUT (stdout and
# stderr) and exits with STATUS, within a time limit.
expect() {
  local name=$1 want_status=$2 want_output=$3
  shift 3
  local output status
  output=$(timeout 60 "$@" 2>&1)
  status=$?
  if [[ "${status}" != "${want_status}" || "${output}" != "${want_output}" ]]; then
    echo "FAIL: ${name}: exit status ${status} (want ${want_status}); output:"
    echo "${output}"
    echo "--- want:"
    echo "${want_output}"
    failed=$((failed + 1))
  else
    echo "ok: ${name}"
  fi
}

# The shell reading its argument on its standard input.
stdin_from=(bash -c '"$0" <"$1"' "${shell}")

expect "a directory" 1 "shell: can't run '${tmp}': [Errno 21] Is a directory" \
  "${shell}" "${tmp}"
expect "a missing file" 2 \
  "shell: can't open file '${tmp}/missing.py': [Errno 2] No such file or directory" \
  "${shell}" "${tmp}/missing.py"
printf 'print(1)\n' >"${tmp}/file.py"
expect "a path through a file" 2 \
  "shell: can't open file '${tmp}/file.py/x.py': [Errno 20] Not a directory" \
  "${shell}" "${tmp}/file.py/x.py"

printf 'print(1)\nx = "a\0b"\nprint(2)\n' >"${tmp}/nul.py"
expect "a null byte in a file" 1 "  File \"${tmp}/nul.py\", line 2
    x = \"a
SyntaxError: source code cannot contain null bytes" "${shell}" "${tmp}/nul.py"
expect "a null byte on stdin" 1 "  File \"<stdin>\", line 2
    x = \"a
SyntaxError: source code cannot contain null bytes" "${stdin_from[@]}" "${tmp}/nul.py"
printf '\0print(1)\n' >"${tmp}/first.py"
expect "a null byte first" 1 "  File \"${tmp}/first.py\", line 1
    
SyntaxError: source code cannot contain null bytes" "${shell}" "${tmp}/first.py"

expect "/dev/zero as the script" 1 "  File \"/dev/zero\", line 1
    
SyntaxError: source code cannot contain null bytes" "${shell}" /dev/zero
expect "/dev/zero on stdin" 1 "  File \"<stdin>\", line 1
    
SyntaxError: source code cannot contain null bytes" "${stdin_from[@]}" /dev/zero

if ((failed > 0)); then
  echo "${failed} failed"
  exit 1
fi
echo "all passed"
