#include "vicapi/util/random_hex.h"

#include <vector>

#include <openssl/rand.h>

#include "vicapi/base/error.h"

namespace vic {

std::string randomHex(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1)
    throw Error("the system has no random bytes to give");
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (unsigned char b : raw) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

}  // namespace vic
