#include "vicapi/engine/guestinfo/flatten.h"

#include <algorithm>
#include <cctype>

#include "vicapi/util/bounded_json.h"

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

// No list in the model comes near this; the endpoint's guestinfo is small.
constexpr std::size_t kMaxIndex = 1024;

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

namespace {

// Sets `value` at the pointer's place in `root`, creating arrays for index
// segments and objects otherwise. Keys come from vCenter: a pointer deeper
// than any model, or an index past any list, is skipped rather than believed.
void place(json& root, const std::string& pointer, json value) {
  if (std::count(pointer.begin(), pointer.end(), '/') > kMaxJsonDepth) return;
  std::vector<std::string> parts;
  for (json::json_pointer p(pointer); !p.empty(); p = p.parent_pointer())
    parts.push_back(p.back());
  std::reverse(parts.begin(), parts.end());
  json* node = &root;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool last = i + 1 == parts.size();
    if (node->is_null()) *node = isIndex(parts[i]) ? json::array() : json::object();
    json* next;
    if (node->is_array() && isIndex(parts[i])) {
      if (parts[i].size() > 4) return;
      const std::size_t idx = std::stoul(parts[i]);
      if (idx >= kMaxIndex) return;
      while (node->size() <= idx)
        node->push_back(nullptr);
      next = &(*node)[idx];
    } else if (node->is_object()) {
      next = &(*node)[parts[i]];
    } else {
      return;
    }
    if (last) *next = std::move(value);
    node = next;
  }
}

}  // namespace

json unflatten(const KeyValues& keys, const std::string& prefix) {
  json root = json::object();
  for (auto it = keys.lower_bound(prefix); it != keys.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    try {
      place(root, "/" + it->first.substr(prefix.size()), parseJson(it->second));
    } catch (const json::exception&) {
      continue;  // not ours, or damaged by hand: skip rather than fail the whole VCH
    } catch (const BadJson&) {
      continue;
    }
  }
  return root;
}

}  // namespace vic::engine::guestinfo
