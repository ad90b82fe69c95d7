#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>

namespace vic::net {

// Reads `in` to its end into `out`, unless it holds more than `max` bytes:
// then stops once it has read max + 1 of them and returns false. Whoever is
// on the other end can never make the reader hold more than it allows.
bool readUpTo(std::istream& in, std::size_t max, std::string& out);

// The same, into a stream.
bool copyUpTo(std::istream& in, std::ostream& out, std::uint64_t max);

}  // namespace vic::net
