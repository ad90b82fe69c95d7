#include "vicapi/net/bounded_read.h"

#include <algorithm>

namespace vic::net {

namespace {

template <class Sink>
bool readWith(std::istream& in, std::uint64_t max, Sink&& sink) {
  char chunk[16 * 1024];
  std::uint64_t total = 0;
  while (in) {
    // One byte past the limit is asked for, to learn whether there is more.
    const std::uint64_t left = max - total;
    const auto want = left >= sizeof chunk ? sizeof chunk : left + 1;
    in.read(chunk, static_cast<std::streamsize>(want));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    total += n;
    if (total > max) return false;
    sink(chunk, n);
  }
  return true;
}

}  // namespace

bool readUpTo(std::istream& in, std::size_t max, std::string& out) {
  return readWith(in, max, [&](const char* data, std::size_t n) { out.append(data, n); });
}

bool copyUpTo(std::istream& in, std::ostream& out, std::uint64_t max) {
  return readWith(in, max, [&](const char* data, std::size_t n) {
    out.write(data, static_cast<std::streamsize>(n));
  });
}

}  // namespace vic::net
