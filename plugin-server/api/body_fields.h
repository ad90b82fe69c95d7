#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace vic::server {

// Members of the small bodies of actions (upgrade, debug, delete), each
// checked for its type (HttpError 400, as 1.5 answered) and length (422), naming the member and
// what it must be. Absent or null members are nullopt.
std::optional<bool> optionalBool(const nlohmann::json& body, const char* name);
std::optional<std::string> optionalString(const nlohmann::json& body, const char* name,
                                          std::size_t maxLength = 4096);

}  // namespace vic::server
