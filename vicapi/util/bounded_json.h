#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "vicapi/base/error.h"

namespace vic {

// Nesting deeper than this is refused wherever JSON comes in: the VCH model
// is 6 levels deep, and dump(), merge_patch() and comparison recurse.
inline constexpr int kMaxJsonDepth = 64;

// Text that is not JSON this program reads: bad syntax, a number beyond a
// double (which nlohmann reports as out_of_range, not as a parse error), or
// nesting beyond the limit (JsonTooDeep).
class BadJson : public Error {
 public:
  using Error::Error;
};
class JsonTooDeep : public BadJson {
 public:
  using BadJson::BadJson;
};

// Parses JSON text, throwing BadJson for anything it cannot use, and
// JsonTooDeep as soon as an object or array opens deeper than `maxDepth`,
// before anything that deep is built.
nlohmann::json parseJson(std::string_view text, int maxDepth = kMaxJsonDepth);

}  // namespace vic
