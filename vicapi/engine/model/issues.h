#pragma once

#include <string>
#include <vector>

namespace vic::engine {

// One problem with a VCH specification: where it is (a JSON path such as
// "network.container[0].gateway.address") and what to do about it.
struct Issue {
  std::string path;
  std::string message;
  std::string code;  // "conflict" when something of that name exists already; else empty
};

// Collects every problem instead of stopping at the first, so that a wizard
// can show each message beside its field in one round.
class Issues {
 public:
  void add(std::string path, std::string message, std::string code = {}) {
    list_.push_back({std::move(path), std::move(message), std::move(code)});
  }
  void append(const Issues& other) {
    list_.insert(list_.end(), other.list_.begin(), other.list_.end());
  }
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<Issue>& list() const { return list_; }
  bool has(const std::string& path) const {
    for (const auto& i : list_)
      if (i.path == path) return true;
    return false;
  }
  // "path: message; path: message"
  std::string summary() const {
    std::string out;
    for (const auto& i : list_)
      out += (out.empty() ? "" : "; ") + i.path + ": " + i.message;
    return out;
  }

 private:
  std::vector<Issue> list_;
};

}  // namespace vic::engine
