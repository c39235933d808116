// A tiny program that links abseil and gflags; the README's run command starts it
// until islet has a shell.

#include <iostream>

#include "absl/strings/str_cat.h"
#include "gflags/gflags.h"

DEFINE_string(name, "islet", "who to greet");

int main(int argc, char** argv) {
  gflags::ParseCommandLineFlags(&argc, &argv, /*remove_flags=*/true);
  std::cout << absl::StrCat("hello from ", FLAGS_name) << std::endl;
  return 0;
}
