#include "tools/bench/counting_allocator.h"

#include <malloc.h>

#include <cstdlib>
#include <new>

namespace islet::bench {
namespace {

// Per thread, constant-initialized: no TLS guard on the allocation path, and no
// cache line shared between threads.
struct ThreadCounts {
  bool counting = false;
  AllocationCounts counts;
};
constinit thread_local ThreadCounts thread_counts;

void CountAllocation(void* pointer) {
  ThreadCounts& counts = thread_counts;
  if (!counts.counting || pointer == nullptr) return;
  counts.counts.live_bytes += static_cast<int64_t>(malloc_usable_size(pointer));
  counts.counts.live_blocks += 1;
}

void CountFree(void* pointer) {
  ThreadCounts& counts = thread_counts;
  if (!counts.counting || pointer == nullptr) return;
  counts.counts.live_bytes -= static_cast<int64_t>(malloc_usable_size(pointer));
  counts.counts.live_blocks -= 1;
}

void* Allocate(size_t size) {
  void* pointer = std::malloc(size != 0 ? size : 1);
  if (pointer == nullptr) throw std::bad_alloc();
  CountAllocation(pointer);
  return pointer;
}

void* AllocateAligned(size_t size, std::align_val_t alignment) {
  void* pointer = nullptr;
  size_t align = static_cast<size_t>(alignment);
  if (align < sizeof(void*)) align = sizeof(void*);
  if (posix_memalign(&pointer, align, size != 0 ? size : 1) != 0) throw std::bad_alloc();
  CountAllocation(pointer);
  return pointer;
}

void Free(void* pointer) {
  CountFree(pointer);
  std::free(pointer);
}

}  // namespace

AllocationCounter::AllocationCounter()
    : start_(thread_counts.counts), was_counting_(thread_counts.counting) {
  thread_counts.counting = true;
}

AllocationCounter::~AllocationCounter() { thread_counts.counting = was_counting_; }

AllocationCounts AllocationCounter::counts() const {
  return AllocationCounts{
      .live_bytes = thread_counts.counts.live_bytes - start_.live_bytes,
      .live_blocks = thread_counts.counts.live_blocks - start_.live_blocks,
  };
}

}  // namespace islet::bench

// The replaceable global allocation functions. The nothrow forms are left to the
// standard library, which implements them with these.
void* operator new(size_t size) { return islet::bench::Allocate(size); }
void* operator new[](size_t size) { return islet::bench::Allocate(size); }
void* operator new(size_t size, std::align_val_t alignment) {
  return islet::bench::AllocateAligned(size, alignment);
}
void* operator new[](size_t size, std::align_val_t alignment) {
  return islet::bench::AllocateAligned(size, alignment);
}
void operator delete(void* pointer) noexcept { islet::bench::Free(pointer); }
void operator delete[](void* pointer) noexcept { islet::bench::Free(pointer); }
void operator delete(void* pointer, size_t) noexcept { islet::bench::Free(pointer); }
void operator delete[](void* pointer, size_t) noexcept { islet::bench::Free(pointer); }
void operator delete(void* pointer, std::align_val_t) noexcept { islet::bench::Free(pointer); }
void operator delete[](void* pointer, std::align_val_t) noexcept { islet::bench::Free(pointer); }
void operator delete(void* pointer, size_t, std::align_val_t) noexcept {
  islet::bench::Free(pointer);
}
void operator delete[](void* pointer, size_t, std::align_val_t) noexcept {
  islet::bench::Free(pointer);
}
