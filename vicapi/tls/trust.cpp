#include "vicapi/tls/trust.h"

#include <utility>

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "vicapi/net/errors.h"
#include "vicapi/tls/init.h"

namespace vic::tls {

namespace {

// Why the last handshake on this thread was refused. The handshake runs on the
// caller's thread (blocking sockets), so a thread-local carries the reason
// from the OpenSSL callback back to the code that reports the error.
struct LastRefusal {
  std::string actualThumbprint;
  std::string reason;
};
thread_local LastRefusal lastRefusal;

int verifyCertificate(X509_STORE_CTX* store, void* arg) {
  const auto* state = static_cast<const ClientTls::State*>(arg);
  lastRefusal = {};
  X509* leaf = X509_STORE_CTX_get0_cert(store);
  if (!leaf) {
    lastRefusal.reason = "the server sent no certificate";
    return 0;
  }
  if (state->trust.pinned) {
    const Thumbprint& want = *state->trust.pinned;
    Thumbprint got = Thumbprint::of(leaf, want.kind());
    if (got == want) return 1;
    lastRefusal.actualThumbprint = got.str();
    X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REJECTED);
    return 0;
  }
  // Chain verification with the host checked; Poco's own callback is bypassed
  // so that no interactive certificate handler can ever be consulted.
  X509_STORE_CTX_set_verify_cb(store, [](int ok, X509_STORE_CTX*) { return ok; });
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(store);
  if (X509_VERIFY_PARAM_set1_ip_asc(param, state->host.c_str()) != 1)
    X509_VERIFY_PARAM_set1_host(param, state->host.c_str(), 0);
  if (X509_verify_cert(store) == 1) return 1;
  lastRefusal.reason = X509_verify_cert_error_string(X509_STORE_CTX_get_error(store));
  return 0;
}

}  // namespace

Trust Trust::pin(Thumbprint t) {
  Trust out;
  out.pinned = std::move(t);
  return out;
}

Trust Trust::caBundle(std::string path) {
  Trust out;
  out.caFile = std::move(path);
  return out;
}

Trust Trust::systemRoots() {
  return Trust{};
}

ClientTls::ClientTls(std::string host, Trust trust)
    : state_(std::make_unique<State>(State{std::move(host), std::move(trust)})) {
  ensureInitialised();
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
  params.loadDefaultCAs = !state_->trust.pinned && state_->trust.caFile.empty();
  params.caLocation = state_->trust.pinned ? std::string() : state_->trust.caFile;
  params.cipherList = "HIGH:!aNULL:!MD5:!RC4";
  try {
    context_ = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  } catch (const Poco::Exception& e) {
    throw UsageError("cannot use the CA bundle " + state_->trust.caFile + ": " + e.displayText());
  }
  context_->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  context_->enableExtendedCertificateVerification(false);  // the host is checked above
  SSL_CTX_set_cert_verify_callback(context_->sslContext(), &verifyCertificate, state_.get());
}

ClientTls::~ClientTls() {
  // The context may outlive us inside a socket still being torn down; make
  // sure it can never call back into freed state.
  if (context_) SSL_CTX_set_cert_verify_callback(context_->sslContext(), nullptr, nullptr);
}

void ClientTls::throwHandshakeFailure(const std::string& lowLevelMessage) const {
  LastRefusal why = std::exchange(lastRefusal, {});
  if (state_->trust.pinned && !why.actualThumbprint.empty())
    throw ThumbprintMismatch(state_->host, state_->trust.pinned->str(), why.actualThumbprint);
  std::string reason = why.reason.empty() ? lowLevelMessage : why.reason;
  std::string hint = state_->trust.pinned
                         ? ""
                         : "; if the server uses a self-signed certificate, pass its thumbprint";
  throw TlsError("the TLS connection to " + state_->host + " failed: " + reason + hint);
}

}  // namespace vic::tls
