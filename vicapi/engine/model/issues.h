#pragma once

#include <string>
#include <vector>

namespace vic::engine {

// What kind of problem an issue is, where a client acts on the kind.
enum class IssueCode {
  None,
  AlreadyExists,  // something of that name exists already
  WrongType,      // a JSON value of the wrong type
  Firewall,       // the hosts' firewalls block the VCH's traffic: a client can offer to open them
};

// The issue's "code" member in JSON ("conflict", "type", "firewall"; "" for None).
inline const char* issueCodeName(IssueCode code) {
  switch (code) {
    case IssueCode::AlreadyExists:
      return "conflict";
    case IssueCode::WrongType:
      return "type";
    case IssueCode::Firewall:
      return "firewall";
    case IssueCode::None:
      break;
  }
  return "";
}

// One problem with a VCH specification: where it is (a JSON path such as
// "network.container[0].gateway.address") and what to do about it.
struct Issue {
  std::string path;
  std::string message;
  IssueCode code = IssueCode::None;
  // For a value that breaks a pattern, an enum or a format: what the schema
  // expects ("format ipv4", "one of [low normal high]"). The summary then
  // carries the 1.5 (go-openapi) server's words, which scripts grep for.
  std::string expected;

  // The message with the 1.5 server's words, when it has them.
  std::string text() const {
    return expected.empty() ? message
                            : message + " (" + path + " in body should match " + expected + ")";
  }
};

// Collects every problem instead of stopping at the first, so that a wizard
// can show each message beside its field in one round.
// Past kMaxListed problems only their number is kept: a body of a million
// wrong values must not become a million messages.
class Issues {
 public:
  static constexpr std::size_t kMaxListed = 200;

  void add(std::string path, std::string message, IssueCode code = IssueCode::None,
           std::string expected = {}) {
    if (list_.size() >= kMaxListed) {
      ++unlisted_;
      return;
    }
    list_.push_back({std::move(path), std::move(message), std::move(code), std::move(expected)});
  }
  void append(const Issues& other) {
    for (const auto& i : other.list_)
      add(i.path, i.message, i.code, i.expected);
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
  bool has(IssueCode code) const {
    for (const auto& i : list_)
      if (i.code == code) return true;
    return false;
  }
  // "path: message; path: message"
  std::string summary() const {
    std::string out;
    for (const auto& i : list_)
      out +=
          (out.empty() ? "" : "; ") + i.path + ": " + i.message +
          (i.expected.empty() ? "" : " (" + i.path + " in body should match " + i.expected + ")");
    if (unlisted_) out += "; and " + std::to_string(unlisted_) + " more";
    return out;
  }

 private:
  std::vector<Issue> list_;
  std::size_t unlisted_ = 0;
};

}  // namespace vic::engine
