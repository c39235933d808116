// An embedder's program. It sees only islet's public headers (one include path)
// and links libislet: it runs two isolated interpreters on two threads, builds
// objects in each, defines a class whose __repr__ is C++, runs Python code, and
// reports errors the way an embedder gets them.

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "islet/islet.h"

namespace {

// Builds [0, step, 2*step, ...] in a new interpreter and returns its repr.
std::string BuildInOwnInterpreter(int64_t step) {
  absl::StatusOr<islet::Interpreter*> interp = islet::Runtime::CreateInterpreter();
  if (!interp.ok()) return std::string(interp.status().message());
  std::string text;
  {
    islet::AttachGuard attached(**interp);
    islet::Ref<islet::Object> list = islet::NewList();
    for (int64_t i = 0; i < 5; ++i) islet::ListItems(list.get()).push_back(islet::NewInt(i * step));
    text = islet::ReprText(list.get()).value_or("<repr failed>");
  }
  absl::Status destroyed = islet::Runtime::DestroyInterpreter(*interp);
  return destroyed.ok() ? text : std::string(destroyed.message());
}

// class Point: __repr__ written in C++, made with type(name, bases, namespace).
std::string DefineAndShowPoint() {
  islet::Ref<islet::Object> repr =
      islet::NewFunction("__repr__", [](const islet::CallArgs& args) -> islet::Ref<islet::Object> {
        islet::Ref<islet::Object> x = islet::GetAttr(args.args[0], "x");
        if (!x) return nullptr;
        std::string text = "Point(x=" + islet::ReprText(x.get()).value_or("?") + ")";
        return islet::NewStr(text);
      });
  islet::Ref<islet::Object> namespace_dict = islet::NewDict();
  islet::DictSet(namespace_dict.get(), islet::NewStr("__repr__").get(), repr.get());
  islet::Ref<islet::Object> point =
      islet::Call(islet::WellKnownType(islet::WellKnown::kType),
                  {islet::NewStr("Point").get(), islet::NewTuple({}).get(), namespace_dict.get()});
  if (!point) return std::string(islet::TakeExceptionAsStatus().message());
  islet::Ref<islet::Object> p = islet::Call(point.get(), {});
  if (!p || !islet::SetAttr(p.get(), islet::Interpreter::Current()->Intern("x"),
                            islet::NewInt(3).get())) {
    return std::string(islet::TakeExceptionAsStatus().message());
  }
  return islet::ReprText(p.get()).value_or("<repr failed>");
}

}  // namespace

int main() {
  if (absl::Status status = islet::Runtime::Initialize(); !status.ok()) {
    std::fprintf(stderr, "initialize: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  std::string results[2];
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&results, i] { results[i] = BuildInOwnInterpreter(i + 1); });
  }
  for (std::thread& thread : threads) thread.join();
  std::printf("interpreter A built %s\n", results[0].c_str());
  std::printf("interpreter B built %s\n", results[1].c_str());
  {
    islet::AttachGuard attached(*islet::Runtime::MainInterpreter());
    std::printf("main defined %s\n", DefineAndShowPoint().c_str());
    islet::Ref<islet::Object> missing = islet::GetAttr(islet::None(), "foo");
    if (!missing) {
      absl::Status error = islet::TakeExceptionAsStatus();
      std::printf("error: %s\n", std::string(error.message()).c_str());
    }
  }
  // Code in islet's Python subset; its uncaught exception comes back as a status.
  islet::Interpreter& main_interpreter = *islet::Runtime::MainInterpreter();
  absl::Status ran =
      main_interpreter.Exec("squares = [n * n for n in range(5)]\nprint('python says', squares)");
  if (!ran.ok()) std::printf("exec failed: %s\n", std::string(ran.message()).c_str());
  absl::Status failed = main_interpreter.Exec("squares[10]");
  std::printf("exec error: %s\n", std::string(failed.message()).c_str());
  if (absl::Status status = islet::Runtime::Finalize(); !status.ok()) {
    std::fprintf(stderr, "finalize: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  return 0;
}
