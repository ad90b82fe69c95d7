#pragma once

#include <string>
#include <utility>

namespace vic {

// A password, clone ticket, session key or private key. It has no stream
// operator, no fmt formatter and no implicit conversion, so it cannot reach a
// log line or an error message by accident; reveal() marks every place where
// the value deliberately leaves this wrapper. The buffer is wiped on
// destruction so a core dump holds fewer copies.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  Secret(const Secret&) = default;
  Secret(Secret&& other) noexcept : value_(std::move(other.value_)) {}
  Secret& operator=(const Secret& other) {
    if (this != &other) {
      wipe();
      value_ = other.value_;
    }
    return *this;
  }
  Secret& operator=(Secret&& other) noexcept {
    if (this != &other) {
      wipe();
      value_ = std::move(other.value_);
    }
    return *this;
  }
  ~Secret() { wipe(); }

  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  bool operator==(const Secret& other) const { return value_ == other.value_; }

 private:
  void wipe() noexcept;
  std::string value_;
};

}  // namespace vic
