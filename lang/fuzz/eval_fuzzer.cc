// libFuzzer entry point for the evaluator: any bytes, run as a script in a
// fresh subinterpreter, must end normally or with a Python exception, never
// crash, leak or hang. Seeds are in tests/fuzz_corpus/eval/.
//
// Inputs run under a step limit (lang::SetStepLimitForTesting), so a loop that
// never ends raises instead of hanging. Inputs that import modules are skipped
// (threads and interpreters outliving an input would tie inputs together), as
// are huge constants, `**` and shifts, which make arbitrarily large numbers in
// one step: memory, not a bug, is what such an input finds.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "interp/interpreter.h"
#include "lang/eval.h"
#include "objects/errors.h"
#include "runtime/runtime.h"

namespace {

bool Skipped(std::string_view source) {
  if (source.find("import") != std::string_view::npos) return true;
  if (source.find("**") != std::string_view::npos || source.find("<<") != std::string_view::npos) {
    return true;
  }
  int digits = 0;
  for (char c : source) {
    digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
    if (digits > 4) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  if (Skipped(source)) return 0;
  if (!islet::Runtime::IsInitialized() && !islet::Runtime::Initialize().ok()) std::abort();
  absl::StatusOr<islet::Interpreter*> interp = islet::Runtime::CreateInterpreter();
  if (!interp.ok()) std::abort();
  {
    islet::AttachGuard attached(**interp);
    islet::lang::SetStepLimitForTesting(20000);
    std::FILE* saved = stdout;  // print() goes nowhere
    stdout = std::fopen("/dev/null", "w");
    if (!islet::lang::ExecMain(source, "<fuzz>")) islet::ClearException();
    std::fclose(stdout);
    stdout = saved;
    islet::lang::SetStepLimitForTesting(0);
  }
  if (!islet::Runtime::DestroyInterpreter(*interp).ok()) std::abort();
  return 0;
}
