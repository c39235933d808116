#!/usr/bin/env bash
# Fuzzes the tokenizer, parser and evaluator with libFuzzer (Debian's clang).
#
#   tools/fuzz.sh [SECONDS]     each fuzzer runs SECONDS (default 60)
#
# Builds //lang/fuzz:{parser,eval}_fuzzer_bin with clang in a Bazel output base
# of its own (so the gcc build's cache is untouched), runs each over a scratch
# copy of its corpus, and merges the inputs that reach new code into
# tests/fuzz_corpus/ (commit them: every build runs the corpora as tests). A
# crash leaves its input in the current directory and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

if [[ ! -e /usr/bin/clang || -z "$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ]]; then
  if ((EUID != 0)); then
    echo "fuzz.sh: run: sudo apt-get install clang libclang-rt-dev" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-dev >&2
fi

output_base="${HOME}/.cache/islet-fuzz-bazel"
CC=clang CXX=clang++ ./bazelw --output_base="${output_base}" build --config=fuzz \
  --symlink_prefix=/ //lang/fuzz:parser_fuzzer_bin //lang/fuzz:eval_fuzzer_bin
bin=$(CC=clang CXX=clang++ ./bazelw --output_base="${output_base}" info --config=fuzz bazel-bin 2>/dev/null)

status=0
for name in parser eval; do
  corpus="tests/fuzz_corpus/${name}"
  scratch=$(mktemp -d)
  cp "${corpus}"/* tests/golden/cpython_oracle/*.py "${scratch}/"
  echo "=== ${name}_fuzzer for ${seconds}s"
  "${bin}/lang/fuzz/${name}_fuzzer_bin" -max_total_time="${seconds}" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "${scratch}" || status=1
  # Keep only inputs that add coverage.
  "${bin}/lang/fuzz/${name}_fuzzer_bin" -merge=1 "${corpus}" "${scratch}" >/dev/null 2>&1 || true
  rm -rf "${scratch}"
done
exit "${status}"
