#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "vicapi/tls/thumbprint.h"

namespace Poco::Net {
class HTTPServer;
class ServerSocket;
}  // namespace Poco::Net

namespace vic::test {

// What a server of an attacker's own, named as {target}, does to whoever
// trusts it. It plays enough of vCenter well (service content, a login that
// accepts anyone, views, an empty inventory) to be used, then answers one
// method the hostile way.
enum class Hostility {
  None,
  DeepAnswer,      // an answer nested a million elements deep
  HugeAnswer,      // an answer of 2 GiB, sent as fast as it is read
  EndlessAnswer,   // an answer whose body never ends
  EndlessTokens,   // RetrievePropertiesEx continued forever, each page a new token
  ManyAppliances,  // FindExtension: a com.vmware.vic record of many appliances that never answer
};

class FakeVcenter {
 public:
  // `method` is the one answered the hostile way (ManyAppliances and
  // EndlessTokens pick theirs); `appliances`, how many ManyAppliances lists.
  FakeVcenter(const std::filesystem::path& workDir, Hostility hostility,
              std::string method = "RetrievePropertiesEx", int appliances = 10'000);
  ~FakeVcenter();

  std::string target() const;  // "127.0.0.1:PORT"
  const tls::Thumbprint& thumbprint() const { return sha1_; }
  // How many times each method was called.
  int calls(const std::string& method) const;
  // The port the appliances of ManyAppliances claim to be at: it accepts
  // connections and never answers.
  unsigned short silentPort() const;

  class Handler;

 private:
  Hostility hostility_;
  std::string method_;
  int appliances_;
  tls::Thumbprint sha1_;
  std::unique_ptr<Poco::Net::ServerSocket> silent_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  unsigned short port_ = 0;
  mutable std::mutex mutex_;
  std::map<std::string, int> calls_;
  std::atomic<long> token_{0};
};

}  // namespace vic::test
