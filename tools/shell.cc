// islet's shell: runs a script in the main interpreter, or reads code at an
// interactive prompt, as `python` does.
//
//   bazel run //tools:shell -- script.py     run the file (relative to where bazel ran)
//   bazel run //tools:shell                  a prompt on a terminal; else runs stdin
//
// An uncaught exception prints its traceback and "TypeName: message" on stderr
// and the exit status is 1 (`raise SystemExit(n)` exits with n). A script that
// cannot be opened or read exits with 2, a directory with 1 (CPython's
// statuses), each with a message naming the path.

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "interp/interpreter.h"
#include "lang/eval.h"
#include "lang/parser.h"
#include "lang/traceback.h"
#include "modules/threading/threading.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"

namespace islet {
namespace {

// The exit status for an uncaught exception (printing it), or for SystemExit.
int ReportUncaught() {
  Ref<Object> exception = TakeException();
  if (!exception) return 0;
  // SystemExit(code): exit with an int code, or print anything else and exit 1.
  if (IsInstance(exception.get(), WellKnown::kSystemExit)) {
    Ref<Object> code = GetAttr(exception.get(), "code");
    if (!code) {
      ClearException();
      return 1;
    }
    if (code.get() == None()) return 0;
    if (IsInstance(code.get(), WellKnown::kInt)) {
      std::optional<int64_t> value = IntAsInt64(code.get());
      return value ? static_cast<int>(*value) : 255;
    }
    std::optional<std::string> text = StrText(code.get());
    if (!text) ClearException();
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", text.value_or("").c_str());
    return 1;
  }
  std::string text = lang::FormatUncaught(exception.get());
  std::fflush(stdout);
  std::fputs(text.c_str(), stderr);
  return 1;
}

// A path given on the command line, relative to where `bazel run` was started.
std::string ResolvePath(const std::string& path) {
  const char* workspace = std::getenv("BUILD_WORKING_DIRECTORY");
  if (path.empty() || path[0] == '/' || workspace == nullptr) return path;
  return std::string(workspace) + "/" + path;
}

int RunSource(const std::string& source, const std::string& filename) {
  return lang::ExecMain(source, filename) ? 0 : ReportUncaught();
}

// Reads `file` to its end in chunks, stopping after the first null byte: the
// source is a SyntaxError there anyway, and a stream of them (/dev/zero) would
// otherwise never end. Returns errno on a read error, else 0.
int ReadSource(std::FILE* file, std::string& source) {
  char chunk[1 << 16];
  for (;;) {
    size_t read = std::fread(chunk, 1, sizeof(chunk), file);
    if (const void* nul = std::memchr(chunk, '\0', read)) {
      source.append(chunk, static_cast<const char*>(nul) - chunk + 1);
      return 0;
    }
    source.append(chunk, read);
    if (read < sizeof(chunk)) return std::ferror(file) ? (errno != 0 ? errno : EIO) : 0;
  }
}

// Runs the script at `path` (as given: `shown`).
int RunFile(const std::string& path, const char* shown) {
  auto fail = [&](std::string_view what, int error, int status) {
    std::fprintf(stderr, "shell: %.*s '%s': [Errno %d] %s\n", static_cast<int>(what.size()),
                 what.data(), shown, error, std::strerror(error));
    return status;
  };
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return fail("can't open file", errno, 2);
  struct stat info;
  if (fstat(fileno(file), &info) == 0 && S_ISDIR(info.st_mode)) {
    std::fclose(file);
    return fail("can't run", EISDIR, 1);
  }
  std::string source;
  errno = 0;
  int error = ReadSource(file, source);
  std::fclose(file);
  if (error != 0) return fail("can't read file", error, 2);
  return RunSource(source, shown);
}

// Whether `buffer` still needs lines: a compound statement (its first line
// opens a block, or is a decorator) goes on until an empty line, as at
// CPython's prompt; anything else while it is unfinished (an open bracket,
// string or continuation).
bool NeedsMoreInput(const std::string& buffer, const std::string& last_line) {
  std::string first = buffer.substr(0, buffer.find('\n'));
  first.erase(first.find_last_not_of(" \t") + 1);
  if ((!first.empty() && first.back() == ':') || first.starts_with("@")) {
    return last_line.find_first_not_of(" \t") != std::string::npos;
  }
  lang::ParseResult parsed = lang::Parse(buffer);
  return !parsed.module && parsed.error.incomplete;
}

int RunInteractive() {
  std::string buffer;
  int status = 0;
  for (;;) {
    std::fputs(buffer.empty() ? ">>> " : "... ", stdout);
    std::fflush(stdout);
    std::string line;
    if (!std::getline(std::cin, line)) {
      std::fputs("\n", stdout);
      break;
    }
    if (buffer.empty() && line.find_first_not_of(" \t") == std::string::npos) continue;
    buffer += line + "\n";
    if (NeedsMoreInput(buffer, line)) continue;
    if (!lang::ExecMain(buffer, "<stdin>", lang::ExecMode::kInteractive)) {
      Ref<Object> exception = TakeException();
      if (IsInstance(exception.get(), WellKnown::kSystemExit)) {
        RaiseObject(std::move(exception));
        status = ReportUncaught();
        break;
      }
      RaiseObject(std::move(exception));
      ReportUncaught();
    }
    buffer.clear();
  }
  return status;
}

int Main(int argc, char** argv) {
  if (argc > 2) {
    std::fprintf(stderr, "usage: shell [FILE.py]\n");
    return 2;
  }
  if (absl::Status status = Runtime::Initialize(); !status.ok()) {
    std::fprintf(stderr, "islet: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  int exit_status = 0;
  Interpreter* main_interpreter = Runtime::MainInterpreter();
  {
    AttachGuard attached(*main_interpreter);
    if (argc == 2) {
      exit_status = RunFile(ResolvePath(argv[1]), argv[1]);
    } else if (isatty(STDIN_FILENO)) {
      exit_status = RunInteractive();
    } else {
      std::string source;
      errno = 0;
      if (int error = ReadSource(stdin, source); error != 0) {
        std::fprintf(stderr, "shell: can't read stdin: [Errno %d] %s\n", error,
                     std::strerror(error));
        exit_status = 2;
      } else {
        exit_status = RunSource(source, "<stdin>");
      }
    }
    // Like CPython at exit: wait for the threads the program started.
    WaitForAllThreads();
  }
  std::fflush(stdout);
  // A daemon thread still runs: the runtime cannot be finalized under it, and
  // the process is ending anyway, so leave without running destructors.
  if (RunningThreads(*main_interpreter) > 0) {
    std::fflush(stderr);
    std::_Exit(exit_status);
  }
  if (absl::Status status = Runtime::Finalize(); !status.ok()) {
    std::fprintf(stderr, "islet: %s\n", std::string(status.message()).c_str());
    return exit_status == 0 ? 1 : exit_status;
  }
  return exit_status;
}

}  // namespace
}  // namespace islet

int main(int argc, char** argv) { return islet::Main(argc, argv); }
