// libFuzzer entry point for lang/parser.h: any bytes must parse to a tree or a
// SyntaxError, never crash, hang or overflow the stack. Seeds are in
// tests/fuzz_corpus/parser/. It needs clang's -fsanitize=fuzzer, so no Bazel
// target builds it with the normal (gcc) toolchain; by hand (one command):
//
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -I.
//       lang/fuzz/parser_fuzzer.cc lang/parser.cc lang/tokenizer.cc -o parser_fuzzer
//       -labsl_str_format_internal -labsl_strings -labsl_strings_internal
//       -labsl_int128 -labsl_throw_delegate -labsl_raw_logging_internal -labsl_base
//   mkdir -p /tmp/corpus && cp tests/fuzz_corpus/parser/* /tmp/corpus/
//   ./parser_fuzzer -max_len=2000 -timeout=5 /tmp/corpus

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lang/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  islet::lang::ParseResult result = islet::lang::Parse(source);
  if (!result.module && result.error.message.empty()) __builtin_trap();
  return 0;
}
