#include "daemon/images/digest_stream.h"

#include <openssl/evp.h>

#include "vicapi/base/error.h"

namespace vic::endpoint {

namespace {

std::string hex(const unsigned char* data, unsigned int n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}

}  // namespace

struct DigestingBuffer::Hash {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  Hash() {
    if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1)
      throw Error("SHA-256 is not available");
  }
  ~Hash() { EVP_MD_CTX_free(ctx); }
};

DigestingBuffer::DigestingBuffer(std::istream& source, std::uint64_t limit)
    : source_(source), limit_(limit), hash_(std::make_unique<Hash>()) {}

DigestingBuffer::~DigestingBuffer() = default;

DigestingBuffer::int_type DigestingBuffer::underflow() {
  if (bytes_ >= limit_) return traits_type::eof();
  const auto want =
      static_cast<std::streamsize>(std::min<std::uint64_t>(buffer_.size(), limit_ - bytes_));
  source_.read(buffer_.data(), want);
  const auto got = source_.gcount();
  if (got <= 0) return traits_type::eof();
  EVP_DigestUpdate(hash_->ctx, buffer_.data(), static_cast<std::size_t>(got));
  bytes_ += static_cast<std::uint64_t>(got);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
  return traits_type::to_int_type(buffer_[0]);
}

std::string DigestingBuffer::digest() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  EVP_MD_CTX_copy_ex(copy, hash_->ctx);
  EVP_DigestFinal_ex(copy, out, &n);
  EVP_MD_CTX_free(copy);
  return "sha256:" + hex(out, n);
}

std::string sha256Digest(const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), out, &n, EVP_sha256(), nullptr);
  return "sha256:" + hex(out, n);
}

bool isSha256Digest(const std::string& d) {
  if (d.size() != 71 || d.rfind("sha256:", 0) != 0) return false;
  for (std::size_t i = 7; i < d.size(); ++i)
    if (!((d[i] >= '0' && d[i] <= '9') || (d[i] >= 'a' && d[i] <= 'f'))) return false;
  return true;
}

}  // namespace vic::endpoint
