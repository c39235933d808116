#!/usr/bin/env bash
# Builds docs/examples/embed/embed.cc the way an embedder would, from the SDK
# tarball alone (its include/ and lib/, no Bazel include paths), against the
# shared and then the static library, runs both and compares their output.
set -euo pipefail
sdk=$1 source=$2 expected=$3
work=$(mktemp -d "${TEST_TMPDIR:-/tmp}/embed.XXXXXX")
tar -C "$work" -xf "$sdk"
system_libs=(-labsl_statusor -labsl_status -labsl_cord -labsl_strerror -labsl_str_format_internal
             -labsl_strings -labsl_strings_internal -labsl_int128 -labsl_throw_delegate
             -labsl_raw_logging_internal -labsl_base -labsl_raw_hash_set -labsl_hash -labsl_city
             -labsl_low_level_hash -lgmp -licuuc -pthread)
flags=(-std=c++20 -Wall -Wextra -Werror -I "$work/include")
# An SDK built with --config=asan or --config=tsan is instrumented: so must be the
# program linking it.
if nm "$work/lib/libislet.a" 2>/dev/null | grep ' U __asan_init' >/dev/null; then
  flags+=(-fsanitize=address,undefined)
elif nm "$work/lib/libislet.a" 2>/dev/null | grep ' U __tsan_init' >/dev/null; then
  flags+=(-fsanitize=thread)
fi
g++ "${flags[@]}" "$source" -o "$work/embed_shared" -L "$work/lib" -lislet \
    -Wl,-rpath,"$work/lib" "${system_libs[@]}"
g++ "${flags[@]}" "$source" -o "$work/embed_static" \
    -Wl,--whole-archive "$work/lib/libislet.a" -Wl,--no-whole-archive "${system_libs[@]}"
for binary in embed_shared embed_static; do
  if ! diff -u "$expected" <("$work/$binary"); then
    echo "FAIL: $binary printed something else" >&2
    exit 1
  fi
  echo "ok: $binary"
done
