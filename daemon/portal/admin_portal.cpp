#include "daemon/portal/admin_portal.h"

#include <fstream>
#include <sstream>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/StreamCopier.h>

#include "daemon/endpoint_runtime.h"
#include "daemon/portal/portal_sessions.h"
#include "daemon/tls_context.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/tls/thumbprint.h"
#include "vicapi/tls/trust.h"
#include "vicapi/util/log.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/client.h"

namespace vic::endpoint {

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr const char* kCookie = "vic-portal-session";
constexpr std::size_t kMaxLoginBody = 8 * 1024;

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string page(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) +
         "</title><style>body{font-family:sans-serif;margin:2em;max-width:52em}"
         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;"
         "text-align:left}.bad{color:#b00}.good{color:#070}</style></head><body><h1>" +
         escape(title) + "</h1>" + body + "</body></html>";
}

std::string bytesText(long long b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(b) / (1024.0 * 1024 * 1024));
  return buf;
}

std::string uptime(std::chrono::steady_clock::time_point since) {
  const long long s =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - since)
          .count();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lldd %02lldh %02lldm %02llds", s / 86400, s / 3600 % 24,
                s / 60 % 60, s % 60);
  return buf;
}

// The VCH's certificate, or for a VCH without TLS one made for this run.
EndpointConfig portalTls(EndpointConfig c) {
  if (!c.serverCertificate.empty()) return c;
  crypto::CertificateRequest req;
  req.commonName = c.vchName;
  req.organization = {"VMware, Inc."};
  req.serverAuth = true;
  req.validDays = 365;
  auto pair = crypto::selfSigned(req);
  c.serverCertificate = pair.certificatePem;
  c.serverPrivateKey = pair.privateKeyPem;
  c.noTlsVerify = true;
  return c;
}

class PortalHandler : public Poco::Net::HTTPRequestHandler {
 public:
  PortalHandler(EndpointRuntime& runtime, PortalSessions& sessions, Poco::Net::SocketAddress docker,
                std::string logFile)
      : runtime_(runtime), sessions_(sessions), docker_(docker), logFile_(std::move(logFile)) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    const std::string path = req.getURI().substr(0, req.getURI().find('?'));
    const std::string ip = req.clientAddress().host().toString();
    if (path == "/authentication" && req.getMethod() == "POST") return login(req, res, ip);
    if (path == "/authentication") return send(res, HTTPResponse::HTTP_OK, loginPage(""));
    const std::string user = whoIs(req, ip);
    if (user.empty()) {
      res.setStatusAndReason(HTTPResponse::HTTP_SEE_OTHER);
      res.set("Location", "/authentication");
      res.setContentLength(0);
      res.send();
      return;
    }
    if (path == "/logout") {
      Poco::Net::NameValueCollection cookies;
      req.getCookies(cookies);
      sessions_.close(cookies.get(kCookie, ""));
      res.setStatusAndReason(HTTPResponse::HTTP_SEE_OTHER);
      res.set("Location", "/authentication");
      res.setContentLength(0);
      res.send();
      return;
    }
    if (path == "/logs/vic-endpoint.log") return log(res);
    if (path == "/" || path == "/index.html")
      return send(res, HTTPResponse::HTTP_OK, dashboard(user));
    send(res, HTTPResponse::HTTP_NOT_FOUND, page("Not found", "<p>Nothing is here.</p>"));
  }

 private:
  static void send(HTTPServerResponse& res, HTTPResponse::HTTPStatus status,
                   const std::string& html) {
    res.setStatusAndReason(status);
    res.setContentType("text/html; charset=utf-8");
    res.set("Cache-Control", "no-store");
    res.set("X-Frame-Options", "DENY");
    res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    res.setContentLength(static_cast<std::streamsize>(html.size()));
    res.send() << html;
  }

  // A verified client certificate, or a session cookie from this address.
  std::string whoIs(HTTPServerRequest& req, const std::string& ip) {
    try {
      auto& impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(req);
      Poco::Net::SecureStreamSocket secure(impl.socket());
      if (secure.havePeerCertificate())
        return "client certificate " + secure.peerCertificate().commonName();
    } catch (const std::exception&) {
    }
    Poco::Net::NameValueCollection cookies;
    req.getCookies(cookies);
    return sessions_.user(cookies.get(kCookie, ""), ip);
  }

  std::string loginPage(const std::string& error) {
    return page("VCH " + runtime_.config().vchName + " admin portal",
                (error.empty() ? "" : "<p class=\"bad\" role=\"alert\">" + escape(error) + "</p>") +
                    "<form method=\"post\" action=\"/authentication\">"
                    "<p><label for=\"user\">vSphere user</label><br>"
                    "<input id=\"user\" name=\"username\" autocomplete=\"username\"></p>"
                    "<p><label for=\"password\">Password</label><br>"
                    "<input id=\"password\" name=\"password\" type=\"password\" "
                    "autocomplete=\"current-password\"></p>"
                    "<p><button type=\"submit\">Log in</button></p></form>");
  }

  void login(HTTPServerRequest& req, HTTPServerResponse& res, const std::string& ip) {
    if (req.getContentLength64() > static_cast<Poco::Int64>(kMaxLoginBody)) {
      res.setKeepAlive(false);
      return send(res, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE,
                  loginPage("That was too long."));
    }
    Poco::Net::HTMLForm form;
    form.setFieldLimit(4);
    form.setValueLengthLimit(4096);
    try {
      form.load(req, req.stream());
    } catch (const Poco::Exception&) {
      return send(res, HTTPResponse::HTTP_BAD_REQUEST, loginPage("The form did not read."));
    }
    const std::string user = form.get("username", "");
    const Secret password(form.get("password", ""));
    if (user.empty())
      return send(res, HTTPResponse::HTTP_BAD_REQUEST,
                  loginPage("Give a vSphere user and password."));
    try {
      const auto& p = runtime_.config().placement;
      const tls::Trust trust = p.targetThumbprint.empty()
                                   ? tls::Trust::systemRoots()
                                   : tls::Trust::pin(tls::Thumbprint::parse(p.targetThumbprint));
      vim::Client client(net::Endpoint::parse(p.target), trust);
      client.login(user, password);
    } catch (const std::exception& e) {
      logger()->info("admin portal: vSphere login of {} from {} refused", user, ip);
      return send(res, HTTPResponse::HTTP_UNAUTHORIZED,
                  loginPage("vCenter did not accept that user and password."));
    }
    Poco::Net::HTTPCookie cookie(kCookie, sessions_.open(ip, user));
    cookie.setSecure(true);
    cookie.setHttpOnly(true);
    cookie.setPath("/");
    cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    res.addCookie(cookie);
    res.setStatusAndReason(HTTPResponse::HTTP_SEE_OTHER);
    res.set("Location", "/");
    res.setContentLength(0);
    res.send();
  }

  std::string dashboard(const std::string& user) {
    const auto& c = runtime_.config();
    const bool healthy = runtime_.vcenterHealthy();
    std::string rows;
    auto row = [&](const std::string& k, const std::string& v, const char* cls = nullptr) {
      rows += "<tr><th scope=\"row\">" + escape(k) + "</th><td" +
              (cls ? std::string(" class=\"") + cls + "\"" : "") + ">" + escape(v) + "</td></tr>";
    };
    row("VCH", c.vchName);
    row("Daemon version", version::current().str());
    row("VCH version", c.vchVersion);
    row("vCenter", c.placement.target);
    row("vCenter connection",
        healthy
            ? "connected as " + c.operationsUser
            : "not connected" + (runtime_.lastError().empty() ? "" : ": " + runtime_.lastError()),
        healthy ? "good" : "bad");
    row("Docker endpoint", "tcp://" + docker_.toString() + (c.noTls ? " (no TLS)" : " (TLS)"));
    row("Uptime", uptime(runtime_.startedAt()));
    try {
      for (const auto& ds : runtime_.datastores())
        row("Datastore " + ds.name,
            bytesText(ds.freeBytes) + " free of " + bytesText(ds.capacityBytes),
            ds.capacityBytes > 0 && ds.freeBytes * 10 < ds.capacityBytes ? "bad" : nullptr);
    } catch (const std::exception& e) {
      row("Datastores", std::string("cannot be read: ") + e.what(), "bad");
    }
    return page(
        "VCH " + c.vchName,
        "<p>Logged in as " + escape(user) +
            ". <a href=\"/logout\">Log out</a></p>"
            "<table><tbody>" +
            rows +
            "</tbody></table>"
            "<p><a href=\"/logs/vic-endpoint.log\" download>Download the daemon's log</a></p>");
  }

  void log(HTTPServerResponse& res) {
    std::ifstream in(logFile_, std::ios::binary);
    if (logFile_.empty() || !in)
      return send(res, HTTPResponse::HTTP_NOT_FOUND,
                  page("No log", "<p>This daemon was started without --log-file.</p>"));
    res.setContentType("text/plain; charset=utf-8");
    res.set("Content-Disposition", "attachment; filename=\"vic-endpoint.log\"");
    res.setChunkedTransferEncoding(true);
    Poco::StreamCopier::copyStream(in, res.send());
  }

  EndpointRuntime& runtime_;
  PortalSessions& sessions_;
  Poco::Net::SocketAddress docker_;
  std::string logFile_;
};

class PortalFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  PortalFactory(EndpointRuntime& runtime, std::shared_ptr<PortalSessions> sessions,
                Poco::Net::SocketAddress docker, std::string logFile)
      : runtime_(runtime),
        sessions_(std::move(sessions)),
        docker_(docker),
        logFile_(std::move(logFile)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new PortalHandler(runtime_, *sessions_, docker_, logFile_);
  }

 private:
  EndpointRuntime& runtime_;
  std::shared_ptr<PortalSessions> sessions_;
  Poco::Net::SocketAddress docker_;
  std::string logFile_;
};

}  // namespace

AdminPortal::AdminPortal(EndpointRuntime& runtime, const Poco::Net::SocketAddress& listen,
                         const Poco::Net::SocketAddress& dockerEndpoint, std::string logFile)
    : sessions_(std::make_shared<PortalSessions>()) {
  Poco::Net::SecureServerSocket socket(listen, 64,
                                       serverContext(portalTls(runtime.config()), true));
  address_ = socket.address();
  auto params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(4);
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new PortalFactory(runtime, sessions_, dockerEndpoint, std::move(logFile)), socket, params);
  server_->start();
}

AdminPortal::~AdminPortal() {
  if (server_) server_->stopAll(true);
}

Poco::Net::SocketAddress AdminPortal::address() const {
  return address_;
}

}  // namespace vic::endpoint
