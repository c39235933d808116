// BytesObject: Python's bytes, an immutable sequence of bytes. Other types create
// bytes (str.encode) and read them (str(b, "utf-8"), bytes-like arguments) through
// these functions; the type's behaviour lives in types/bytes.
//
//   Ref<Object> data = NewBytes("\x00ab");
//   BytesView(data.get())                  // "\x00ab"
//   BytesReprText(BytesView(data.get()))   // "b'\\x00ab'"

#ifndef ISLET_OBJECTS_BYTES_H_
#define ISLET_OBJECTS_BYTES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class BytesObject : public Object {
 public:
  explicit BytesObject(std::string data) : data(std::move(data)) {}

  // Never changed after construction: bytes are immutable.
  std::string data;
  // -1 until computed (bytes are never immortal, so caching is always allowed).
  int64_t cached_hash = -1;
};

// A new bytes object holding a copy of `data`.
Ref<Object> NewBytes(std::string_view data);
// A new instance of `type` (bytes or a subclass of it) taking `data`.
Ref<Object> NewBytesOfType(TypeObject* type, std::string data);
// The contents of a bytes object (or subclass instance).
std::string_view BytesView(const Object* bytes);

// repr() of bytes with these contents, as CPython writes it: b'...' (or b"..."
// when the data holds ' and no "), with \t \n \r \\ and \xNN escapes.
std::string BytesReprText(std::string_view data);

// The hash str and bytes share (so hash("abc") == hash(b"abc"), as in CPython
// for ASCII): FNV-1a over the bytes, 0 for empty data, never -1.
int64_t HashBytes(std::string_view data);

}  // namespace islet

#endif  // ISLET_OBJECTS_BYTES_H_
