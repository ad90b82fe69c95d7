#include "vicapi/engine/guestinfo/sealing.h"

#include <memory>
#include <vector>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "vicapi/base/error.h"

namespace vic::engine::guestinfo {

namespace {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

std::string base64(const unsigned char* data, std::size_t len) {
  std::string out(4 * ((len + 2) / 3), '\0');
  int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(len));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::vector<unsigned char> unbase64(const std::string& text) {
  std::vector<unsigned char> out(3 * text.size() / 4 + 3);
  int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) throw Error("a sealed value is not base64");
  std::size_t pad = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it)
    ++pad;
  out.resize(static_cast<std::size_t>(n) - pad);
  return out;
}

std::vector<unsigned char> keyBytes(const Secret& key) {
  auto k = unbase64(key.reveal());
  if (k.size() != kKeyBytes) throw Error("the VCH's sealing key is damaged");
  return k;
}

using Cipher = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

}  // namespace

Secret newSealingKey() {
  unsigned char k[kKeyBytes];
  RAND_bytes(k, kKeyBytes);
  Secret out(base64(k, kKeyBytes));
  OPENSSL_cleanse(k, kKeyBytes);
  return out;
}

std::string seal(const Secret& key, const Secret& plain) {
  auto k = keyBytes(key);
  std::vector<unsigned char> buf(kNonceBytes + plain.reveal().size() + kTagBytes);
  RAND_bytes(buf.data(), kNonceBytes);
  Cipher ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int len = 0;
  EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k.data(), buf.data());
  EVP_EncryptUpdate(ctx.get(), buf.data() + kNonceBytes, &len,
                    reinterpret_cast<const unsigned char*>(plain.reveal().data()),
                    static_cast<int>(plain.reveal().size()));
  int fin = 0;
  EVP_EncryptFinal_ex(ctx.get(), buf.data() + kNonceBytes + len, &fin);
  EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                      buf.data() + kNonceBytes + len + fin);
  OPENSSL_cleanse(k.data(), k.size());
  return base64(buf.data(), buf.size());
}

Secret unseal(const Secret& key, const std::string& sealed) {
  auto k = keyBytes(key);
  auto buf = unbase64(sealed);
  if (buf.size() < kNonceBytes + kTagBytes) throw Error("a sealed value is too short");
  const std::size_t bodyLen = buf.size() - kNonceBytes - kTagBytes;
  std::string plain(bodyLen, '\0');
  Cipher ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int len = 0;
  EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k.data(), buf.data());
  EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len,
                    buf.data() + kNonceBytes, static_cast<int>(bodyLen));
  EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes,
                      buf.data() + kNonceBytes + bodyLen);
  int fin = 0;
  const bool ok = EVP_DecryptFinal_ex(
                      ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len, &fin) == 1;
  OPENSSL_cleanse(k.data(), k.size());
  if (!ok) {
    OPENSSL_cleanse(plain.data(), plain.size());
    throw Error("a sealed value does not open with the VCH's key");
  }
  return Secret(std::move(plain));
}

}  // namespace vic::engine::guestinfo
