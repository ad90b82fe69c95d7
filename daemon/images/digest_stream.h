#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>

namespace vic::endpoint {

// Reads another stream through, computing its SHA-256 as bytes pass, and
// stops after `limit` bytes, so that a blob is checked against its digest
// while it is copied and never held whole.
class DigestingBuffer : public std::streambuf {
 public:
  DigestingBuffer(std::istream& source, std::uint64_t limit);
  ~DigestingBuffer() override;
  DigestingBuffer(const DigestingBuffer&) = delete;
  DigestingBuffer& operator=(const DigestingBuffer&) = delete;

  std::uint64_t bytes() const { return bytes_; }
  // "sha256:<hex>" of everything read so far.
  std::string digest();

 protected:
  int_type underflow() override;

 private:
  struct Hash;
  std::istream& source_;
  std::uint64_t limit_;
  std::uint64_t bytes_ = 0;
  std::unique_ptr<Hash> hash_;
  std::array<char, 64 * 1024> buffer_{};
};

// "sha256:<hex>" of a string.
std::string sha256Digest(const std::string& data);
// Whether `digest` is "sha256:" and 64 lower-case hex digits.
bool isSha256Digest(const std::string& digest);

}  // namespace vic::endpoint
