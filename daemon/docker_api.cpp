#include "daemon/docker_api.h"

#include <regex>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <nlohmann/json.hpp>

#include "vicapi/util/log.h"
#include "vicapi/version/version.h"

namespace vic::endpoint {

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

double apiNumber(const std::string& v) {
  auto dot = v.find('.');
  return dot == std::string::npos
             ? 0
             : std::stoi(v.substr(0, dot)) + std::stoi(v.substr(dot + 1)) / 100.0;
}

void send(HTTPServerResponse& res, HTTPResponse::HTTPStatus status, const std::string& type,
          const std::string& body, bool head = false) {
  res.setStatus(status);
  res.setContentType(type);
  res.set("Api-Version", kApiVersion);
  res.set("Docker-Experimental", "false");
  res.set("Ostype", "linux");
  res.set("Server", std::string("Docker/") + kApiVersion + " (linux)");
  res.setContentLength(static_cast<std::streamsize>(body.size()));
  auto& out = res.send();
  if (!head) out << body;
}

void sendJson(HTTPServerResponse& res, HTTPResponse::HTTPStatus status, const nlohmann::json& j) {
  send(res, status, "application/json", j.dump() + "\n");
}

class DockerHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit DockerHandler(const EndpointConfig& c) : config_(c) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    static const std::regex versioned(R"(^/v(\d+\.\d+)(/.*)$)");
    std::string path = req.getURI().substr(0, req.getURI().find('?'));
    std::smatch m;
    if (std::regex_match(path, m, versioned)) {
      if (apiNumber(m[1]) < apiNumber(kMinApiVersion)) {
        sendJson(res, HTTPResponse::HTTP_BAD_REQUEST,
                 {{"message", "client version " + m[1].str() +
                                  " is too old. Minimum supported API version is " +
                                  std::string(kMinApiVersion) +
                                  ", please upgrade your client to a newer version"}});
        return;
      }
      path = m[2];
    }
    const bool head = req.getMethod() == "HEAD";
    const bool get = req.getMethod() == "GET" || head;
    logger()->debug("{} {}", req.getMethod(), req.getURI());
    if (path == "/_ping" && get)
      return send(res, HTTPResponse::HTTP_OK, "text/plain; charset=utf-8", "OK", head);
    if (path == "/version" && get) return sendJson(res, HTTPResponse::HTTP_OK, version());
    if (path == "/info" && get) return sendJson(res, HTTPResponse::HTTP_OK, info());
    sendJson(res, HTTPResponse::HTTP_NOT_FOUND, {{"message", "page not found"}});
  }

 private:
  nlohmann::json version() const {
    const auto& v = version::current();
    return {{"Platform", {{"Name", "vSphere Integrated Containers Endpoint"}}},
            {"Components",
             {{{"Name", "vic-endpoint"},
               {"Version", v.str()},
               {"Details",
                {{"ApiVersion", kApiVersion},
                 {"MinAPIVersion", kMinApiVersion},
                 {"GitCommit", v.commit},
                 {"VCH", config_.vchName},
                 {"VCHVersion", config_.vchVersion}}}}}},
            {"Version", v.semver()},
            {"ApiVersion", kApiVersion},
            {"MinAPIVersion", kMinApiVersion},
            {"GitCommit", v.commit},
            {"GoVersion", "n/a"},
            {"Os", "linux"},
            {"Arch", "amd64"},
            {"KernelVersion", "-"},
            {"Experimental", false},
            {"BuildTime", ""}};
  }

  nlohmann::json info() const {
    const auto& v = version::current();
    return {{"ID", "vSphere Integrated Containers"},
            {"Name", config_.vchName},
            {"ServerVersion", v.semver()},
            {"Driver", "vSphere Integrated Containers " + v.str() + " Backend Engine"},
            {"Containers", 0},
            {"ContainersRunning", 0},
            {"ContainersPaused", 0},
            {"ContainersStopped", 0},
            {"Images", 0},
            {"OperatingSystem", "VMware Photon OS/vic-endpoint"},
            {"OSType", "linux"},
            {"Architecture", "x86_64"},
            {"NCPU", 1},
            {"MemTotal", 0},
            {"SystemStatus", nlohmann::json::array({{"VCH version", config_.vchVersion}})}};
  }

  const EndpointConfig& config_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(EndpointConfig c) : config_(std::move(c)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new DockerHandler(config_);
  }

 private:
  EndpointConfig config_;
};

}  // namespace

Poco::Net::HTTPRequestHandlerFactory::Ptr dockerApi(const EndpointConfig& config) {
  return new Factory(config);
}

}  // namespace vic::endpoint
