#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>

// What every target shares. A target returns normally for any input the code
// under test handles as documented: a value, or one of the errors it is
// meant to throw. Anything else, an unexpected exception included, ends the
// process, which libFuzzer reports as a finding with the input that caused it.
namespace vic::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits the input at the first `separator`; all of it is the first part
// when there is none.
inline std::pair<std::string_view, std::string_view> split(std::string_view in,
                                                           std::string_view separator) {
  const auto at = in.find(separator);
  if (at == std::string_view::npos) return {in, {}};
  return {in.substr(0, at), in.substr(at + separator.size())};
}

// Reads the input as the servers read a request, with Poco's parser; false
// when it is not one. What follows the head (the body) is left in `rest`.
inline bool readRequest(std::string_view in, Poco::Net::HTTPRequest& req,
                        std::istringstream& rest) {
  rest.str(std::string(in));
  try {
    req.read(rest);
  } catch (const Poco::Exception&) {
    return false;
  }
  return true;
}

// A property the code must keep; its breach is a finding.
inline void require(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "property broken: %s\n", what);
    std::abort();
  }
}

}  // namespace vic::fuzz
