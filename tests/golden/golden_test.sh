#!/usr/bin/env bash
# Golden test: runs each script through the shell and compares what it prints
# (stdout and stderr together, as CPython's oracle recorded them) with its .out
# file, line for line. Usage: golden_test.sh SHELL FILE... (the .py files among
# FILEs are run; each NAME.py needs NAME.out beside it).
set -uo pipefail

shell=$1
shift
failed=0
scripts=()
for file in "$@"; do
  [[ "${file}" == *.py ]] && scripts+=("${file}")
done
for script in "${scripts[@]}"; do
  expected="${script%.py}.out"
  actual=$(mktemp)
  "${shell}" "${script}" >"${actual}" 2>&1
  status=$?
  if ! diff -u "${expected}" "${actual}"; then
    echo "FAIL: ${script} (exit status ${status}): output differs from ${expected}"
    failed=$((failed + 1))
  elif ((status != 0)); then
    echo "FAIL: ${script} exited with status ${status}"
    failed=$((failed + 1))
  else
    echo "ok: ${script}"
  fi
  rm -f "${actual}"
done
echo "$((${#scripts[@]} - failed)) of ${#scripts[@]} scripts match"
exit $((failed > 0 || ${#scripts[@]} == 0))
