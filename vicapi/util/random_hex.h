#pragma once

#include <cstddef>
#include <string>

namespace vic {

// `bytes` bytes from OpenSSL's generator as lower-case hex (2 digits each):
// ids and tokens others must not guess. Throws vic::Error if it has none.
std::string randomHex(std::size_t bytes);

}  // namespace vic
