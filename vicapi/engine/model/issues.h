#pragma once

#include <string>
#include <vector>

namespace vic::engine {

inline constexpr const char* kWrongType = "type";

// One problem with a VCH specification: where it is (a JSON path such as
// "network.container[0].gateway.address") and what to do about it.
struct Issue {
  std::string path;
  std::string message;
  // "conflict" when something of that name exists already (409), kWrongType
  // for a JSON value of the wrong type (400, as the 1.5 server answered);
  // else empty.
  std::string code;
};

// Collects every problem instead of stopping at the first, so that a wizard
// can show each message beside its field in one round.
// Past kMaxListed problems only their number is kept: a body of a million
// wrong values must not become a million messages.
class Issues {
 public:
  static constexpr std::size_t kMaxListed = 200;

  void add(std::string path, std::string message, std::string code = {}) {
    if (list_.size() >= kMaxListed) {
      ++unlisted_;
      return;
    }
    list_.push_back({std::move(path), std::move(message), std::move(code)});
  }
  void append(const Issues& other) {
    for (const auto& i : other.list_)
      add(i.path, i.message, i.code);
    unlisted_ += other.unlisted_;
  }
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size() + unlisted_; }
  std::size_t unlisted() const { return unlisted_; }
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
    if (unlisted_) out += "; and " + std::to_string(unlisted_) + " more";
    return out;
  }

 private:
  std::vector<Issue> list_;
  std::size_t unlisted_ = 0;
};

}  // namespace vic::engine
