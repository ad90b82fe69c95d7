#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "vicapi/soap/errors.h"

namespace vic {

// Nesting deeper than this is refused wherever JSON comes in: the VCH model
// is 6 levels deep, and dump(), merge_patch() and comparison recurse.
inline constexpr int kMaxJsonDepth = 64;

// JSON nested deeper than allowed.
class JsonTooDeep : public Error {
 public:
  using Error::Error;
};

// Parses JSON text like nlohmann::json::parse (throwing its parse_error for
// bad syntax), but throws JsonTooDeep as soon as an object or array opens
// deeper than `maxDepth`, before anything that deep is built.
nlohmann::json parseJson(std::string_view text, int maxDepth = kMaxJsonDepth);

}  // namespace vic
