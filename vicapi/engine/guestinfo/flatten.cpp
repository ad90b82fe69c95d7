#include "vicapi/engine/guestinfo/flatten.h"

#include <algorithm>
#include <cctype>

namespace vic::engine::guestinfo {

using nlohmann::json;

namespace {

void walk(const json& v, const json::json_pointer& at, const std::string& prefix, KeyValues& out) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it)
      walk(it.value(), at / it.key(), prefix, out);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      walk(v[i], at / i, prefix, out);
  } else if (!v.is_null()) {
    out[prefix + at.to_string().substr(1)] = v.dump();
  }
}

bool isIndex(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

KeyValues flatten(const json& value, const std::string& prefix) {
  KeyValues out;
  walk(value, json::json_pointer(), prefix, out);
  return out;
}

json unflatten(const KeyValues& keys, const std::string& prefix) {
  json root = json::object();
  for (auto it = keys.lower_bound(prefix); it != keys.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    json value;
    try {
      value = json::parse(it->second);
    } catch (const json::parse_error&) {
      continue;  // not ours, or damaged by hand: skip rather than fail the whole VCH
    }
    json::json_pointer ptr("/" + it->first.substr(prefix.size()));
    // Walk the pointer creating arrays for index segments, objects otherwise.
    json* node = &root;
    std::vector<std::string> parts;
    for (json::json_pointer p = ptr; !p.empty(); p = p.parent_pointer())
      parts.push_back(p.back());
    std::reverse(parts.begin(), parts.end());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const bool last = i + 1 == parts.size();
      if (node->is_null()) *node = isIndex(parts[i]) ? json::array() : json::object();
      json* next;
      if (node->is_array() && isIndex(parts[i])) {
        std::size_t idx = std::stoul(parts[i]);
        while (node->size() <= idx)
          node->push_back(nullptr);
        next = &(*node)[idx];
      } else if (node->is_object()) {
        next = &(*node)[parts[i]];
      } else {
        next = nullptr;
      }
      if (!next) break;
      if (last) *next = value;
      node = next;
    }
  }
  return root;
}

}  // namespace vic::engine::guestinfo
