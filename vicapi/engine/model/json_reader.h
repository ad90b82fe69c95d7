#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "vicapi/engine/model/issues.h"

namespace vic::engine {

// Walks a JSON body while keeping the dotted path of where it is, so that a
// value of the wrong type is reported as "compute.cpu.limit.value: must be an
// integer" and reading goes on. Absent and null members read as nullopt.
// Strings and lists longer than a VCH ever needs are refused by their length
// before anything else looks at them.
class JsonReader {
 public:
  static constexpr std::size_t kMaxTextLength = 4096;      // names, addresses, paths
  static constexpr std::size_t kMaxPemLength = 64 * 1024;  // certificates and keys
  static constexpr std::size_t kMaxListLength = 256;

  JsonReader(const nlohmann::json& node, std::string path, Issues& issues)
      : node_(&node), path_(std::move(path)), issues_(&issues) {}

  const std::string& path() const { return path_; }
  std::string pathOf(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
  }
  bool has(const std::string& key) const;
  bool hasObject(const std::string& key) const;

  std::optional<std::string> string(const std::string& key,
                                    std::size_t maxLength = kMaxTextLength) const;
  std::optional<long long> integer(const std::string& key) const;
  std::optional<bool> boolean(const std::string& key) const;

  // A member that must be an object; nullopt (with an issue) when it is not.
  std::optional<JsonReader> object(const std::string& key) const;
  // Visits each element of an array member with its indexed path.
  template <class F>
  void each(const std::string& key, F f) const {
    const nlohmann::json* a = member(key);
    if (!a) return;
    if (!a->is_array()) {
      issues_->add(pathOf(key), "must be a list", IssueCode::WrongType);
      return;
    }
    if (a->size() > kMaxListLength) {
      issues_->add(pathOf(key), "has " + std::to_string(a->size()) + " entries; at most " +
                                    std::to_string(kMaxListLength) + " are accepted");
      return;
    }
    for (std::size_t i = 0; i < a->size(); ++i)
      f(JsonReader((*a)[i], pathOf(key) + "[" + std::to_string(i) + "]", *issues_));
  }
  // This node read as a scalar of the given kind (for string arrays).
  std::optional<std::string> asString(std::size_t maxLength = kMaxTextLength) const;
  bool isObject() const { return node_->is_object(); }

  Issues& issues() const { return *issues_; }

 private:
  const nlohmann::json* member(const std::string& key) const;
  // The string `value` at `path`, or nullopt with an issue when it is too long.
  std::optional<std::string> bounded(const nlohmann::json& value, const std::string& path,
                                     std::size_t maxLength) const;

  const nlohmann::json* node_;
  std::string path_;
  Issues* issues_;
};

}  // namespace vic::engine
