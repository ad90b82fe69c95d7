#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "vicapi/net/connection_pool.h"

namespace vic::shell {

// The vSphere Client's reverse proxy for plug-in servers: requests to
// /proxy/<key>/<path> go to <path> on the server registered under <key>,
// trusted by its registered thumbprint, so that plug-in views and their API
// calls stay on the client's own origin.
class ReverseProxy {
 public:
  // `base` is "https://host:port/"; `thumbprint` the registered one.
  void route(const std::string& key, const std::string& base, const std::string& thumbprint);
  bool has(const std::string& key);
  void forward(const std::string& key, const std::string& pathAndQuery,
               Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res);

 private:
  struct Backend {
    std::string base;
    std::string thumbprint;
    std::shared_ptr<net::ConnectionPool> pool;
  };
  std::mutex mutex_;
  std::map<std::string, Backend> backends_;
};

}  // namespace vic::shell
