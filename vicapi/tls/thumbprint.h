#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include <openssl/x509.h>

namespace vic::tls {

enum class DigestKind { Sha1, Sha256 };

// A certificate thumbprint in vSphere's form: upper-case hex bytes joined by
// colons. SHA-1 (the form vic-machine's --thumbprint always used) and SHA-256
// are both accepted.
class Thumbprint {
 public:
  // Accepts "AA:BB:..." in either case, or the same hex without colons.
  // Throws UsageError saying what is wrong with the text.
  static Thumbprint parse(const std::string& text);
  static Thumbprint of(X509* cert, DigestKind kind);
  // Of the first certificate in PEM text; throws UsageError when there is none.
  static Thumbprint ofPem(const std::string& pem, DigestKind kind);

  DigestKind kind() const { return kind_; }
  const std::vector<unsigned char>& bytes() const { return bytes_; }
  std::string str() const;  // "AA:BB:..."
  bool operator==(const Thumbprint& other) const {
    return kind_ == other.kind_ && bytes_ == other.bytes_;
  }

 private:
  DigestKind kind_ = DigestKind::Sha1;
  std::vector<unsigned char> bytes_;
};

// What a server presents, read without trusting it: the first step before
// pinning (the "thumbprint" subcommand and the registration page show this).
struct ServerCertificate {
  std::string sha1;
  std::string sha256;
  std::string subject;
  std::string issuer;
  std::string pem;
};

inline std::ostream& operator<<(std::ostream& os, const Thumbprint& t) {
  return os << t.str();
}

ServerCertificate readServerCertificate(const std::string& host, unsigned short port,
                                        std::chrono::milliseconds timeout);

}  // namespace vic::tls
