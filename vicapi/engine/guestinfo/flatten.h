#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace vic::engine::guestinfo {

using KeyValues = std::map<std::string, std::string>;

// JSON as extraConfig keys: every scalar becomes one key, "<prefix><json
// pointer>" (so "/network/bridge/ip_range"), whose value is the scalar's JSON
// text ("\"172.16.0.0/12\"", "2048", "true"). Array elements use their index
// as a path segment. Empty arrays and objects are left out, so writing an
// empty value, which vCenter treats as "remove the key", never happens.
KeyValues flatten(const nlohmann::json& value, const std::string& prefix);

// The inverse for the keys that start with `prefix`; other keys are ignored.
// Digit-only segments are array indexes (the model has no digit-only names).
nlohmann::json unflatten(const KeyValues& keys, const std::string& prefix);

}  // namespace vic::engine::guestinfo
